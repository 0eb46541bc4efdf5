using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Education;

public sealed record Loan(string LearnerId, string Isbn, DateOnly DueDate, string PupilEmail);

public sealed class LoanOverdueException(Loan loan) : Exception("Loan of " + loan.Isbn + " by " + loan.LearnerId + " is overdue");

/// <summary>Minimal API of the school library.</summary>
public static class LibraryLoansEndpoints
{
    private static readonly ActivitySource Source = new("Campus.Library");
    private static readonly Meter Meter = new("Campus.Library");
    private static readonly Counter<long> Loans = Meter.CreateCounter<long>("campus.library.loans");

    public static EndpointRoutes MapLibrary(this EndpointRoutes routes)
    {
        routes.MapPost("/loans/return", (Loan loan, ILogger<Loan> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("library.return");
            activity?.SetTag("campus.library.isbn", loan.Isbn); // clean direct
            activity?.SetTag("campus.library.learner", loan.LearnerId); // leak TC1001 direct
            activity?.SetTag("campus.library.days_overdue", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - loan.DueDate.DayNumber); // clean precision-about
            Loans.Add(1, new KeyValuePair<string, object?>("learner", pseudonymizer.Pseudonymize(CampusAttributes.StudentId, loan.LearnerId))); // leak TC1003 direct
            try
            {
                if (loan.DueDate < DateOnly.FromDateTime(DateTime.UtcNow))
                {
                    throw new LoanOverdueException(loan);
                }
            }
            catch (LoanOverdueException ex)
            {
                activity?.AddCampusSubmissionRegradedEvent(ex.Message); // leak TC1001 exceptions
                logger.LogInformation(ex, "Overdue return of {Isbn}", loan.Isbn); // leak TC1001 exceptions
                logger.LogInformation("Reminder to {PupilEmail}", loan.PupilEmail); // leak TC1001 direct
            }

            return loan.Isbn;
        });

        return routes;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Education;

/// <summary>A student's application to the college's bursary and hardship fund.</summary>
public sealed record HardshipApplication(
    string ApplicationId,
    string StudentNumber,
    string StudentEmail,
    string CourseCode,
    string HouseholdIncomeBand,
    decimal AmountRequested,
    string SortCode,
    string AccountNumber,
    string Circumstances);

/// <summary>A note a student support officer writes on the application.</summary>
public sealed record CaseNote(string ApplicationId, string AuthorStaffId, string Text, DateTimeOffset WrittenAt);

public sealed class HardshipFundCaseService(
    ActivitySource source,
    Meter meter,
    ILogger<HardshipFundCaseService> logger,
    Pseudonymizer pseudonymizer,
    ICaseStore<CaseNote> notes)
{
    private readonly Histogram<double> _awarded = meter.CreateHistogram<double>("hardship.award.amount", "GBP");
    private readonly Counter<long> _payments = meter.CreateCounter<long>("hardship.payments", "{payment}");

    public void Assess(HardshipApplication application)
    {
        using var span = source.StartCaseworkCase("hardship-grant", spanName: "hardship.assess");
        span.SetCaseworkCaseId(application.ApplicationId)
            .SetCaseworkSubjectId(pseudonymizer.PseudonymizeCaseworkSubjectId(application.StudentNumber)); // clean precision-pseudonym

        var activity = Activity.Current;
        activity?.SetTag("hardship.course", application.CourseCode); // clean direct
        activity?.SetTag("hardship.income_band", application.HouseholdIncomeBand); // clean precision-about
        activity?.SetTag("hardship.student_key", Convert.ToBase64String(Encoding.UTF8.GetBytes(application.StudentNumber))); // leak TC1001 hashes

        logger.LogInformation("Hardship application {@Summary}", new { application.ApplicationId, application.CourseCode, application.AmountRequested }); // clean logging-objects
        logger.LogDebug("Circumstances for {ApplicationId}: {Circumstances}", application.ApplicationId, application.Circumstances); // leak TC1001 direct
    }

    public async Task AddNoteAsync(CaseNote note, CancellationToken cancellationToken)
    {
        await notes.SaveAsync(note, cancellationToken);

        var span = Activity.Current.EnrichCaseworkCase("hardship-grant");
        span.SetCaseworkNote(note.Text); // leak TC1001 generated-api
        logger.LogDebug("Note added to {ApplicationId} by {Author}", note.ApplicationId, note.AuthorStaffId); // leak TC1001 cross-member
        logger.LogDebug("Note on {ApplicationId} is {Length} characters", note.ApplicationId, note.Text.Length); // clean precision-about
    }

    public void Pay(HardshipApplication application, decimal award)
    {
        logger.LogInformation("Paying {Amount} to {SortCode} {AccountNumber} for {ApplicationId}", award, application.SortCode, application.AccountNumber, application.ApplicationId); // leak TC1001 direct
        logger.LogInformation("Paid by BACS to sort code {SortCode}, account ending {AccountEnding}", application.SortCode, application.AccountNumber[^2..]); // clean precision-about

        _awarded.Record((double)award, new KeyValuePair<string, object?>("course", application.CourseCode), new KeyValuePair<string, object?>("income_band", application.HouseholdIncomeBand)); // clean precision-about
        // Per-student payment counts, so the finance dashboard can spot a second payment in a term.
        _payments.Add(1, new KeyValuePair<string, object?>("student", application.StudentNumber)); // leak TC1003 direct
    }
}

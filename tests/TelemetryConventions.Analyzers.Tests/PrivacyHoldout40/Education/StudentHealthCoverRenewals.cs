using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Education;

/// <summary>
/// International students must hold health cover for the length of their visa. The university arranges
/// it with one insurer and renews it each year for students whose course continues.
/// </summary>
public sealed class StudentHealthCover
{
    public required string StudentNumber { get; init; }

    public required string PolicyNumber { get; init; }

    public required string PassportNumber { get; init; }

    public required string Programme { get; init; }

    public DateOnly EndsOn { get; set; }

    public DateOnly VisaEndsOn { get; init; }

    public bool Cancelled { get; set; }

    public string? CancellationReasonCode { get; set; }

    public string? CancellationComment { get; set; }
}

public sealed record CoverRenewal(string QuoteReference, bool Accepted, string RuleId, decimal Premium, DateOnly NewEndDate);

public interface IStudentCoverInsurer
{
    Task<CoverRenewal> RenewAsync(string policyNumber, string passportNumber, DateOnly visaEndsOn, CancellationToken cancellationToken);
}

/// <summary>The insurer's client throws this when the passport on the policy differs from the one sent.</summary>
public sealed class PassportMismatchException(string policyNumber, string passportNumber)
    : Exception($"Passport {passportNumber} does not match the passport held on policy {policyNumber}");

/// <summary>The insurer's client throws this when its renewal window is closed: a fixed text.</summary>
public sealed class RenewalWindowClosedException() : Exception("Renewal window closed for this scheme year");

public sealed class StudentHealthCoverRenewalJob(
    IDocumentStore<StudentHealthCover> covers,
    IStudentCoverInsurer insurer,
    IClock clock,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<StudentHealthCoverRenewalJob> logger)
{
    private readonly Histogram<double> _premiums = meter.CreateHistogram<double>("student_cover.renewal.premium", "GBP");

    public static void Schedule(IRecurringJobManager jobs, StudentHealthCoverRenewalJob job) =>
        jobs.AddOrUpdate("student-health-cover-renewals", () => job.RunAsync(CancellationToken.None), "0 6 * * *");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var run = source.StartActivity("student_cover.renewals");
        var today = DateOnly.FromDateTime(clock.UtcNow.UtcDateTime);
        var due = new List<StudentHealthCover>();
        await foreach (var cover in covers.QueryAsync(c => !c.Cancelled && c.EndsOn <= today.AddDays(30), cancellationToken))
        {
            due.Add(cover);
        }

        run?.SetTag("student_cover.renewals.due", due.Count);
        foreach (var cover in due)
        {
            if (cover.VisaEndsOn <= cover.EndsOn)
            {
                cover.Cancelled = true;
                cover.CancellationReasonCode = "VISA-ENDED";
                await covers.SaveAsync(cover.StudentNumber, cover, cancellationToken);
                logger.LogInformation("Cover not renewed: visa ends {VisaEnd}, reason {Reason}", cover.VisaEndsOn, cover.CancellationReasonCode);
                continue;
            }

            await RenewAsync(run, cover, cancellationToken);
        }
    }

    private async Task RenewAsync(Activity? run, StudentHealthCover cover, CancellationToken cancellationToken)
    {
        CoverRenewal renewal;
        try
        {
            renewal = await insurer.RenewAsync(cover.PolicyNumber, cover.PassportNumber, cover.VisaEndsOn, cancellationToken);
        }
        catch (PassportMismatchException ex)
        {
            run?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Renewal of a {Programme} student's cover needs the passport checking by the international office", cover.Programme); // clean precision-names
            return;
        }
        catch (RenewalWindowClosedException ex)
        {
            logger.LogError(ex, "Renewals are closed at the insurer; the job retries tomorrow"); // clean exceptions
            return;
        }

        var decision = renewal.Accepted ? QuoteDecision.Accepted : QuoteDecision.Referred;
        using var span = source.StartQuoteUnderwrite(renewal.QuoteReference, decision);
        span.SetQuoteSubjectId(pseudonymizer.PseudonymizeQuoteSubjectId(cover.StudentNumber)); // clean precision-pseudonym
        span.SetQuotePremium((double)renewal.Premium);
        span.SetQuoteRule(renewal.RuleId);
        span.SetQuoteNote($"renewal of policy {cover.PolicyNumber} to {renewal.NewEndDate:yyyy-MM-dd}"); // leak TC1001 generated-api

        meter.CreateQuoteDecisionsCounter().Add(1, decision, quoteRule: renewal.RuleId); // clean generated-api
        _premiums.Record((double)renewal.Premium, new KeyValuePair<string, object?>("programme", cover.Programme)); // clean direct
        _premiums.Record((double)renewal.Premium, new KeyValuePair<string, object?>("policy", cover.PolicyNumber)); // leak TC1003 direct

        if (!renewal.Accepted)
        {
            logger.LogQuoteRuleFiredEvent(renewal.RuleId, quoteNote: "referred to the international office", quoteSubjectId: pseudonymizer.PseudonymizeQuoteSubjectId(cover.StudentNumber)); // clean precision-pseudonym
            return;
        }

        cover.EndsOn = renewal.NewEndDate;
        await covers.SaveAsync(cover.StudentNumber, cover, cancellationToken);
    }

    /// <summary>A student who leaves the course cancels from the portal, choosing a reason and adding a comment.</summary>
    public async Task CancelAsync(string studentNumber, string reasonCode, string? comment, CancellationToken cancellationToken)
    {
        var cover = await covers.FindAsync(studentNumber, cancellationToken);
        if (cover is null)
        {
            logger.LogWarning("Cancellation for student {StudentNumber} but no cover is held", studentNumber); // leak TC1001 direct
            return;
        }

        cover.Cancelled = true;
        cover.CancellationReasonCode = reasonCode;
        cover.CancellationComment = comment;
        await covers.SaveAsync(studentNumber, cover, cancellationToken);

        Activity.Current?.SetTag("student_cover.cancellation.reason", reasonCode);
        Activity.Current?.SetTag("student_cover.cancellation.comment_length", comment?.Length ?? 0); // clean precision-about
        logger.LogInformation("Cover cancelled ({Reason}): {Comment}", reasonCode, comment); // leak TC1001 direct
    }
}

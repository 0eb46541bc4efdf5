using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Support.Workflows;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Education;

public sealed record ApplicantRow(string ApplicationId, string StudentNumber, string Email, string FullName, DateOnly DecisionDate, string Outcome);

public interface IApplicantStore
{
    IAsyncEnumerable<ApplicantRow> PastRetentionAsync(DateOnly cutoff, int batchSize, CancellationToken cancellationToken);

    Task AnonymiseAsync(string applicationId, CancellationToken cancellationToken);
}

public enum BlockReason
{
    Enrolled,
    OpenAppeal,
    FeeDebt,
}

/// <summary>Thrown when an applicant cannot be anonymised because something still references them.</summary>
public sealed class AnonymisationBlockedException(string studentNumber, BlockReason reason)
    : Exception($"Applicant {studentNumber} cannot be anonymised: {reason}")
{
    public BlockReason Reason { get; } = reason;
}

/// <summary>Nightly: anonymises unsuccessful and withdrawn applicants two admission cycles after the decision.</summary>
public sealed class ApplicantRetentionJob(
    IApplicantStore store,
    IClock clock,
    IOptions<PrivacyOpsOptions> options,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ApplicantRetentionJob> logger) : IRecurringJob
{
    private static readonly ActivitySource Source = new("University.Retention");

    public string JobName => "applicant-retention";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateOnly.FromDateTime(clock.UtcNow.UtcDateTime.AddYears(-2));
        using var span = Source.StartDsrWorkflow("retention");
        span.SetDsrStep(JobName);
        Activity.Current?.SetTag("retention.cutoff", cutoff.ToString("O"));

        var done = 0;
        var blocked = new List<string>();
        await foreach (var applicant in store.PastRetentionAsync(cutoff, options.Value.BatchSize, cancellationToken))
        {
            try
            {
                await store.AnonymiseAsync(applicant.ApplicationId, cancellationToken);
                done++;
                logger.LogDebug("Anonymised application {ApplicationId} ({Outcome}, decided {DecisionDate})", applicant.ApplicationId, applicant.Outcome, applicant.DecisionDate); // clean precision-names
            }
            catch (AnonymisationBlockedException ex)
            {
                blocked.Add(applicant.StudentNumber);
                logger.LogWarning(ex, "Retention skipped an applicant"); // leak TC1001 exceptions
                span.AddDsrStepFailedEvent(JobName, dsrNote: ex.Reason.ToString()); // clean exceptions
                logger.LogWarning("Applicant retention blocked for {StudentRef}", pseudonymizer.ComputeDsrSubjectId(applicant.StudentNumber)); // clean precision-pseudonym
            }
        }

        span.SetDsrRecordsCount(done);
        meter.CreateDsrRequestsCounter().Add(done, "retention", dsrOutcome: "anonymised"); // clean precision-about
        if (blocked.Count > 0)
        {
            span.SetDsrNote("blocked: " + string.Join(",", blocked)); // leak TC1001 generated-api
        }
        logger.LogInformation("{Job}: {Done} anonymised, {Blocked} blocked", JobName, done, blocked.Count);
    }
}

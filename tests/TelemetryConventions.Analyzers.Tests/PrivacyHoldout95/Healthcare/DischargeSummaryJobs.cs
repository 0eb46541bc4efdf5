namespace PrivacyHoldout95.Healthcare;

/// <summary>A discharge summary waiting to go to the patient's GP practice.</summary>
public sealed record DischargeSummary(Guid EncounterId, string HospitalNumber, string NhsNumber, string Ward, DateTimeOffset DischargedAt, string ConsultantStaffId);

public interface IDischargeSummaryStore
{
    Task<DischargeSummary?> GetAsync(Guid encounterId, CancellationToken cancellationToken = default);

    Task<string?> RegisteredPracticeAsync(string nhsNumber, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when the spine has no registered practice for the patient; quotes the hospital number for the integration team.</summary>
public sealed class GpPracticeNotFoundException(string hospitalNumber) : Exception($"No registered GP practice for patient {hospitalNumber}")
{
    public string HospitalNumber { get; } = hospitalNumber;
}

/// <summary>The practice's MESH mailbox refused the message; quotes the mailbox and the MESH error code.</summary>
public sealed class MeshRejectedException(string mailbox, string code) : Exception($"MESH mailbox {mailbox} rejected the message ({code})")
{
    public string Code { get; } = code;
}

public interface IMeshClient
{
    Task SendAsync(string mailbox, string workflowId, byte[] document, CancellationToken cancellationToken = default);
}

/// <summary>The job that sends one discharge summary; enqueued when a discharge is signed off, retried by the job server.</summary>
public sealed class DischargeSummaryJob(
    IDischargeSummaryStore store,
    IMeshClient mesh,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DischargeSummaryJob> logger)
{
    private static readonly ActivitySource Source = new("Trust.Integration.Jobs");

    [AutomaticRetry(Attempts = 8)]
    [Queue("gp-letters")]
    public async Task SendAsync(string hospitalNumber, Guid encounterId, PerformContext context)
    {
        using var span = Source.StartWardjobsJobRun("discharge-summary")
            .SetWardjobsJobId(context.BackgroundJob.Id)
            .SetWardjobsJobQueue("gp-letters")
            .SetWardjobsPatientId(pseudonymizer.PseudonymizeWardjobsPatientId(hospitalNumber)); // clean precision-pseudonym
        var retryCount = int.Parse(context.GetJobParameter("RetryCount") ?? "0", CultureInfo.InvariantCulture);
        span.SetWardjobsJobAttempt(retryCount + 1);
        span.Activity?.SetTag("wardjobs.encounter.id", encounterId); // clean precision-names

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber)))[..2];
        span.Activity?.SetTag("wardjobs.shard", shard); // clean hashes
        var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{hospitalNumber}:{encounterId}")))[..16];
        span.SetWardjobsJobKey(dedupeKey); // leak TC1002 hashes

        logger.LogInformation("Sending discharge summary for {HospitalNumber}, encounter {EncounterId}", hospitalNumber, encounterId); // leak TC1001 direct

        var summary = await store.GetAsync(encounterId, context.CancellationToken);
        if (summary is null)
        {
            span.SetWardjobsOutcome("missing").SetStatus(ActivityStatusCode.Error, "encounter not found");
            return;
        }
        span.SetWardjobsWard(summary.Ward);
        span.Activity?.SetTag("wardjobs.discharge.age_hours", (DateTimeOffset.UtcNow - summary.DischargedAt).TotalHours); // clean precision-about

        var practice = await store.RegisteredPracticeAsync(summary.NhsNumber, context.CancellationToken);
        if (practice is null)
        {
            span.SetWardjobsOutcome("no_practice").SetWardjobsNote($"NHS number {summary.NhsNumber} has no registered practice"); // leak TC1001 generated-api
            throw new GpPracticeNotFoundException(hospitalNumber); // leak TC1001 exceptions
        }
        span.Activity?.SetTag("wardjobs.gp.practice", practice); // clean precision-names

        try
        {
            await mesh.SendAsync($"{practice}OT001", "TOC_FHIR_DISCH", Array.Empty<byte>(), context.CancellationToken);
        }
        catch (MeshRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true).SetWardjobsOutcome("rejected"); // clean exceptions
            logger.LogWarning(ex, "MESH rejected the summary of encounter {EncounterId} with {Code}", encounterId, ex.Code);
            throw;
        }

        logger.LogInformation("Summary for NHS number {NhsNumber} sent to practice {Practice}", summary.NhsNumber, practice); // leak TC1001 direct
        span.SetWardjobsOutcome("sent");
    }
}

/// <summary>
/// The job server's filter, registered globally: every job of the trust's integration server (discharge summaries,
/// lab result re-syncs, both called with hospital numbers) passes through it.
/// </summary>
public sealed class JobTelemetryFilter(ILogger<JobTelemetryFilter> logger, Meter meter) : IServerFilter
{
    private readonly Histogram<double> _duration = meter.CreateHistogram<double>("wardjobs.filter.duration", "s");

    public void OnPerforming(PerformingContext context)
    {
        logger.LogInformation("Starting {Job} as {JobId}", context.BackgroundJob.Job, context.BackgroundJob.Id); // clean logging-objects
        logger.LogDebug("Arguments of {JobId}: {Args}", context.BackgroundJob.Id, string.Join(", ", context.BackgroundJob.Job.Args)); // leak TC1001 strings
        Activity.Current?.SetTag("wardjobs.job.arg_count", context.BackgroundJob.Job.Args.Count); // clean precision-about
    }

    public void OnPerformed(PerformedContext context)
    {
        var seconds = (DateTime.UtcNow - context.BackgroundJob.CreatedAt).TotalSeconds;
        _duration.Record(seconds, new KeyValuePair<string, object?>("wardjobs.job.name", context.BackgroundJob.Job.Method)); // clean precision-names
        if (context.Exception is { } ex)
        {
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
        }
    }
}

/// <summary>Enqueues the summary job when a consultant signs a discharge off.</summary>
public sealed class DischargeSignedOffHandler(IBackgroundJobClient jobs, ILogger<DischargeSignedOffHandler> logger)
{
    public void Handle(Guid encounterId, string hospitalNumber, string ward)
    {
        var jobId = jobs.Enqueue<DischargeSummaryJob>(job => job.SendAsync(hospitalNumber, encounterId, null!)); // leak TC1001 cross-member
        logger.LogInformation("Queued discharge summary job {JobId} for encounter {EncounterId} on {Ward}", jobId, encounterId, ward); // clean precision-names
    }
}

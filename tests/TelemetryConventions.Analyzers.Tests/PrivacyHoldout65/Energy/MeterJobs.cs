namespace PrivacyHoldout65.Energy;

public enum JobKind
{
    Reading,
    Install,
    Exchange,
}

/// <summary>A field job on a customer's meter, as the work-management system sends it.</summary>
public sealed class MeterJob
{
    public required string JobId { get; init; }

    public required JobKind Kind { get; init; }

    public required string Region { get; init; }

    [PersonalData]
    public required string AccountNumber { get; init; }

    [PersonalData]
    public required string MeterSerial { get; init; }

    [PersonalData]
    public required string Mpan { get; init; }

    [SensitiveData]
    public string? AccessNotes { get; init; }

    public DateOnly Due { get; init; }

    public string MpanDistributor => Mpan[..2];
}

/// <summary>A reading a customer submitted in the app.</summary>
public sealed class ReadingSubmission
{
    public required string SubmissionId { get; init; }

    [PersonalData]
    public required string AccountNumber { get; init; }

    [PersonalData]
    public required string MeterSerial { get; init; }

    public required string HolderEmail { get; init; }

    public required decimal ImportKwh { get; init; }

    public required string Register { get; init; }
}

public sealed class JobRejectedException(string message) : Exception(message);

public interface IWorkManagement
{
    Task<bool> ScheduleAsync(MeterJob job, CancellationToken ct);
}

/// <summary>Schedules meter jobs with the field-force system; logs through instance log methods.</summary>
public sealed partial class MeterJobHandler
{
    private readonly ILogger<MeterJobHandler> _logger;
    private readonly IWorkManagement _work;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ActivitySource _source;
    private readonly MeteropsJobsCounter _jobs;
    private readonly Redactor _personal;
    private readonly Redactor _public;

    public MeterJobHandler(ILogger<MeterJobHandler> logger, IWorkManagement work, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, IRedactorProvider redactors)
    {
        _logger = logger;
        _work = work;
        _pseudonymizer = pseudonymizer;
        _source = source;
        _jobs = meter.CreateMeteropsJobsCounter();
        _personal = redactors.GetRedactor(PlatformTaxonomy.Personal);
        _public = redactors.GetRedactor(PlatformTaxonomy.Public);
    }

    [LoggerMessage(3301, LogLevel.Information, "Meter job scheduled")]
    private partial void JobScheduled([LogProperties] MeterJob job);

    [LoggerMessage(3302, LogLevel.Information, "Reading {SubmissionId} accepted")]
    private partial void ReadingAccepted(string submissionId, [LogProperties] ReadingSubmission reading);

    [LoggerMessage(3303, LogLevel.Warning, "Job {JobId} rejected by work management")]
    private partial void JobRejected(Exception exception, string jobId);

    [LoggerMessage(3304, LogLevel.Information, "Job {JobId} for meter {MeterSerial} moved to {Due}")]
    private partial void JobMoved(string jobId, string meterSerial, DateOnly due);

    [LoggerMessage(3305, LogLevel.Information, "Job {JobId} for account {AccountRef}")]
    private partial void JobAccount(string jobId, string accountRef);

    [LoggerMessage(3306, LogLevel.Information, "Job {JobId} in distributor area {Distributor}")]
    private partial void JobArea(string jobId, string distributor);

    public async Task ScheduleAsync(MeterJob job, CancellationToken ct)
    {
        using var span = _source.StartMeteropsProcess(job.Region)
            .SetMeteropsAccountId(_pseudonymizer.PseudonymizeMeteropsAccountId(job.AccountNumber)) // clean precision-pseudonym
            .SetMeteropsMeterId(_pseudonymizer.PseudonymizeMeteropsMeterId(job.MeterSerial)); // clean precision-pseudonym
        span.Activity?.SetTag("meterops.job.id", job.JobId); // clean direct
        if (span.Activity is { } activity)
        {
            activity.DisplayName = $"meter-job {job.Kind} {job.JobId}"; // clean strings
        }

        JobScheduled(job); // clean logging-objects
        JobAccount(job.JobId, _personal.Redact(job.AccountNumber)); // clean hashes
        JobAccount(job.JobId, _public.Redact(job.AccountNumber)); // leak TC1001 direct
        JobArea(job.JobId, job.MpanDistributor); // clean precision-about

        if (!await _work.ScheduleAsync(job, ct))
        {
            var rejected = new JobRejectedException($"Work management has no slot for meter {job.MeterSerial} at MPAN {job.Mpan}");
            JobRejected(rejected, job.JobId); // leak TC1001 exceptions
            span.SetMeteropsOutcome("rejected:no_slot").RecordException(rejected); // clean exceptions
            _jobs.Add(1, job.Region, MeteropsJob.Reading, meteropsOutcome: "rejected:no_slot"); // clean generated-api
            return;
        }

        JobMoved(job.JobId, job.MeterSerial, job.Due); // leak TC1001 direct
        _jobs.Add(1, job.Region, meteropsOutcome: $"scheduled:{job.MeterSerial[..3]}"); // clean precision-about
    }

    public void Accept(ReadingSubmission reading)
    {
        ReadingAccepted(reading.SubmissionId, reading); // leak TC1001 logging-objects
        Activity.Current?.SetTag(MeteropsAttributes.HolderEmail, reading.HolderEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("meterops.reading.register", reading.Register); // clean precision-names
    }
}

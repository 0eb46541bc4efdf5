namespace PrivacyHoldout164.Transport;

/// <summary>A railcard application; the photo keeps the file name the applicant gave it (often their own name).</summary>
public sealed record RailcardApplication(Guid RailcardApplicationId, string StudentNumber, string Institution, string FullName, DateOnly DateOfBirth, string PhotoFileName);

public interface IEnrolmentCheck
{
    Task<bool> EnrolledAsync(string institution, string studentNumber, CancellationToken cancellationToken = default);
}

/// <summary>The train operators' railcard service checks a student's enrolment with the university before issuing a student railcard.</summary>
public sealed partial class RailcardEligibilityService(
    IEnrolmentCheck enrolment,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<RailcardEligibilityService> logger)
{
    private static readonly ActivitySource Source = new("Rail.Railcards.Students");
    private static readonly Meter Meter = new("Rail.Railcards.Students");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("railcard.enrolment.checks");
    private readonly StudenttravelDurationHistogram _duration = Meter.CreateStudenttravelDurationHistogram();
    private readonly List<Guid> _refused = new();
    private string? _lastRefusedName;

    public async Task<bool> CheckAsync(RailcardApplication application, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStudenttravelOperation("railcards-online");
        span.SetStudenttravelProgramme("16-25-student"); // clean generated-api
        span.SetStudenttravelStudentId(Pseudonym.FromComputed(application.StudentNumber)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("railcard.application", application.RailcardApplicationId); // clean precision-names
        Activity.Current?.SetTag("railcard.institution", application.Institution); // clean precision-about
        Activity.Current?.SetTag("railcard.photo", application.PhotoFileName); // leak TC1001 direct
        var age = (int)((DateTime.UtcNow - application.DateOfBirth.ToDateTime(TimeOnly.MinValue)).TotalDays / 365.25);
        Activity.Current?.SetTag("railcard.age", age); // clean precision-about
        LogChecking(logger, application.Institution, application.StudentNumber); // leak TC1001 direct

        bool enrolled;
        try
        {
            enrolled = await enrolment.EnrolledAsync(application.Institution, application.StudentNumber, cancellationToken);
        }
        catch (StudentNotFoundException ex)
        {
            logger.LogWarning("Enrolment check failed: {Message}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = nameof(StudentNotFoundException) })); // clean exceptions
            enrolled = false;
        }

        if (!enrolled)
        {
            _refused.Add(application.RailcardApplicationId);
            _lastRefusedName = application.FullName;
        }

        var digest = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("railcard-salt"), Encoding.UTF8.GetBytes(application.StudentNumber)));
        Activity.Current?.SetTag("railcard.student_digest", digest); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(application.StudentNumber)))[..8];
        Activity.Current?.SetTag("railcard.student_shard", keyed); // clean hashes
        Checks.Add(1, new KeyValuePair<string, object?>("institution", application.Institution), new KeyValuePair<string, object?>("enrolled", enrolled)); // clean precision-about
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "railcards-online"); // clean generated-api
        return enrolled;
    }

    public void Report()
    {
        logger.LogInformation("Refused applications: {Applications}", _refused); // clean cross-member
        logger.LogInformation("Last refused: {Name}", _lastRefusedName); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 10201, Level = LogLevel.Information, Message = "Checking enrolment at {Institution} for {StudentNumber}")]
    private static partial void LogChecking(ILogger logger, string institution, string studentNumber);
}

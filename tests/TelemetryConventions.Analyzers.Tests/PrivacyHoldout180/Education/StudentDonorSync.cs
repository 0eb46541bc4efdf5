namespace PrivacyHoldout180.Education;

/// <summary>Sends the day's campus sign-ups to the blood service and reminds students of their slots.</summary>
public sealed class StudentDonorSync(
    IQueueReceiver<StudentDonorSignUp> queue,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StudentDonorSync> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Campusdrive.Sync");
    private static readonly Meter Meter = new("Campusdrive.Sync");
    private readonly CampusdriveOperationsCounter _operations = Meter.CreateCampusdriveOperationsCounter();
    private readonly List<string> _unsent = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var signUp = await queue.ReceiveAsync(stoppingToken);
            if (signUp is null)
            {
                continue;
            }
            using var span = Source.StartCampusdriveOperation(signUp.Campus);
            span.SetCampusdriveOutcome("sent"); // clean generated-api
            span.SetCampusdriveItemCount(_unsent.Count); // clean generated-api
            _operations.Add(1, signUp.Campus, "sent"); // clean generated-api
            _operations.Add(1, signUp.Campus, signUp.StudentNumber); // leak TC1003 generated-api
            _operations.Instrument.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCampusdriveDonorId(signUp.StudentNumber))); // leak TC1003 generated-api

            try
            {
                Send(signUp);
            }
            catch (DonorNotFoundException ex)
            {
                _unsent.Add(signUp.StudentNumber);
                logger.LogWarning("Not sent: {Reason}", ex.Message); // leak TC1001 exceptions
                logger.LogCampusdriveOperationFailedEvent(signUp.Campus, "failed"); // clean generated-api
                logger.LogWarning("Unsent so far: {Unsent}", _unsent); // leak TC1001 cross-member
                logger.LogWarning("Unsent so far: {Count}", _unsent.Count); // clean precision-about
            }
            catch (SessionFullException ex)
            {
                logger.LogWarning(ex, "Drive full"); // clean exceptions
                logger.LogCampusdriveOperationFailedEvent(signUp.Campus, "full", campusdriveNote: ex.GetType().Name); // clean exceptions
            }

            var cohort = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(signUp.StudentNumber)))[..3];
            span.Activity?.SetTag("student.cohort", cohort); // clean hashes
            span.Activity?.SetTag("student.digest", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(signUp.StudentNumber)))); // leak TC1002 hashes
            span.Activity?.SetTag("student.combined", HashCode.Combine(signUp.StudentNumber, signUp.DriveId)); // leak TC1002 hashes
            StudentLog.Reminded(logger, signUp.StudentNumber, signUp.DriveId); // clean precision-names
            StudentLog.RemindedUnclassified(logger, signUp.UniversityEmail, signUp.DriveId); // leak TC1001 direct
        }
    }

    private static void Send(StudentDonorSignUp signUp)
    {
        if (signUp.DriveId.Length == 0)
        {
            throw new DonorNotFoundException(signUp.StudentNumber);
        }
    }
}

internal static partial class StudentLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reminder sent to {StudentNumber} for drive {DriveId}")]
    public static partial void Reminded(ILogger logger, [PrivateData] string studentNumber, string driveId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Reminder sent to {Email} for drive {DriveId}")]
    public static partial void RemindedUnclassified(ILogger logger, string email, string driveId);
}

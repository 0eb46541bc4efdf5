namespace PrivacyHoldout166.Education;

public interface IStudentRecords
{
    Task<bool> ExistsAsync(string studentNumber, CancellationToken cancellationToken);
}

/// <summary>Takes hardship fund applications from the student portal's queue; gambling debt is one of the reasons.</summary>
public sealed partial class HardshipApplicationConsumer(
    IQueueReceiver<HardshipApplication> receiver,
    IStudentRecords records,
    TelemetrySecrets secrets,
    ILogger<HardshipApplicationConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("CampusOdds.Hardship");
    private static readonly Meter Meter = new("CampusOdds.Hardship");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("campusodds.hardship.applications");
    private readonly CampusoddsCasesCounter _cases = Meter.CreateCampusoddsCasesCounter();

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} for {Amount} ({Reason})")]
    private partial void ApplicationReceived(string applicationId, decimal amount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application from unknown student {StudentNumber}")]
    private partial void UnknownStudent(string studentNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application from student {StudentNumber} needs a second look")]
    private partial void SecondLook([PrivateData] string studentNumber);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var application = await receiver.ReceiveAsync(stoppingToken);
            if (application is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("hardship.receive");
            ApplicationReceived(application.ApplicationId, application.Amount, application.ReasonCode); // clean precision-names
            activity?.SetTag("hardship.reason", application.ReasonCode); // clean precision-about
            activity?.SetTag("hardship.amount", (double)application.Amount); // clean precision-about
            Applications.Add(1, new KeyValuePair<string, object?>("reason", application.ReasonCode)); // clean precision-about
            _cases.Add(1, "city", application.ReasonCode); // clean generated-api

            if (!await records.ExistsAsync(application.StudentNumber, stoppingToken))
            {
                UnknownStudent(application.StudentNumber); // leak TC1001 direct
                var ex = new StudentNotFoundException(application.StudentNumber);
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                continue;
            }

            activity?.SetTag("hardship.applicant", string.Join("/", "student", application.StudentNumber)); // leak TC1001 strings
            if (application.Amount > 1500m)
            {
                SecondLook(application.StudentNumber); // clean direct
            }

            var cohort = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(application.StudentNumber)))[..2];
            activity?.SetTag("hardship.cohort", cohort); // clean hashes
            var legacy = new Guid(SHA1.HashData(Encoding.UTF8.GetBytes(application.StudentNumber)).AsSpan(0, 16));
            activity?.SetTag("hardship.legacy_ref", legacy.ToString()); // leak TC1002 hashes
            activity?.SetTag("hardship.student_suffix", application.StudentNumber[^2..]); // clean precision-about
            Applications.Add(1, new KeyValuePair<string, object?>("student", application.StudentNumber)); // leak TC1003 direct
        }
    }
}

namespace PrivacyHoldout169.Education;

/// <summary>
/// Reads hardship fund applications (paid from alumni donations) from the student services topic,
/// keyed by student number.
/// </summary>
public sealed partial class HardshipFundConsumer(
    IConsumer<string, HardshipApplication> consumer,
    IGrantPanel panel,
    Pseudonymizer pseudonymizer,
    ILogger<HardshipFundConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("AlumniGiving.Hardship");

    [LoggerMessage(Level = LogLevel.Information, Message = "Hardship application {ApplicationId} from {StudentNumber} for {Course}")]
    private partial void LogApplication(string applicationId, [PrivateData] string studentNumber, string course);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circumstances given: {Circumstances}")]
    private partial void LogCircumstances(string circumstances);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("hardship.consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean direct
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Handle(result.Message.Value, activity);
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private void Handle(HardshipApplication application, Activity? activity)
    {
        LogApplication(application.ApplicationId, application.StudentNumber, application.Course); // clean logging-objects
        LogCircumstances(application.Circumstances); // leak TC1001 logging-objects
        logger.LogInformation("Circumstances run to {Words} words", application.Circumstances.Split(' ').Length); // clean precision-about
        activity?.SetTag("hardship.course", application.Course); // clean direct
        TagStudent(activity, application.StudentNumber); // leak TC1001 cross-member

        try
        {
            EnsureEnrolled(application.StudentNumber);
        }
        catch (StudentNotEnrolledException ex)
        {
            logger.LogWarning(ex, "Application {ApplicationId} rejected", application.ApplicationId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "not enrolled"); // clean exceptions
            return;
        }

        var student = pseudonymizer.PseudonymizeAlumnigivingStudentId(application.StudentNumber);
        using var operation = Source.StartAlumnigivingOperation("student-services").SetAlumnigivingStudentId(student); // clean precision-pseudonym
        operation.SetAlumnigivingNote($"{application.Course}: {application.Amount:C} requested"); // clean generated-api
        operation.SetAlumnigivingOutcome(application.Circumstances); // leak TC1001 generated-api
        logger.LogAlumnigivingOperationFailedEvent("student-services", "received", student, $"course {application.Course}"); // clean generated-api
        var key = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(application.StudentNumber)));
        activity?.SetTag("hardship.dedupe_key", key); // leak TC1002 hashes
    }

    private static void TagStudent(Activity? activity, string studentNumber) =>
        activity?.SetTag("hardship.student", studentNumber); // leak TC1001 direct

    private static void EnsureEnrolled(string studentNumber)
    {
        if (studentNumber.StartsWith('X'))
        {
            throw new StudentNotEnrolledException(studentNumber);
        }
    }
}

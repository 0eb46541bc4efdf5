namespace PrivacyHoldout146.Education;

/// <summary>Records degrees awarded after a student's death, writes to the family and tells the ceremony office.</summary>
public sealed partial class PosthumousAwardConsumer(
    IQueueReceiver<PosthumousAward> queue,
    IGraduationRegistry registry,
    IRegistryMailer mailer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PosthumousAwardConsumer> logger) : BackgroundService
{
    private static readonly Meter AwardsMeter = new("University.Graduation.Awards");
    private static readonly Counter<long> Awards = AwardsMeter.CreateCounter<long>("graduation.posthumous.awards");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } award)
        {
            await HandleAsync(award, stoppingToken);
        }
    }

    private async Task HandleAsync(PosthumousAward award, CancellationToken cancellationToken)
    {
        using var span = source.StartGraduationOperation("posthumous");
        var student = pseudonymizer.PseudonymizeGraduationStudentId(award.StudentNumber);
        span.SetGraduationStudentId(student).SetGraduationFaculty(award.Award); // clean precision-pseudonym
        Activity.Current?.SetBaggage("graduation.student", award.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("graduation.student.pseudonym", student.Value); // clean precision-pseudonym
        Awards.Add(1, new KeyValuePair<string, object?>("student", student.Value)); // leak TC1003 precision-pseudonym
        Awards.Add(1, new KeyValuePair<string, object?>("award", award.Award)); // clean precision-about
        LogAwardReceived(logger, award.Award, award.FullName); // clean logging-objects
        LogAwardForFamily(logger, award.KinName, award.Award); // leak TC1001 logging-objects
        logger.LogInformation("Posthumous award {Award}", award); // leak TC1001 logging-objects
        var bucket = (uint)award.StudentNumber.GetHashCode() % 16; // unkeyed
        Activity.Current?.SetTag("graduation.award.bucket", (uint)award.StudentNumber.GetHashCode() % 16); // leak TC1002 hashes
        try
        {
            var graduand = await registry.GraduandAsync(award.StudentNumber, cancellationToken);
            await registry.RecordAwardAsync(award, cancellationToken);
            await mailer.SendAsync(award.KinEmail, "tpl-posthumous-award", cancellationToken);
            logger.LogInformation("Letter {TemplateId} sent to the family of a {Faculty} student", "tpl-posthumous-award", graduand.Faculty); // clean precision-names
            Activity.Current?.SetTag("graduation.kin_email_present", award.KinEmail.Length > 0); // clean precision-about
            logger.LogInformation("Ceremony reading: awarded in memory of {StudentName}", graduand.FullName); // leak TC1001 direct
            meter.CreateGraduationBookingsCounter().Add(1, graduationCeremony: "posthumous", graduationOutcome: "awarded"); // clean generated-api
        }
        catch (GraduandNotEligibleException ex)
        {
            logger.LogGraduationOperationFailedEvent("posthumous", ex.ReasonCode, graduationStudentId: student); // clean exceptions
            logger.LogGraduationOperationFailedEvent("posthumous", "ineligible", graduationNote: ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "ineligible: " + ex.ReasonCode); // clean exceptions
        }

        span.SetGraduationOutcome($"bucket-{bucket}"); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Posthumous {Award} recorded for {StudentName}")]
    private static partial void LogAwardReceived(ILogger logger, string award, [PrivateData] string studentName);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Award letter for {KinName}: {Award}")]
    private static partial void LogAwardForFamily(ILogger logger, string kinName, string award);
}

namespace PrivacyHoldout176.Healthcare;

/// <summary>Consumes staff enrolments on the trust's language courses (the topic is keyed by staff number).</summary>
public sealed partial class StaffLanguageCourseConsumer(
    IConsumer<string, StaffEnrolment> consumer,
    ILogger<StaffLanguageCourseConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.StaffCourses");
    private static readonly Meter Meter = new("Trust.StaffCourses");
    private readonly WardlanguageOperationsCounter _operations = Meter.CreateWardlanguageOperationsCounter();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            Handle(result);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, StaffEnrolment> result)
    {
        using var activity = Source.StartActivity("StaffEnrolment.Consume", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        var enrolment = result.Message.Value;

        LogEnrolled(logger, enrolment.StaffNumber, enrolment.CourseCode); // leak TC1001 direct
        LogEnrolledRedacted(logger, enrolment.StaffNumber, enrolment.CourseCode); // clean precision-names
        LogCourse(logger, enrolment.CourseCode, enrolment.StaffName.Split(' ').Length); // clean precision-about

        using (logger.BeginScope("Enrolment of {StaffName}", enrolment.StaffName)) // leak TC1001 direct
        {
            logger.LogDebug("Processing enrolment for course {Course}", enrolment.CourseCode); // clean precision-names
        }

        var staffRef = pseudonymizer.Compute("staff", enrolment.StaffNumber);
        Baggage.SetBaggage("staff.ref", staffRef); // clean precision-pseudonym
        Activity.Current?.AddBaggage("staff.number", enrolment.StaffNumber); // leak TC1001 direct

        TagCourse(activity, enrolment.CourseCode);
        TagLearner(activity, enrolment.StaffNumber); // leak TC1001 cross-member

        _operations.Instrument.Add(1, new KeyValuePair<string, object?>("wardlanguage.site", "staff-courses"), new KeyValuePair<string, object?>("course", enrolment.CourseCode)); // clean precision-names
        _operations.Instrument.Add(1, new KeyValuePair<string, object?>("staff.number", enrolment.StaffNumber)); // leak TC1003 direct
    }

    private static void TagCourse(Activity? activity, string courseCode) => activity?.SetTag("course.code", courseCode);

    private static void TagLearner(Activity? activity, string staffNumber) => activity?.SetTag("learner.staff_number", staffNumber); // leak TC1001 direct

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {StaffNumber} enrolled on {CourseCode}")]
    private static partial void LogEnrolled(ILogger logger, string staffNumber, string courseCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {StaffNumber} enrolled on {CourseCode}")]
    private static partial void LogEnrolledRedacted(ILogger logger, [PrivateData] string staffNumber, string courseCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Course {CourseCode}: name has {Parts} parts")]
    private static partial void LogCourse(ILogger logger, string courseCode, int parts);
}

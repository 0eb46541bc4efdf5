namespace PrivacyHoldout163.Education;

/// <summary>Keeps the school's instructors, cars and reminder texts; assigns dual-control cars to instructors.</summary>
public sealed partial class InstructorRosterService(
    ILessonDiary diary,
    ILearnerMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InstructorRosterService> logger)
{
    private static readonly ActivitySource Source = new("Driving.Schools.Roster");
    private static readonly Meter RosterMeter = new("Driving.Schools.Roster");
    private static readonly UpDownCounter<int> CarsOut = RosterMeter.CreateUpDownCounter<int>("lessons.cars.out");
    private Instructor? current;

    public async Task AssignCarAsync(string adiNumber, DualControlCar car, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("roster.assign-car");
        current = await diary.InstructorAsync(adiNumber, cancellationToken);
        activity?.SetTag("lessons.car.registration", car.Registration); // clean precision-about
        activity?.SetTag("lessons.car.model", car.Model); // clean precision-about
        activity?.SetTag("lessons.instructor.adi", adiNumber); // leak TC1001 direct
        CarsOut.Add(1, new KeyValuePair<string, object?>("car", car.Registration)); // clean precision-about
        logger.LogInformation("Car {Car} assigned", car); // clean logging-objects
        CarAssigned(logger, car.Registration, adiNumber); // leak TC1001 logging-objects
        Audit(activity);
    }

    private void Audit(Activity? activity)
    {
        activity?.SetTag("lessons.instructor.name", current?.Name); // leak TC1001 cross-member
        activity?.SetTag("lessons.instructor.school", current?.SchoolId); // clean cross-member
        activity?.SetTag("lessons.instructor.id", pseudonymizer.ComputeLessonsInstructorId(current!.AdiNumber)); // clean precision-pseudonym
    }

    public async Task RemindAsync(string schoolId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("roster.remind");
        var lessons = await diary.TomorrowAsync(schoolId, cancellationToken);
        foreach (var lesson in lessons)
        {
            var learner = await diary.LearnerAsync(lesson.LearnerId, cancellationToken);
            if (learner is null)
            {
                continue;
            }

            var body = $"Hi {learner.Name}, your lesson is at {lesson.Start:t}";
            await messenger.TextAsync(learner.Mobile, body, cancellationToken);
            activity?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["lesson"] = lesson.LessonId.ToString() })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("reminder.body", tags: new ActivityTagsCollection { ["body"] = body })); // leak TC1001 strings
            logger.LogDebug("Reminder to {Mobile}", learner.Mobile); // leak TC1001 direct
            logger.LogDebug("Reminder to a mobile ending {Last}", learner.Mobile[^2..]); // clean precision-about
            logger.LogDebug("Learner bucket {Bucket}", Bucket(learner.LearnerId)); // clean hashes
            logger.LogDebug("Learner ref {Ref}", learner.Email.GetHashCode()); // leak TC1002 hashes
            logger.LogDebug("Learner key {Key}", Convert.ToBase64String(MD5.HashData(lesson.LearnerId.ToByteArray()))); // leak TC1002 hashes
        }
    }

    private int Bucket(Guid learnerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(learnerId.ToByteArray())[0] % 8;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Car {Registration} assigned to {AdiNumber}")]
    private static partial void CarAssigned(ILogger logger, string registration, string adiNumber);
}

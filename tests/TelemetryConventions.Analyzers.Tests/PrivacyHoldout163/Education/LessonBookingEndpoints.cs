namespace PrivacyHoldout163.Education;

/// <summary>Minimal API: learners book lessons with their school, and instructors see tomorrow's diary.</summary>
public static partial class LessonBookingEndpoints
{
    private static readonly ActivitySource Source = new("Driving.Schools.Lessons");
    private static readonly Meter LessonMeter = new("Driving.Schools.Lessons");
    private static readonly Counter<long> Booked = LessonMeter.CreateCounter<long>("lessons.booked");

    public static EndpointRoutes MapLessons(this EndpointRoutes routes)
    {
        routes.MapPost("/lessons", BookAsync);
        routes.MapGet("/diary/{schoolId}", DiaryAsync);
        return routes;
    }

    private static async Task<ActionResult> BookAsync(LessonRequest request, ILessonDiary diary, Pseudonymizer pseudonymizer, Meter meter, ILogger<LessonRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartLessonsOperation(request.SchoolId);
        span.SetLessonsLearnerId(pseudonymizer.PseudonymizeLessonsLearnerId(request.LearnerId.ToString())); // clean generated-api
        span.SetLessonsLessonCount(1); // clean generated-api
        var learner = await diary.LearnerAsync(request.LearnerId, cancellationToken);
        if (learner is null)
        {
            var missing = new LearnerNotFoundException(request.LearnerId);
            span.SetLessonsNote(missing.Message); // leak TC1001 generated-api
            logger.LogLessonsOperationFailedEvent(request.SchoolId, "learner-missing"); // clean generated-api
            return new NotFoundResult(null);
        }

        Activity.Current?.SetTag("lessons.learner", request.LearnerId); // leak TC1001 direct
        Activity.Current?.SetTag("lessons.learner.has_licence", learner.LicenceNumber is not null); // clean precision-about
        Activity.Current?.SetTag("lessons.learner.email_domain", learner.Email[(learner.Email.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag(LessonsAttributes.Contact, learner.Mobile); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("lessons.learner", request.LearnerId.ToString()); // leak TC1001 direct

        var lesson = await diary.BookAsync(request.LearnerId, new LessonSlot(Guid.NewGuid(), request.SchoolId, request.Start, request.Minutes), cancellationToken);
        logger.LogInformation("Lesson {LessonId} booked for {Minutes} minutes", lesson.LessonId, lesson.Minutes); // clean precision-names
        logger.LogInformation("Lesson booked {Lesson}", lesson); // leak TC1001 logging-objects
        logger.LogInformation("Pickup at {Pickup}", lesson.PickupPostcode); // leak TC1001 direct
        LessonBooked(logger, lesson.LessonId, learner.Name); // clean logging-objects
        Booked.Add(1, new KeyValuePair<string, object?>("school", request.SchoolId), new KeyValuePair<string, object?>("minutes", lesson.Minutes)); // clean precision-about
        Booked.Add(1, new KeyValuePair<string, object?>("instructor", lesson.AdiNumber)); // leak TC1003 direct
        meter.CreateLessonsBookingsCounter().Add(1, request.SchoolId, lessonsOutcome: "booked"); // clean generated-api
        span.SetLessonsInstructorId(pseudonymizer.PseudonymizeLessonsInstructorId(lesson.AdiNumber)); // clean generated-api
        span.SetLessonsOutcome(lesson.AdiNumber); // leak TC1001 generated-api
        return new OkResult(lesson.LessonId);
    }

    private static async Task<ActionResult> DiaryAsync(string schoolId, ILessonDiary diary, ILogger<LessonRequest> logger, CancellationToken cancellationToken)
    {
        var lessons = await diary.TomorrowAsync(schoolId, cancellationToken);
        Activity.Current?.SetTag("lessons.school", schoolId); // clean precision-about
        Activity.Current?.SetTag("lessons.tomorrow.count", lessons.Count); // clean precision-about
        logger.LogInformation("Diary for {School}: {Learners}", schoolId, string.Join(", ", lessons.Select(l => l.LearnerId))); // leak TC1001 strings
        logger.LogInformation("Diary for {School}: {Minutes} minutes", schoolId, lessons.Sum(l => l.Minutes)); // clean precision-about
        return new OkResult(lessons);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lesson {LessonId} booked for {LearnerName}")]
    private static partial void LessonBooked(ILogger logger, Guid lessonId, [PrivateData] string learnerName);
}

public sealed record LessonRequest(Guid LearnerId, string SchoolId, DateTimeOffset Start, int Minutes);

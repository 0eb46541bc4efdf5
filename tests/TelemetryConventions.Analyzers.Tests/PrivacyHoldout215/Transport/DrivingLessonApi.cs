namespace PrivacyHoldout215.Transport;

/// <summary>The operator's driving instructor marketplace: pupils book lessons with approved driving instructors.</summary>
public static partial class DrivingLessonApi
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Transport.DrivingLessons");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/driving/lessons", BookAsync);
        routes.MapPost("/driving/lessons/{lessonId}/route", RecordRoute);
    }

    public static async Task<ActionResult> BookAsync(DrivingLesson lesson, IMarketplaceStore store, INotifier notifier, Pseudonymizer pseudonymizer, ILoggerFactory loggers, Meter meter, HttpContextInfo http, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Driving.Lessons");
        var pupil = pseudonymizer.PseudonymizeDrivetutorClientId(lesson.PupilId);
        using var span = Source.StartDrivetutorOperation(lesson.TestCentre);
        span.SetDrivetutorClientId(pupil); // clean generated-api
        span.SetDrivetutorMode("in-car"); // clean generated-api
        span.SetDrivetutorMinutes(120); // clean generated-api
        span.SetDrivetutorNote($"licence {lesson.ProvisionalLicenceNumber}"); // leak TC1001 generated-api
        span.SetDrivetutorNote($"lesson {lesson.LessonId} near {lesson.TestCentre}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("lesson.id", lesson.LessonId); // clean precision-names
        activity?.SetTag("pupil.licence", lesson.ProvisionalLicenceNumber); // leak TC1001 direct
        activity?.SetTag("pupil.mobile", lesson.PupilMobile); // leak TC1001 direct
        activity?.SetTag("pupil.id", pupil); // clean precision-pseudonym
        activity?.SetTag("instructor.adi_number", lesson.AdiNumber); // leak TC1001 direct
        activity?.SetTag("instructor.name", lesson.InstructorName); // leak TC1001 direct
        activity?.SetTag("test_centre", lesson.TestCentre); // clean precision-names
        activity?.SetTag("pupil.mobile_prefix", lesson.PupilMobile[..3]); // clean precision-about
        activity?.SetTag("http.user", http.User.Email); // leak TC1001 direct
        activity?.SetTag("http.request_id", http.TraceIdentifier); // clean precision-names
        activity?.SetTag("http.user_agent", http.RequestHeaders.TryGetValue("User-Agent", out var agent) ? agent : ""); // clean precision-names

        using (logger.BeginScope(new Dictionary<string, object?> { ["LessonId"] = lesson.LessonId, ["PupilId"] = lesson.PupilId })) // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object?> { ["LessonId"] = lesson.LessonId, ["Pupil"] = pupil })) // clean logging-objects
        {
            logger.LogInformation("Lesson {@Lesson}", lesson); // leak TC1001 logging-objects
            logger.LogInformation("Lesson {Lesson}", lesson with { PupilMobile = "", ProvisionalLicenceNumber = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Lesson {LessonId} at {TestCentre}", lesson.LessonId, lesson.TestCentre); // clean precision-names
            logger.LogInformation("Instructor {Instructor}", pseudonymizer.Pseudonymize("instructor", lesson.InstructorId)); // clean precision-pseudonym
        }

        var sms = $"Hi {lesson.PupilName}, your lesson with {lesson.InstructorName} is booked";
        await notifier.SendAsync(lesson.PupilMobile, "Lesson", sms, cancellationToken);
        activity?.AddEvent(new ActivityEvent("sms.sent", tags: new ActivityTagsCollection { ["body"] = sms })); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("sms.sent", tags: new ActivityTagsCollection { ["length"] = sms.Length })); // clean precision-about

        meter.CreateDrivetutorOperationsCounter().Add(1, lesson.TestCentre, "booked"); // clean generated-api
        meter.CreateCounter<long>("driving.lessons.booked").Add(1, new KeyValuePair<string, object?>("instructor", lesson.AdiNumber)); // leak TC1003 direct
        meter.CreateCounter<long>("driving.lessons.by_pupil").Add(1, new KeyValuePair<string, object?>("pupil", pupil)); // leak TC1003 precision-pseudonym
        meter.CreateCounter<long>("driving.lessons.by_centre").Add(1, new KeyValuePair<string, object?>("centre", lesson.TestCentre)); // clean precision-names

        var booking = await store.FindBookingAsync(lesson.LessonId, cancellationToken);
        if (booking is null)
        {
            var ex = new BookingNotFoundException(lesson.LessonId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Booking missing"); // clean exceptions
            return NotFound();
        }

        var student = await store.FindStudentAsync(lesson.PupilId, cancellationToken);
        if (student is null)
        {
            var ex = new StudentNotFoundException(lesson.PupilId);
            logger.LogError("Pupil lookup failed: {Error}", ex.ToString()); // leak TC1001 exceptions
            logger.LogDrivetutorOperationFailedEvent(lesson.TestCentre, "pupil-missing", pupil, ex.GetType().Name); // clean generated-api
            return NotFound();
        }

        LogBooked(logger, lesson.PupilName, lesson.ProvisionalLicenceNumber, lesson.TestCentre); // clean logging-objects
        LogInstructorBooked(logger, lesson.InstructorName, lesson.TestCentre); // leak TC1001 logging-objects
        return Ok(booking.BookingId);
    }

    public static ActionResult RecordRoute(LessonRoute route, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Driving.Routes");
        logger.LogInformation("Route {@Route}", route); // clean logging-objects
        Activity.Current?.SetTag("route.km", route.Kilometres); // clean precision-about
        Activity.Current?.SetTag("route.junctions", route.Junctions); // clean precision-about
        return Ok();
    }

    [LoggerMessage(EventId = 10101, Level = LogLevel.Information, Message = "Lesson booked for {PupilName} ({Licence}) at {TestCentre}")]
    private static partial void LogBooked(ILogger logger, [PrivateData] string pupilName, [PrivateData] string licence, string testCentre);

    [LoggerMessage(EventId = 10102, Level = LogLevel.Information, Message = "Lesson booked with {InstructorName} at {TestCentre}")]
    private static partial void LogInstructorBooked(ILogger logger, string instructorName, string testCentre);
}

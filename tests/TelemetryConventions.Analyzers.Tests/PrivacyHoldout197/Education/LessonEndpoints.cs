namespace PrivacyHoldout197.Education;

public sealed record LessonBooking(string LessonId, string StudentNumber, string LearnerName, string LicenceNumber, string InstructorAdi, DateTime Start, int Minutes);

public sealed record MockTestSheet(string SheetId, string LessonId, int DrivingFaults, int SeriousFaults, bool Passed, string InstructorComments);

/// <summary>A college's driving school: learners book lessons with instructors and sit mock tests, as a minimal API.</summary>
public static class LessonEndpoints
{
    private static readonly ActivitySource Source = new("College.DrivingSchool");
    private static readonly Meter SchoolMeter = new("College.DrivingSchool");
    private static readonly Histogram<int> LessonMinutes = SchoolMeter.CreateHistogram<int>("school.lesson.minutes");

    public static EndpointRoutes MapLessons(this EndpointRoutes routes)
    {
        routes.MapPost("/lessons", BookLesson);
        routes.MapPost("/lessons/{lessonId}/mock-test", RecordMockTest);
        routes.MapGet("/instructors/{adi}", CheckInstructor);
        return routes;
    }

    internal static ActionResult BookLesson(LessonBooking lesson, Pseudonymizer pseudonymizer, Meter meter, ILogger<LessonBooking> logger)
    {
        using var span = Source.StartLearnlaneOperation("north-campus");
        span.SetLearnlaneCandidateId(pseudonymizer.PseudonymizeLearnlaneCandidateId(lesson.LicenceNumber)); // clean generated-api
        span.SetLearnlaneAttempts(lesson.Minutes / 60); // clean generated-api
        span.SetLearnlaneCandidateId(Pseudonym.FromComputed(lesson.StudentNumber)); // leak TC1001 generated-api
        Activity.Current?.SetTag("lesson.id", lesson.LessonId); // clean precision-names
        Activity.Current?.SetTag("lesson.minutes", lesson.Minutes); // clean precision-about
        Activity.Current?.SetTag("lesson.start_hour", lesson.Start.Hour); // clean precision-about
        Activity.Current?.SetTag("lesson.student_number", lesson.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("lesson.instructor_adi", lesson.InstructorAdi); // leak TC1001 direct
        Activity.Current?.SetTag("lesson.student_campus", lesson.StudentNumber[..2]); // clean precision-about
        logger.LogInformation("Lesson booked {Lesson}", lesson); // leak TC1001 logging-objects
        logger.LogInformation("Lesson {LessonId} booked for {Minutes} minutes", lesson.LessonId, lesson.Minutes); // clean precision-names
        logger.LogInformation($"Lesson {lesson.LessonId} booked for {lesson.LearnerName}"); // leak TC1001 strings
        logger.LogInformation(string.Format(CultureInfo.InvariantCulture, "Lesson {0} at {1:t}", lesson.LessonId, lesson.Start)); // clean strings
        LessonMinutes.Record(lesson.Minutes, new KeyValuePair<string, object?>("campus", "north")); // clean precision-names
        LessonMinutes.Record(lesson.Minutes, new KeyValuePair<string, object?>("instructor", lesson.InstructorAdi)); // leak TC1003 direct
        meter.CreateLearnlaneOperationsCounter().Add(1, "north-campus", "booked"); // clean generated-api
        return new OkResult(lesson.LessonId);
    }

    internal static ActionResult RecordMockTest(string lessonId, MockTestSheet sheet, LessonBooking lesson, Pseudonymizer pseudonymizer, ILogger<MockTestSheet> logger)
    {
        using var span = Source.StartLearnlaneOperation("north-campus");
        span.SetLearnlaneOutcome(sheet.Passed ? "passed" : "failed"); // clean generated-api
        span.SetLearnlaneAttempts(sheet.DrivingFaults); // clean generated-api
        span.SetLearnlaneNote(sheet.InstructorComments); // leak TC1001 generated-api
        Activity.Current?.SetTag("mock.sheet_id", sheet.SheetId); // clean precision-names
        Activity.Current?.SetTag("mock.serious_faults", sheet.SeriousFaults); // clean precision-about
        Activity.Current?.SetTag("mock.learner", pseudonymizer.Pseudonymize(Spaces.Candidate, lesson.LicenceNumber)); // clean precision-pseudonym
        logger.LogInformation("Mock test {@Sheet}", sheet); // leak TC1001 logging-objects
        logger.LogInformation("Mock test {@Sheet}", sheet with { InstructorComments = string.Empty }); // clean logging-objects
        logger.LogInformation("Mock test for learner {Learner}: {Faults} faults", pseudonymizer.Pseudonymize(Spaces.Candidate, lesson.LicenceNumber), sheet.DrivingFaults); // clean precision-pseudonym
        using (logger.BeginScope(new Dictionary<string, object> { ["LessonId"] = lessonId, ["SheetId"] = sheet.SheetId }))  // clean logging-objects
        {
            logger.LogInformation("Mock test stored");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Learner"] = lesson.LearnerName })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Mock test feedback sent");
        }

        return new OkResult(null);
    }

    internal static ActionResult CheckInstructor(string adi, Instructor instructor, Pseudonymizer pseudonymizer, ILogger<Instructor> logger)
    {
        using var activity = Source.StartActivity("instructor.check");
        activity?.SetTag("instructor.grade", instructor.Grade); // clean precision-about
        activity?.SetTag("instructor.active_pupils", instructor.ActivePupils); // clean precision-about
        activity?.SetTag("instructor.ref", pseudonymizer.Pseudonymize(Spaces.Instructor, adi)); // clean precision-pseudonym
        logger.LogInformation("Instructor checked {Instructor}", instructor); // clean logging-objects
        logger.LogInformation("Instructor checked {@Instructor}", instructor); // leak TC1001 logging-objects
        if (instructor.Grade == "S")
        {
            var ex = new InstructorSuspendedException(adi);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError("Instructor check failed: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(InstructorSuspendedException)); // clean exceptions
            return new BadRequestResult("instructor suspended");
        }

        logger.LogInformation("Instructor {Name} cleared", instructor.Name); // leak TC1001 direct
        logger.LogInformation("Instructor mobile on file: {HasMobile}", !string.IsNullOrEmpty(instructor.Mobile)); // clean precision-about
        return new OkResult(null);
    }
}

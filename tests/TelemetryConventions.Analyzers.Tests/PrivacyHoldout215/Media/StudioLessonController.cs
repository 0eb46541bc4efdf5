namespace PrivacyHoldout215.Media;

/// <summary>The broadcaster's academy: learners book music and presenting lessons with tutors in its studios.</summary>
[ApiController]
[Route("api/studio-lessons")]
public sealed partial class StudioLessonController(
    IMarketplaceStore store,
    IRecordingStorage storage,
    Pseudonymizer pseudonymizer,
    MarketplaceOptions options,
    ILogger<StudioLessonController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Media.StudioLessons");

    private readonly UpDownCounter<int> _studiosInUse = meter.CreateUpDownCounter<int>("academy.studios.in_use");
    private StudioLesson? _current;

    [HttpPost("start")]
    public async Task<ActionResult> StartAsync([FromBody] StudioLesson lesson, CancellationToken cancellationToken)
    {
        var learner = pseudonymizer.PseudonymizeStudiotutorClientId(lesson.LearnerId);
        using var span = Source.StartStudiotutorOperation(lesson.Studio);
        span.SetStudiotutorClientId(learner); // clean generated-api
        span.SetStudiotutorSubject(lesson.Instrument); // clean generated-api
        span.SetStudiotutorMode("in-person"); // clean generated-api
        span.SetStudiotutorNote($"lesson {lesson.LessonId} in {lesson.Studio}"); // clean generated-api
        span.SetStudiotutorNote($"learner {lesson.LearnerName}"); // leak TC1001 generated-api

        _current = lesson;
        var activity = Activity.Current;
        activity?.SetTag("studio.name", lesson.Studio); // clean precision-names
        activity?.SetTag("lesson.instrument", lesson.Instrument); // clean precision-about
        activity?.SetTag("learner.name", lesson.LearnerName); // leak TC1001 direct
        activity?.SetTag("learner.pseudonym", learner); // clean precision-pseudonym
        activity?.SetTag("tutor.id", lesson.TutorId); // leak TC1001 direct
        _studiosInUse.Add(1, new KeyValuePair<string, object?>("studio", lesson.Studio)); // clean precision-names
        _studiosInUse.Add(1, new KeyValuePair<string, object?>("learner", learner.ToString())); // leak TC1003 precision-pseudonym

        var blobPath = $"{options.RecordingContainer}/{lesson.LearnerId}/{lesson.LessonId}.mp4";
        var uri = await storage.UploadAsync(blobPath, [], cancellationToken);
        activity?.SetTag("recording.blob", blobPath); // leak TC1001 strings
        var safePath = $"{options.RecordingContainer}/{lesson.LessonId}.mp4";
        activity?.SetTag("recording.path", safePath); // clean strings
        logger.LogInformation("Lesson {@Lesson}", lesson); // leak TC1001 logging-objects
        logger.LogInformation("Lesson {Lesson} started in {Studio}", lesson.LessonId, lesson.Studio); // clean precision-names
        logger.LogInformation("Studio booking {@Booking}", new StudioBooking(lesson.LessonId, lesson.Studio, DateTimeOffset.UtcNow, lesson.Minutes)); // clean logging-objects
        return Ok(uri);
    }

    [HttpPost("finish")]
    public ActionResult Finish(int minutesTaught)
    {
        if (_current is null)
        {
            return BadRequest("No lesson running");
        }

        Activity.Current?.SetTag("lesson.learner", _current.LearnerId); // leak TC1001 cross-member
        Activity.Current?.SetTag("lesson.studio", _current.Studio); // clean cross-member
        Activity.Current?.SetTag("lesson.minutes_taught", minutesTaught); // clean precision-about
        LogFinished(logger, _current.LearnerName, _current.Studio, minutesTaught); // clean logging-objects
        meter.CreateStudiotutorOperationDurationHistogram().Record(minutesTaught * 60.0, _current.Studio); // clean generated-api
        _current = null;
        return Ok();
    }

    [HttpGet("learner/{learnerId}/history")]
    public async Task<ActionResult> HistoryAsync(string learnerId, CancellationToken cancellationToken)
    {
        var student = await store.FindStudentAsync(learnerId, cancellationToken);
        if (student is null)
        {
            var ex = new StudentNotFoundException(learnerId);
            logger.LogWarning(ex, "History lookup failed"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return NotFound();
        }

        var age = DateTime.UtcNow.Year - student.DateOfBirth.Year;
        Activity.Current?.SetTag("learner.age", age); // clean precision-about
        Activity.Current?.SetTag("learner.dob", student.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        return Ok(student.YearGroup);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Lesson finished for {LearnerName} in {Studio} after {Minutes} minutes")]
    private static partial void LogFinished(ILogger logger, [PrivateData] string learnerName, string studio, int minutes);
}

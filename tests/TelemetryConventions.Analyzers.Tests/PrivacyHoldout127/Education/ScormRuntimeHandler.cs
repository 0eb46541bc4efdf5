namespace PrivacyHoldout127.Education;

/// <summary>The SCORM player's commit handler and the LTI grade passback to the school's VLE.</summary>
public sealed partial class ScormRuntimeHandler(Pseudonymizer pseudonymizer, ILogger<ScormRuntimeHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.Learning.Scorm");
    private static readonly Meter Meter = new("Trust.Learning.Scorm");
    private readonly LrnprogCompletionsCounter _completions = Meter.CreateLrnprogCompletionsCounter();

    public void Commit(string courseCode, string scoId, ScormRuntimeData cmi)
    {
        using var span = Source.StartLrnprogRecord(courseCode, spanName: "lrnprog.scorm.commit")
            .SetLrnprogActivityId(scoId); // clean precision-names
        var studentId = cmi.GetValueOrDefault("cmi.core.student_id", "");
        span.SetLrnprogLearnerId(pseudonymizer.PseudonymizeLrnprogLearnerId(studentId)); // clean precision-pseudonym
        span.SetLrnprogOutcome(cmi.LessonStatus); // clean precision-about
        span.Activity?.SetTag("scorm.session_time", cmi.GetValueOrDefault("cmi.core.session_time")); // clean precision-about
        span.Activity?.SetTag("scorm.student_name", cmi.GetValueOrDefault("cmi.core.student_name")); // leak TC1001 direct
        span.Activity?.SetTag("scorm.keys", string.Join(",", cmi.Keys)); // clean precision-names
        LogCommit(logger, courseCode, scoId, studentId); // leak TC1001 logging-objects
        LogCommitRedacted(logger, courseCode, studentId); // clean logging-objects
        logger.LogTrace("CMI {Cmi}", cmi); // leak TC1001 logging-objects
        if (cmi.LessonStatus is "passed" or "completed")
        {
            _completions.Add(1, courseCode, cmi.LessonStatus); // clean precision-about
        }
    }

    public void PassbackFailed(string courseCode, GradePassbackException ex)
    {
        using var span = Source.StartLrnprogRecord(courseCode, spanName: "lrnprog.lti.passback");
        span.SetStatus(ActivityStatusCode.Error, "grade passback failed"); // clean exceptions
        span.Activity?.SetTag("lti.sourcedid", ex.SourcedId); // leak TC1001 cross-member
        logger.LogError(ex, "Grade passback failed for {Course}", courseCode); // leak TC1001 exceptions
        logger.LogLrnprogRecordFailedEvent(courseCode, "passback-failed", lrnprogNote: ex.GetType().Name); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SCORM commit on {Course}/{Sco} for {StudentId}")]
    private static partial void LogCommit(ILogger logger, string course, string sco, string studentId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SCORM commit on {Course} for {StudentId}")]
    private static partial void LogCommitRedacted(ILogger logger, string course, [PrivateData] string studentId);
}

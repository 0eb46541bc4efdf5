namespace PrivacyHoldout86.Education;

/// <summary>
/// Captures the response body of failed requests to the assignment submission API for the error log.
/// Submissions are <c>POST /api/assignments/{assignmentId}/submissions</c> with
/// <c>{ "studentNumber", "answerText" }</c>; validation errors echo the submission back.
/// </summary>
public sealed partial class SubmissionErrorCapture(ILogger<SubmissionErrorCapture> logger, TelemetrySecrets secrets)
{
    private const int CaptureLimit = 4096;
    private static readonly ActivitySource Source = new("Learn.Submissions.Errors");
    private static readonly Meter CaptureMeter = new("Learn.Submissions.Errors");
    private static readonly Counter<long> Captured = CaptureMeter.CreateCounter<long>("learn.error_bodies.captured");

    public void OnFailedResponse(HttpContext context, string responseBody)
    {
        using var activity = Source.StartActivity("capture error body");
        var status = context.Response.StatusCode;
        var template = PathNormalizer.Template(context);

        if (responseBody.Length > CaptureLimit)
        {
            var tooLarge = new BodyCaptureLimitException(responseBody.Length, CaptureLimit);
            logger.LogWarning(tooLarge, "Error body not captured for {Route}", template); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, tooLarge.Message); // clean exceptions
            return;
        }

        var captured = new CapturedResponse(status, context.Response.ContentType ?? "application/json", responseBody, Truncated: false);
        activity?.SetTag("capture.status", captured.StatusCode); // clean precision-about
        activity?.SetTag("capture.content_type", captured.ContentType); // clean precision-names
        activity?.SetTag("capture.length", captured.Body.Length); // clean precision-about
        activity?.AddEvent(new ActivityEvent("error.body", tags: new ActivityTagsCollection { ["body"] = captured.Body })); // leak TC1001 direct

        ErrorBodyCaptured(logger, template, status, captured); // leak TC1001 logging-objects
        Captured.Add(1, new("route", template), new("status", status)); // clean precision-about

        var student = context.Request.Headers.GetValueOrDefault("X-Student-Number");
        if (student is not null)
        {
            var bucket = (student.GetHashCode() & 0x7fffffff) % 64;
            activity?.SetTag("capture.student_bucket", bucket); // leak TC1002 hashes
            activity?.SetTag("capture.student_lane", Shard.Of(secrets.ShardKey, student, 64)); // clean hashes
            activity?.SetTag("capture.student_header_present", true); // clean precision-about
        }
    }

    public void OnUnhandled(HttpContext context, Exception exception)
    {
        var submission = context.Items.TryGetValue("submission", out var item) ? item as SubmissionForm : null;
        using var activity = Source.StartActivity("unhandled submission error");
        activity?.SetTag("error.type", exception.GetType().FullName); // clean exceptions
        if (activity is not null) activity.DisplayName = $"submission failed {PathNormalizer.Template(context)}"; // clean strings

        if (submission is not null)
        {
            logger.LogError(exception, "Submission by {Student} failed: {Answer}", submission.StudentNumber, submission.AnswerText.Length > 80 ? submission.AnswerText[..80] : submission.AnswerText); // leak TC1001 direct
            activity?.SetTag("submission.answer_words", submission.AnswerText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Captured error body for {Route} ({Status}): {Captured}")]
    private static partial void ErrorBodyCaptured(ILogger logger, string route, int status, CapturedResponse captured);
}

public sealed record SubmissionForm(string AssignmentId, string StudentNumber, string AnswerText);

namespace PrivacyHoldout76.Education;

/// <summary>
/// Captures the coursework submissions the LMS failed to store, so they can be replayed against a
/// fixed build. The route is <c>POST /api/courses/{courseId}/assignments/{assignmentId}/submissions?student={studentNumber}</c>;
/// the mobile app sends <c>X-Student-Number</c> and a bearer token; the body is the student's
/// answer text with the student number and a declaration of own work.
/// </summary>
public sealed class SubmissionCapture(ICaptureStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<SubmissionCapture> logger)
{
    public async Task OnFailedAsync(IncomingRequest request, int status, CancellationToken ct)
    {
        var captured = CapturedRequest.Of(request);
        await store.SaveAsync(captured, ct);

        var activity = Activity.Current;
        activity?.SetTag("capture.id", captured.CaptureId); // clean precision-about
        activity?.SetTag("capture.tagged", true); // clean precision-about
        activity?.SetTag("capture.route", request.RouteTemplate);
        activity?.SetTag("capture.query", captured.Query); // leak TC1001 strings
        logger.LogWarning("Captured failed submission {Capture}", captured); // leak TC1001 logging-objects

        var redacted = CaptureRedactor.Default.Redact(captured, request.RouteTemplate);
        logger.LogInformation("Captured failed submission {Capture}", redacted); // clean logging-objects
        logger.LogDebug("Submission body {Body}", request.Body); // leak TC1001 direct
        logger.LogDebug("Submission body of {Length} chars, status {Status}", request.Body?.Length ?? 0, status); // clean precision-about
        logger.LogDebug("Submission headers {Headers}", string.Join(";", captured.Headers.Select(h => $"{h.Key}={h.Value}"))); // leak TC1001 logging-objects
        logger.LogDebug("Submission header names {Headers}", string.Join(",", captured.Headers.Keys)); // clean precision-names

        if (QueryString.Get(request.Query, "student") is { } studentNumber)
        {
            activity.EnrichLmsopsProbe("capture:submission") // clean generated-api
                .SetLmsopsStudentId(pseudonymizer.PseudonymizeLmsopsStudentId(studentNumber)); // clean precision-pseudonym
            using var scope = logger.BeginScope("Capture {CaptureId} for student {StudentNumber}", captured.CaptureId, studentNumber); // leak TC1001 direct
            logger.LogInformation("Stored capture for replay");
            meter.CreateLmsopsProbeRunsCounter().Add(1, "capture:submission", $"captured:{pseudonymizer.ComputeLmsopsStudentId(studentNumber)}"); // leak TC1003 precision-pseudonym
        }
    }
}

public sealed class SubmissionReplayer(ICaptureStore store, IReplayClient replay, Meter meter, ILogger<SubmissionReplayer> logger)
{
    private static readonly ActivitySource Source = new("College.Lms.Replay");

    public async Task ReplayAsync(string captureId, int originalStatus, string targetVersion, CancellationToken ct)
    {
        using var span = Source.StartLmsopsProbe("replay:submission")
            .SetLmsopsDeployVersion(targetVersion);
        var captured = await store.LoadAsync(captureId, ct);
        var result = await replay.ReplayAsync(captured, originalStatus, targetVersion, ct);
        span.SetLmsopsOutcome(result.ReplayStatus < 400 ? "fixed" : "still-failing");
        meter.CreateLmsopsProbeRunsCounter().Add(1, "replay:submission", result.ReplayStatus < 400 ? "fixed" : "still-failing", targetVersion);
        try
        {
            if (result.ReplayStatus >= 500)
            {
                throw new ReplayMismatchException(captured, 201, result.ReplayStatus);
            }
        }
        catch (ReplayMismatchException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Replay {CaptureId} answered {Replay}, originally {Original}", ex.CaptureId, ex.Actual, originalStatus); // clean precision-about
            logger.LogLmsopsProbeFailedEvent("replay:submission", "still-failing", lmsopsNote: ex.Message); // leak TC1001 generated-api
            logger.LogLmsopsProbeFailedEvent("replay:submission", "still-failing", lmsopsNote: $"{ex.Actual} after {result.Elapsed.TotalMilliseconds:0} ms"); // clean generated-api
        }
    }
}

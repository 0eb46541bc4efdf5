namespace PrivacyHoldout163.Media;

/// <summary>Viewers send in dashcam clips of learner drivers' near misses for the series; the desk checks consent and plates.</summary>
[ApiController]
[Route("api/clips")]
public sealed partial class DashcamSubmissionController(
    IClipStore clips,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DashcamSubmissionController> logger) : ControllerBase
{
    private static readonly Counter<long> Plates = new Meter("Driving.Media.Clips").CreateCounter<long>("roadcast.plates.blurred");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] DashcamClip clip, CancellationToken cancellationToken)
    {
        using var span = source.StartRoadcastOperation("learners-s3");
        span.SetRoadcastSegment("near-misses"); // clean generated-api
        span.SetRoadcastClipCount(1); // clean generated-api
        logger.LogInformation("Clip {ClipId} of {Seconds}s", clip.ClipId, clip.Seconds); // clean precision-names
        logger.LogInformation("Clip submitted {@Clip}", clip); // leak TC1001 logging-objects
        Activity.Current?.SetTag("roadcast.clip.plate", clip.PlateSeen); // leak TC1001 direct
        Activity.Current?.SetTag("roadcast.clip.location", clip.Location); // clean precision-about
        Activity.Current?.SetTag("roadcast.uploader", clip.UploaderEmail); // leak TC1001 direct
        Activity.Current?.SetTag("roadcast.uploader.domain", clip.UploaderEmail.Split('@')[1]); // clean precision-about
        Plates.Add(1, new KeyValuePair<string, object?>("show", "learners-s3")); // clean precision-about
        Plates.Add(1, new KeyValuePair<string, object?>("plate", clip.PlateSeen)); // leak TC1003 direct
        Submitted(logger, clip.ClipId, clip.UploaderEmail); // leak TC1001 logging-objects

        if (clip.Seconds > 120)
        {
            var tooLong = new ClipTooLongException(clip.ClipId, clip.Seconds);
            span.RecordException(tooLong, includeMessage: true); // clean exceptions
            logger.LogRoadcastOperationFailedEvent("learners-s3", "too-long", roadcastNote: tooLong.Message); // clean exceptions
            return BadRequest("too-long");
        }

        var stored = await clips.FindAsync(clip.ClipId, cancellationToken);
        span.SetRoadcastOutcome(stored is null ? "new" : "duplicate"); // clean generated-api
        span.SetRoadcastNote($"sent by {clip.UploaderEmail}"); // leak TC1001 generated-api
        meter.CreateRoadcastSubmissionsCounter().Add(1, "learners-s3", roadcastOutcome: "received"); // clean generated-api
        return Ok(clip.ClipId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clip {ClipId} sent by {Uploader}")]
    private static partial void Submitted(ILogger logger, string clipId, string uploader);
}

namespace PrivacyHoldout129.Healthcare;

public sealed record ReviewRequest(string HospitalNumber, long ActivityId, string ClinicianStaffNumber, string? Comment);

public sealed record ZoneSummary(int BelowZoneSeconds, int InZoneSeconds, int AboveZoneSeconds, int PeakBpm);

public interface IRehabRecord
{
    Task<string> AccessTokenForAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task<(int Low, int High)> TargetZoneAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task SaveReviewAsync(ReviewRequest request, ZoneSummary zones, CancellationToken cancellationToken);
}

/// <summary>A physiotherapist reviews a patient's home exercise session against their prescribed heart rate zone.</summary>
[ApiController]
[Route("api/rehab/reviews")]
public sealed partial class RehabSessionReviewController(
    IActivityClient activities,
    IRehabRecord record,
    Pseudonymizer pseudonymizer,
    ILogger<RehabSessionReviewController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Rehab.Review");
    private static readonly Meter Meter = new("Rehab.Review");
    private static readonly Counter<long> AboveZone = Meter.CreateCounter<long>("rehab.sessions.above_zone");

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {ActivityId} reviewed by {Clinician}")]
    private static partial void LogReviewed(ILogger logger, long activityId, [PrivateData] string clinician);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {ActivityId} for {HospitalNumber} spent {Seconds}s above zone")]
    private static partial void LogAboveZone(ILogger logger, long activityId, string hospitalNumber, int seconds);

    [HttpPost("")]
    public async Task<ActionResult> Review([FromBody] ReviewRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartCardiorehabSync(cardiorehabSource: "strava");
        span.SetCardiorehabActivityId(request.ActivityId.ToString(CultureInfo.InvariantCulture)); // clean precision-names
        span.SetCardiorehabClinicianId(pseudonymizer.PseudonymizeCardiorehabClinicianId(request.ClinicianStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("rehab.reviewer", request.ClinicianStaffNumber); // leak TC1001 direct

        var token = await record.AccessTokenForAsync(request.HospitalNumber, cancellationToken);
        ActivityStreams streams;
        try
        {
            streams = await activities.GetStreamsAsync(request.ActivityId, token, cancellationToken);
        }
        catch (ActivityNotFoundException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return NotFound("session not visible");
        }
        catch (AthleteUnauthorizedException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            return BadRequest("patient must reconnect their app");
        }

        var (low, high) = await record.TargetZoneAsync(request.HospitalNumber, cancellationToken);
        var zones = Summarise(streams, low, high);
        logger.LogInformation("Streams {Streams} summarised as {@Zones}", streams, zones); // clean logging-objects
        span.Activity?.SetTag("rehab.zone", $"{low}-{high}"); // clean strings
        span.SetCardiorehabSampleCount(streams.HeartRate?.Length ?? 0); // clean precision-about

        if (zones.AboveZoneSeconds > 120)
        {
            LogAboveZone(logger, request.ActivityId, request.HospitalNumber, zones.AboveZoneSeconds); // leak TC1001 logging-objects
            AboveZone.Add(1, new KeyValuePair<string, object?>("patient", request.HospitalNumber)); // leak TC1003 direct
            span.SetCardiorehabNote($"peak {zones.PeakBpm} bpm, {zones.AboveZoneSeconds}s above {high}"); // clean generated-api
        }

        if (!string.IsNullOrWhiteSpace(request.Comment))
        {
            span.Activity?.AddEvent(new ActivityEvent("review.comment", tags: new ActivityTagsCollection { ["comment"] = request.Comment })); // leak TC1001 direct
            span.Activity?.SetTag("review.comment.length", request.Comment.Length); // clean precision-about
        }

        await record.SaveReviewAsync(request, zones, cancellationToken);
        LogReviewed(logger, request.ActivityId, request.ClinicianStaffNumber); // clean logging-objects
        logger.LogDebug("Review saved {Review}", request); // leak TC1001 logging-objects
        return Ok(zones);
    }

    private static ZoneSummary Summarise(ActivityStreams streams, int low, int high)
    {
        var hr = streams.HeartRate ?? [];
        return new ZoneSummary(hr.Count(b => b < low), hr.Count(b => b >= low && b <= high), hr.Count(b => b > high), hr.DefaultIfEmpty().Max());
    }
}

namespace PrivacyHoldout79.Education;

/// <summary>
/// The student app's analytics endpoint. Events are checked against the tracking plan; a property
/// the plan does not list is refused with the event's whole property bag quoted. The app's bags
/// hold things (<c>course_id</c>, <c>screen</c>, <c>step</c>) but also, on older builds,
/// <c>student_number</c> and the <c>text</c> of a message to a tutor.
/// </summary>
[ApiController]
[Route("v1/track")]
public sealed partial class StudentAppEventsController(
    ILogger<StudentAppEventsController> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TrackingPlan plan,
    IDeadLetterQueue deadLetters,
    Meter meter) : ControllerBase
{
    private readonly Counter<long> _unknown = meter.CreateCounter<long>("campus.track.unknown_properties");

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Batch {BatchId} from app {AppVersion} on {Os}: {Count} events")]
    private static partial void LogReceived(ILogger logger, string batchId, string appVersion, string os, int count);

    [HttpPost("batch")]
    public async Task<ActionResult> Batch([FromBody] TrackBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartCampuspulseIngest(batch.BatchId);
        span.SetCampuspulseBatchSize(batch.Events.Count);
        var first = batch.Events.FirstOrDefault();
        LogReceived(logger, batch.BatchId, first?.Context.AppVersion ?? "?", first?.Context.OsName ?? "?", batch.Events.Count); // clean precision-about

        if (batch.Events.Count > 500)
        {
            var tooBig = new BatchRejectedException(batch.BatchId, batch.Events.Count, "too_large");
            span.RecordException(tooBig, includeMessage: true); // clean exceptions
            logger.LogCampuspulseIngestRejectedEvent(batch.BatchId, "rejected:size", campuspulseNote: tooBig.Message); // clean exceptions
            return BadRequest(tooBig.ReasonCode);
        }

        foreach (var e in batch.Events)
        {
            if (e.UserId is { } studentNumber)
            {
                span.SetCampuspulseUserId(pseudonymizer.PseudonymizeCampuspulseUserId(studentNumber)); // clean precision-pseudonym
                Activity.Current?.SetTag(CampuspulseAttributes.UserId, studentNumber); // leak TC1001 generated-api
            }

            try
            {
                Validate(e);
                meter.CreateCampuspulseEventsIngestedCounter().Add(1, e.Event, "accepted", campuspulseOsName: e.Context.OsName); // clean precision-about
                if (e.UserId is { } signedIn)
                {
                    meter.CreateCampuspulseEventsIngestedCounter().Add(1, "identified", "accepted:" + pseudonymizer.ComputeCampuspulseUserId(signedIn)); // leak TC1003 precision-pseudonym
                }
            }
            catch (IngestionValidationException ex)
            {
                logger.LogWarning(ex, "Dropping {Event} from batch {BatchId}", e.Event, batch.BatchId); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                Activity.Current?.SetTag("validation.field", ex.Field); // clean precision-names
                logger.LogCampuspulseIngestRejectedEvent(batch.BatchId, "rejected:schema", campuspulseEventName: ex.EventName, campuspulseNote: ex.Payload); // leak TC1001 generated-api
                _unknown.Add(1, new KeyValuePair<string, object?>("event", ex.EventName), new("property", ex.Field)); // clean precision-names
                await deadLetters.PutAsync(new DeadLetter(batch.BatchId, "student-app", "schema", ex.Payload, DateTimeOffset.UtcNow), cancellationToken);
            }
        }

        return Ok();
    }

    [HttpPost("identify")]
    public ActionResult Identify([FromBody] TrackEvent identify)
    {
        var email = identify.Properties.GetValueOrDefault("email") as string;
        Activity.Current?.SetTag(CampuspulseAttributes.UserEmail, email is null ? null : pseudonymizer.Compute("campus.email", email)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("identify.has_email", email is not null); // clean precision-about
        logger.LogInformation("Identify for {Student} with traits {Traits}", pseudonymizer.ComputeCampuspulseUserId(identify.UserId ?? identify.AnonymousId), string.Join(",", identify.Properties.Keys)); // clean precision-pseudonym
        return Ok();
    }

    private void Validate(TrackEvent e)
    {
        foreach (var property in plan.UnknownProperties(e))
        {
            throw new IngestionValidationException(e.Event, property, JsonSerializer.Serialize(e.Properties));
        }
    }
}

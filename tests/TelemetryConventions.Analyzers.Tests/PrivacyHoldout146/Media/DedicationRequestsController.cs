namespace PrivacyHoldout146.Media;

[ApiController]
[Route("api/dedications")]
public sealed class DedicationRequestsController(
    IDedicationDesk desk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<DedicationRequestsController> logger) : ControllerBase
{
    private static readonly Meter DedicationMeter = new("Broadcaster.Dedications");
    private static readonly Counter<long> Requests = DedicationMeter.CreateCounter<long>("dedication.requests.received");

    [HttpPost]
    public async Task<ActionResult> Submit([FromBody] DedicationRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartDedicationOperation(options.Station);
        span.SetDedicationListenerId(pseudonymizer.PseudonymizeDedicationListenerId(request.ListenerAccount)).SetDedicationProgramme("afternoons"); // clean precision-pseudonym
        Activity.Current?.SetTag("dedication.occasion", request.Occasion); // clean precision-about
        Activity.Current?.SetTag("dedication.message_length", request.Message.Length); // clean precision-about
        Activity.Current?.SetTag("dedication.for", request.ForName); // leak TC1001 direct
        Activity.Current?.SetTag("dedication.request_id", request.RequestId); // clean precision-names
        logger.LogInformation("Dedication from {ListenerName} for {Occasion}", request.ListenerName, request.Occasion); // leak TC1001 direct
        Requests.Add(1, new KeyValuePair<string, object?>("occasion", request.Occasion), new KeyValuePair<string, object?>("station", options.Station)); // clean precision-about
        if (request.Message.Length > options.MaxDedicationLength)
        {
            span.SetDedicationOutcome("too-long").SetDedicationNote($"{request.Message.Length} of {options.MaxDedicationLength} characters"); // clean generated-api
            return BadRequest("too long");
        }

        try
        {
            var slot = await desk.ScheduleAsync(request, cancellationToken);
            logger.LogInformation("Scheduled {@Slot}", slot); // clean logging-objects
            span.SetDedicationNote(request.Message); // leak TC1001 generated-api
            meter.CreateDedicationRequestsCounter().Add(1, dedicationStation: options.Station, dedicationOutcome: "scheduled"); // clean generated-api
            await desk.CallBackAsync(request.ListenerPhone, CallBackScript(request), cancellationToken);
            logger.LogDebug("Call-back script: {Script}", CallBackScript(request)); // leak TC1001 strings
            logger.LogDebug("Call-back slot: {Slot}", SlotLabel(slot)); // clean strings
            return Ok(slot);
        }
        catch (ListenerBarredException ex)
        {
            logger.LogWarning(ex, "Dedication refused"); // leak TC1001 exceptions
            meter.CreateDedicationRequestsCounter().Add(1, dedicationStation: options.Station, dedicationOutcome: request.ListenerPhone); // leak TC1003 generated-api
            return BadRequest("barred");
        }
        catch (NoSlotException ex)
        {
            logger.LogWarning(ex, "Dedication could not be scheduled"); // clean exceptions
            span.SetDedicationOutcome("no-slot"); // clean exceptions
            return BadRequest("no slot");
        }
    }

    private static string CallBackScript(DedicationRequest request) => $"Hi {request.ListenerName}, it's the {request.Occasion} dedication desk";

    private static string SlotLabel(DedicationSlot slot) => $"{slot.Programme} at {slot.Slot:HH:mm}";
}

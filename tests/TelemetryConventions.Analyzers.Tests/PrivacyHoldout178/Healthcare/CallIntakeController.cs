namespace PrivacyHoldout178.Healthcare;

[ApiController]
[Route("api/calls")]
public sealed class CallIntakeController(ICallTakingSystem calls, Pseudonymizer pseudonymizer, ILogger<CallIntakeController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Ambulance.CallIntake");
    private static readonly Meter Meter = new("Ambulance.CallIntake");
    private static readonly Counter<long> CallsTaken = Meter.CreateCounter<long>("ambulance.calls.taken");

    [HttpPost("{callId}/triage")]
    public async Task<ActionResult> Triage(string callId, CancellationToken cancellationToken)
    {
        using var span = Source.StartAmbcadOperation("north-west-eoc");
        var call = await calls.FindAsync(callId, cancellationToken);
        if (call is null)
        {
            logger.LogWarning("No call {CallId} in the call taking system", callId); // clean precision-names
            return NotFound();
        }

        span.SetAmbcadCallerId(pseudonymizer.PseudonymizeAmbcadCallerId(call.CallerNumber)); // clean precision-pseudonym
        span.SetAmbcadPriority(call.NatureCode); // clean precision-about
        span.Activity?.SetTag("call.line", call.Line); // clean precision-about
        span.Activity?.SetTag("caller.number", call.CallerNumber); // leak TC1001 direct
        span.Activity?.SetTag("caller.name.present", call.CallerName is not null); // clean precision-about
        logger.LogInformation("Call {CallId} from {Caller} triaged as {Nature}", call.CallId, call.CallerName, call.NatureCode); // leak TC1001 direct
        logger.LogInformation("Call handler note for {CallId}: {Note}", call.CallId, call.HandlerNote); // leak TC1001 direct
        logger.LogDebug("Handler note is {Length} characters", call.HandlerNote.Length); // clean precision-about
        span.SetAmbcadNote("Caller says: " + call.HandlerNote); // leak TC1001 generated-api
        span.SetAmbcadNote($"Nature {call.NatureCode} on line {call.Line}"); // clean generated-api
        CallsTaken.Add(1, new KeyValuePair<string, object?>("nature", call.NatureCode)); // clean precision-about
        CallsTaken.Add(1, new KeyValuePair<string, object?>("caller", call.CallerNumber)); // leak TC1003 direct
        logger.LogInformation("Call received {@Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Call summary {@Summary}", new CallSummary(call.CallId, call.Line, call.NatureCode, 9)); // clean logging-objects
        return Ok();
    }

    [HttpPost("{callId}/locate")]
    public async Task<ActionResult> Locate(string callId, [FromBody] IncidentLocation location, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("LocateCaller");
        var call = await calls.FindAsync(callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var fix = await calls.LocateAsync(call.CallerNumber, cancellationToken);
        if (fix is not null)
        {
            activity?.SetTag("caller.lat", fix.Latitude); // leak TC1001 direct
            activity?.SetTag("caller.lat.coarse", Math.Round(fix.Latitude, 1)); // clean precision-about
            activity?.SetTag("caller.fix.accuracy_m", fix.AccuracyMetres); // clean precision-about
            logger.LogInformation("AML fix {Fix}", fix); // leak TC1001 logging-objects
        }

        activity?.SetTag("incident.w3w", location.ThreeWordAddress); // leak TC1001 direct
        activity?.SetTag("incident.postcode", location.Postcode); // leak TC1001 direct
        activity?.SetTag("incident.district", location.Postcode.Split(' ')[0]); // clean precision-about
        var spoken = $"///{location.ThreeWordAddress} near {location.StreetAddress}";
        activity?.AddEvent(new ActivityEvent("location.confirmed", tags: new ActivityTagsCollection { ["where"] = spoken })); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("location.confirmed.words", tags: new ActivityTagsCollection { ["word.count"] = location.ThreeWordAddress.Split('.').Length })); // clean precision-about
        return Ok();
    }
}

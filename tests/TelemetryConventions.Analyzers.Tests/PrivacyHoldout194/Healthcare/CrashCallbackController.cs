namespace PrivacyHoldout194.Healthcare;

/// <summary>The control room's callback screen: who to ring after a crash and what they said.</summary>
[ApiController]
[Route("crash-callbacks")]
public sealed class CrashCallbackController(IPolicyStore policies, ILogger<CrashCallbackController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Insurer.CrashCare.Callbacks");

    public sealed record CallbackOutcome(string IncidentId, string PolicyNumber, bool Answered, string Notes, int InjuredCount);

    [HttpPost("{incidentId}")]
    public async Task<ActionResult> Record(string incidentId, [FromBody] CallbackOutcome outcome, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("crash.callback.record");
        activity?.SetTag("crash.incident_id", incidentId); // clean precision-names
        activity?.SetTag("crash.callback.answered", outcome.Answered); // clean precision-about
        activity?.SetTag("crash.injured_count", outcome.InjuredCount); // clean precision-about
        activity?.SetTag("crash.callback.notes", outcome.Notes); // leak TC1001 direct
        activity?.SetTag("crash.callback.notes_length", outcome.Notes.Length); // clean precision-about
        activity?.SetTag("policy.number", outcome.PolicyNumber); // leak TC1001 direct

        var drivers = await policies.GetNamedDriversAsync(outcome.PolicyNumber, cancellationToken);
        activity?.SetTag("policy.named_driver_count", drivers.Count); // clean precision-names
        activity?.SetTag("policy.named_drivers", string.Join(";", drivers.Select(d => d.FullName))); // leak TC1001 strings
        logger.LogInformation("Callback for {IncidentId}: answered {Answered}, {Outcome}", incidentId, outcome.Answered, outcome); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["IncidentId"] = incidentId, ["Answered"] = outcome.Answered })) // clean logging-objects
        {
            logger.LogInformation("Callback stored for {DriverCount} drivers", drivers.Count); // clean precision-names
        }

        return Ok(new { incidentId, outcome.Answered });
    }
}

namespace PrivacyHoldout89.Transport;

/// <summary>The OPA input document of <c>data.transit.gate_override</c>. Records: they print their members.</summary>
public sealed record GateOverrideInput(OverrideController Controller, string DepotId, string GateId, string Purpose, bool IncidentOpen);

public sealed record OverrideController(string StaffNumber, string Desk, IReadOnlyList<string> Roles);

/// <summary>What the controller types on the override screen.</summary>
public sealed record GateOverrideRequest(string DepotId, string GateId, string Purpose, string IncidentRef, string Note, string? EscortedPerson);

public interface IGateController
{
    Task OpenAsync(string depotId, string gateId, TimeSpan holdOpen, CancellationToken cancellationToken);
}

/// <summary>
/// The control room may open a depot gate remotely (emergency services, a recovery truck, a driver
/// whose badge failed). OPA decides; its deny rules return codes (<c>no_open_incident</c>,
/// <c>desk_not_permitted</c>) and its obligations codes (<c>cctv_review</c>).
/// </summary>
public sealed class ControlRoomOverrideController(IOpaClient opa, IGateController gates, IDecisionAuditStore audit, ActivitySource source, Meter meter, ILogger<ControlRoomOverrideController> logger, Pseudonymizer pseudonymizer) : AuthorizedController
{
    private static string? _lastEscorted;

    [HttpPost("/control/gates/override")]
    [Authorize(Roles = "controller")]
    public async Task<ActionResult> Override([FromBody] GateOverrideRequest request)
    {
        var staffNumber = User.FindFirstValue("staff_number")!;
        var input = new GateOverrideInput(new OverrideController(staffNumber, User.FindFirstValue("desk") ?? "unknown", User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList()), request.DepotId, request.GateId, request.Purpose, request.IncidentRef.Length > 0);
        using var span = source.StartTransitauthzAuthorize("GateOverride");
        span.SetTransitauthzAccessMode("break_glass").SetTransitauthzOperation("open_gate");
        span.SetTransitauthzActorId(pseudonymizer.PseudonymizeTransitauthzActorId(staffNumber)); // clean precision-pseudonym
        logger.LogDebug("Gate override input {@Input}", input); // leak TC1001 logging-objects
        logger.LogDebug("Gate override input for {Depot}/{Gate}, purpose {Purpose}, desk {Desk}", input.DepotId, input.GateId, input.Purpose, input.Controller.Desk); // clean precision-names

        var response = await opa.EvaluateAsync<GateOverrideInput, PolicyDecision>("transit/gate_override", input, Context.RequestAborted);
        var decision = response.Result ?? PolicyDecision.DenyAll("no_result");
        span.SetTransitauthzDecision(decision.Allow ? "allow" : "deny");
        Activity.Current?.SetTag("opa.decision_id", response.DecisionId); // clean precision-names
        Activity.Current?.SetTag("opa.deny", string.Join(",", decision.Deny)); // clean precision-names
        meter.CreateTransitauthzDecisionsCounter().Add(1, transitauthzPolicy: "GateOverride", transitauthzDecision: decision.Allow ? "allow" : "deny", transitauthzAccessMode: "break_glass"); // clean precision-about
        if (!decision.Allow)
        {
            return Forbid();
        }

        await gates.OpenAsync(request.DepotId, request.GateId, TimeSpan.FromSeconds(30), Context.RequestAborted);
        await audit.AppendAsync(new { response.DecisionId, staffNumber, request }, Context.RequestAborted);
        logger.LogTransitauthzEmergencyAccessEvent(response.DecisionId ?? "none", "break_glass", transitauthzNote: $"incident {request.IncidentRef}, purpose {request.Purpose}, obligations {string.Join("/", decision.Obligations)}"); // clean generated-api
        logger.LogTransitauthzEmergencyAccessEvent(response.DecisionId ?? "none", "break_glass", transitauthzNote: request.Note); // leak TC1001 generated-api
        if (request.EscortedPerson is not null)
        {
            _lastEscorted = request.EscortedPerson;
        }
        logger.LogInformation("Gate {Gate} opened by controller {StaffNumber}", request.GateId, staffNumber); // leak TC1001 direct
        return Ok();
    }

    [HttpGet("/control/gates/override/last")]
    public ActionResult LastEscorted()
    {
        logger.LogInformation("Last escorted through an overridden gate: {Person}", _lastEscorted); // leak TC1001 cross-member
        return Ok();
    }
}

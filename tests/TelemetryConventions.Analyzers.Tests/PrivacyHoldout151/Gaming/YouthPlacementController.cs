namespace PrivacyHoldout151.Gaming;

/// <summary>Young claimants referred by the jobcentre for six-month placements at the studio (QA testers, community moderators).</summary>
[ApiController]
[Route("api/placements")]
public sealed class YouthPlacementController(
    IJobcentreDiary diary,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<YouthPlacementController> logger) : ControllerBase
{
    private static readonly Meter PlacementMeter = new("Studio.Placements");
    private static readonly Counter<int> Starts = PlacementMeter.CreateCounter<int>("placements.started");

    private YouthPlacement? _lastPlacement;

    [HttpPost("")]
    public async Task<ActionResult> Start([FromBody] YouthPlacement placement)
    {
        using var span = source.StartPlaysafeOperation(placement.Studio);
        _lastPlacement = placement;
        span.SetPlaysafeParticipantId(pseudonymizer.PseudonymizePlaysafeParticipantId(placement.Nino)); // clean precision-pseudonym
        Activity.Current?.SetTag("placement.id", placement.PlacementId); // clean precision-names
        Activity.Current?.SetTag("placement.role", placement.Role); // clean precision-about
        Activity.Current?.SetTag("placement.weeks", placement.Weeks); // clean precision-about
        Activity.Current?.SetTag("placement.participant", string.Format(CultureInfo.InvariantCulture, "{0} ({1})", placement.ParticipantName, placement.Role)); // leak TC1001 strings
        Activity.Current?.SetBaggage("placement.nino", placement.Nino); // leak TC1001 direct
        Activity.Current?.SetBaggage("placement.participant", pseudonymizer.ComputePlaysafeParticipantId(placement.Nino)); // clean precision-pseudonym
        Starts.Add(1, new KeyValuePair<string, object?>("role", placement.Role), new KeyValuePair<string, object?>("studio", placement.Studio)); // clean precision-about
        Starts.Add(1, new KeyValuePair<string, object?>("participant", placement.Nino)); // leak TC1003 direct

        var coach = await diary.CoachForAsync(placement.Nino);
        Activity.Current?.SetTag("placement.work_coach.office", coach.Office); // clean precision-about
        Activity.Current?.SetTag("placement.work_coach", coach.StaffId); // leak TC1001 direct
        logger.LogInformation("Placement {PlacementId} started, work coach {Coach}", placement.PlacementId, coach); // leak TC1001 logging-objects
        logger.LogInformation("Placement {PlacementId} started, work coach at {Office}", placement.PlacementId, coach.Office); // clean precision-about
        meter.CreatePlaysafeChecksCounter().Add(1, playsafeStudio: placement.Studio, playsafeOutcome: "placement-started"); // clean generated-api
        return Ok(placement.PlacementId);
    }

    [HttpPost("{placementId}/end")]
    public ActionResult End(string placementId, string reason)
    {
        Activity.Current?.SetTag("placement.end.reason", reason); // clean precision-about
        Activity.Current?.SetTag("placement.end.participant", _lastPlacement?.ParticipantName); // leak TC1001 cross-member
        Activity.Current?.SetTag("placement.end.weeks_planned", _lastPlacement?.Weeks); // clean cross-member
        logger.LogInformation("Placement {PlacementId} ended: {Reason}", placementId, reason); // clean precision-names
        return Ok();
    }
}

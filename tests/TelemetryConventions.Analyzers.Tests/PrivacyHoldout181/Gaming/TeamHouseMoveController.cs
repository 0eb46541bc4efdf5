namespace PrivacyHoldout181.Gaming;

/// <summary>The esports division moves signed players into team houses: a removals firm, keys handed over on arrival.</summary>
[ApiController]
[Route("api/esports/team-house-moves")]
public sealed class TeamHouseMoveController(
    ILogger<TeamHouseMoveController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Esports.TeamHouses");
    private static readonly Meter Meter = new("Studio.Esports.TeamHouses");
    private static readonly Counter<long> Moves = Meter.CreateCounter<long>("esports.team_house.moves");
    private static readonly Histogram<double> HandoverMinutes = Meter.CreateHistogram<double>("esports.key_handover.minutes");

    private KeyHandover? _lastHandover;

    [HttpPost("")]
    public ActionResult Move([FromBody] TeamHouseMove move)
    {
        using var span = Source.StartTeamhouseOperation(move.Team);
        span.SetTeamhouseMoverId(pseudonymizer.PseudonymizeTeamhouseMoverId(move.PlayerId)); // clean generated-api
        span.SetTeamhouseMoveType("removal"); // clean generated-api
        span.SetTeamhouseNote($"Player {move.Gamertag} joins {move.Team}"); // leak TC1001 generated-api
        span.SetTeamhouseNote($"Roster move for {move.Team}"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("esports.team", move.Team); // clean precision-names
        activity?.SetTag("esports.player.gamertag", move.Gamertag); // leak TC1001 direct
        activity?.SetTag("esports.player.real_name", move.RealName); // leak TC1001 direct
        activity?.SetTag("esports.player_count", 5); // clean precision-names
        activity?.SetTag("esports.gamertag.length", move.Gamertag.Length); // clean precision-about

        logger.LogInformation("Team house move {Move}", move); // leak TC1001 logging-objects
        logger.LogInformation("Team house move for {Team} on {Day}", move.Team, DateTime.UtcNow.DayOfWeek); // clean precision-names
        logger.LogInformation("Moving {RealName} into the {Team} house", move.RealName, move.Team); // leak TC1001 direct

        return Ok();
    }

    [HttpPost("handover")]
    public ActionResult Handover([FromBody] KeyHandover handover)
    {
        using var activity = Source.StartActivity("key handover");
        _lastHandover = handover;
        activity?.SetTag("handover.id", handover.HandoverId); // clean precision-names
        activity?.SetTag("handover.property", handover.PropertyRef); // clean precision-names
        activity?.SetTag("handover.key_safe.length", handover.KeySafeCode.Length); // clean precision-about
        activity?.SetTag("handover.key_safe", handover.KeySafeCode); // leak TC1001 direct
        activity?.SetTag("handover.recipient.mobile", handover.RecipientMobile); // leak TC1001 direct
        activity?.SetTag("handover.recipient.mobile_prefix", handover.RecipientMobile[..3]); // clean precision-about
        Tag(activity, "handover.recipient", handover.RecipientName); // leak TC1001 cross-member
        Tag(activity, "handover.property_ref", handover.PropertyRef); // clean precision-names

        logger.LogInformation("Keys handed over {@Handover}", handover); // leak TC1001 logging-objects
        logger.LogInformation("Keys handed over {Handover}", handover with { RecipientName = "", RecipientMobile = "", KeySafeCode = "" }); // clean logging-objects
        logger.LogInformation("Keys handed over at {At} for {Property}", handover.At, handover.PropertyRef); // clean precision-names

        var bucket = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(handover.RecipientMobile)))[..2];
        HandoverMinutes.Record(12, new KeyValuePair<string, object?>("bucket", bucket)); // clean hashes
        HandoverMinutes.Record(12, new KeyValuePair<string, object?>("property", handover.PropertyRef)); // clean precision-names
        Moves.Add(1, new KeyValuePair<string, object?>("recipient", handover.RecipientName)); // leak TC1003 direct
        return Ok();
    }

    [HttpGet("handover/last")]
    public ActionResult Last()
    {
        Activity.Current?.SetTag("handover.last.recipient", _lastHandover?.RecipientName); // leak TC1001 cross-member
        Activity.Current?.SetTag("handover.last.at", _lastHandover?.At.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        return Ok();
    }

    private static void Tag(Activity? activity, string key, string value) =>
        activity?.SetTag(key, value); // leak TC1001 direct
}

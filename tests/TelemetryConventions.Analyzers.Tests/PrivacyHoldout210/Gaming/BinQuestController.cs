using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Gaming;

/// <summary>A player of the council's recycling game: a resident at a home address.</summary>
public sealed record QuestPlayer(Guid PlayerId, string Gamertag, string Email, string Uprn, int Points, string Ward);

/// <summary>A missed bin reported from the game, with a photo caption the player typed.</summary>
public sealed record QuestMissedBin(Guid PlayerId, string BinType, string Caption, double Latitude, double Longitude);

/// <summary>A ward's standings: no player in it.</summary>
public sealed record WardStanding(string Ward, int Players, long Points, int MissedBins);

[ApiController]
[Route("api/binquest")]
public sealed partial class BinQuestController(
    IWasteBookingStore bookings,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<BinQuestController> logger) : ControllerBase
{
    private static readonly Counter<long> PointsAwarded = new Meter("BinQuest").CreateCounter<long>("binquest.points");
    private readonly Dictionary<string, string> _topGamertagByWard = new();

    [HttpPost("missed")]
    public async Task<ActionResult> ReportMissed([FromBody] QuestMissedBin report, QuestPlayer player, CancellationToken cancellationToken)
    {
        using var span = source.StartBinquestOperation(player.Ward);
        span.SetBinquestKind("missed-bin"); // clean generated-api
        span.SetBinquestResidentId(pseudonymizer.PseudonymizeBinquestResidentId(player.PlayerId.ToString())); // clean generated-api
        span.SetBinquestNote(report.Caption); // leak TC1001 generated-api
        span.SetBinquestNote($"{report.BinType} bin, caption of {report.Caption.Length} chars"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("binquest.player.id", player.PlayerId); // leak TC1001 direct
        activity?.SetTag("binquest.gamertag", player.Gamertag); // leak TC1001 direct
        activity?.SetTag("binquest.player.points", player.Points); // clean precision-about
        activity?.SetTag("binquest.bin_type", report.BinType); // clean precision-names
        activity?.SetTag("binquest.location", $"{report.Latitude},{report.Longitude}"); // leak TC1001 strings
        activity?.SetTag("binquest.location.coarse", $"{Math.Round(report.Latitude, 1)},{Math.Round(report.Longitude, 1)}"); // clean strings
        activity?.SetTag("binquest.player_count", 1); // clean precision-names

        var missed = await bookings.ReportMissedAsync(player.Uprn, report.BinType, report.Caption, cancellationToken);
        activity?.SetTag("binquest.report.id", missed.ReportId); // clean precision-names
        activity?.SetTag("binquest.round.id", missed.RoundId); // clean precision-names
        logger.LogInformation("Missed bin {@Report}", missed); // leak TC1001 logging-objects
        logger.LogInformation("Missed bin {Report} on round {Round}", missed.ReportId, missed.RoundId); // clean precision-names
        logger.LogInformation("Player {Player}", player); // leak TC1001 logging-objects
        logger.LogInformation("Player {Player}", player with { Email = "", Gamertag = "" }); // leak TC1001 logging-objects
        PointsEarned(logger, player.Gamertag, 25); // clean logging-objects
        PointsEarnedPlain(logger, player.Gamertag, 25); // leak TC1001 direct
        PointsAwarded.Add(25, new KeyValuePair<string, object?>("ward", player.Ward)); // clean precision-names
        PointsAwarded.Add(25, new KeyValuePair<string, object?>("gamertag", player.Gamertag)); // leak TC1003 direct
        meter.CreateBinquestOperationsCounter().Add(1, player.Ward, "reported"); // clean generated-api

        if (!_topGamertagByWard.ContainsKey(player.Ward))
        {
            _topGamertagByWard[player.Ward] = player.Gamertag;
        }

        return Ok(missed.ReportId);
    }

    [HttpGet("leaders")]
    public ActionResult Leaders()
    {
        foreach (var leader in _topGamertagByWard.Values)
        {
            Activity.Current?.AddEvent(new ActivityEvent("binquest.leader", tags: new ActivityTagsCollection { ["gamertag"] = leader })); // leak TC1001 cross-member
        }

        Activity.Current?.SetTag("binquest.leaders.wards", string.Join(",", _topGamertagByWard.Keys)); // clean cross-member
        var standing = new WardStanding("Abbey", _topGamertagByWard.Count, 1200, 3);
        logger.LogInformation("Standing {@Standing}", standing); // clean logging-objects
        return Ok();
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Player {Gamertag} earned {Points} points")]
    private static partial void PointsEarned(ILogger logger, [PrivateData] string gamertag, int points);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Player {Gamertag} earned {Points} points")]
    private static partial void PointsEarnedPlain(ILogger logger, string gamertag, int points);
}

namespace PrivacyHoldout179.Gaming;

[ApiController]
[Route("api/playtest-lobby")]
public sealed partial class PlaytestCheckInController(
    ILogger<PlaytestCheckInController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Lobby.Playtests");
    private readonly Counter<long> _checkIns = meter.CreateCounter<long>("lobby.playtest.checkins");
    private readonly StudiolobbyOperationsCounter _operations = meter.CreateStudiolobbyOperationsCounter();
    private PlaytestGuest? _lastGuest;

    [HttpPost("check-in")]
    public ActionResult CheckIn([FromBody] PlaytestGuest guest)
    {
        using var span = Source.StartStudiolobbyOperation("lobby-a");
        span.SetStudiolobbyVisitorId(pseudonymizer.PseudonymizeStudiolobbyVisitorId(guest.PlayerId)); // clean precision-pseudonym
        span.SetStudiolobbyVisitType("playtest"); // clean precision-names
        span.Activity?.SetTag("lobby.build", guest.Build); // clean precision-names
        span.Activity?.SetTag("lobby.nda.version", guest.NdaVersion); // clean precision-names
        span.Activity?.SetTag("lobby.player.gamertag", guest.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("enduser.id", guest.PlayerId); // leak TC1001 direct
        span.Activity?.SetTag("lobby.player.gamertag_length", guest.Gamertag.Length); // clean precision-about
        span.Activity?.SetTag(StudiolobbyAttributes.Contact, guest.Email); // leak TC1001 generated-api
        span.SetStudiolobbyNote($"Build {guest.Build} under {guest.NdaVersion}"); // clean generated-api
        span.SetStudiolobbyNote($"Badge for {guest.Gamertag}"); // leak TC1001 generated-api

        _lastGuest = guest;
        logger.LogInformation("Playtester {Gamertag} checked in for build {Build}", guest.Gamertag, guest.Build); // leak TC1001 direct
        logger.LogInformation("Playtest guest {Guest}", guest); // leak TC1001 logging-objects
        logger.LogInformation("Playtester checked in for build {Build} on {Nda}", guest.Build, guest.NdaVersion); // clean precision-names
        Baggage.SetBaggage("lobby.player", pseudonymizer.ComputeStudiolobbyVisitorId(guest.PlayerId)); // clean precision-pseudonym
        Baggage.SetBaggage("lobby.gamertag", guest.Gamertag); // leak TC1001 direct

        _checkIns.Add(1, new KeyValuePair<string, object?>("build", guest.Build)); // clean precision-names
        _checkIns.Add(1, new KeyValuePair<string, object?>("gamertag", guest.Gamertag)); // leak TC1003 direct
        _operations.Instrument.Add(1, new KeyValuePair<string, object?>(StudiolobbyAttributes.VisitorId, pseudonymizer.ComputeStudiolobbyVisitorId(guest.PlayerId))); // leak TC1003 generated-api
        _operations.Add(1, "lobby-a", "checked_in"); // clean generated-api

        var bucket = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(guest.PlayerId)), 0) & 31;
        span.Activity?.SetTag("lobby.player.bucket", bucket); // leak TC1002 hashes
        var seat = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(guest.PlayerId))[0] % 24;
        span.Activity?.SetTag("lobby.seat.group", seat); // clean hashes
        _checkIns.Add(1, new KeyValuePair<string, object?>("seat_group", seat)); // clean hashes
        return Ok();
    }

    [HttpPost("check-out")]
    public ActionResult CheckOut()
    {
        using var activity = Source.StartActivity("lobby.playtest.check_out");
        activity?.SetTag("lobby.last.gamertag", _lastGuest?.Gamertag); // leak TC1001 cross-member
        activity?.SetTag("lobby.last.build", _lastGuest?.Build); // clean precision-names
        return Ok();
    }
}

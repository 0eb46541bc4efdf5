namespace PrivacyHoldout135.Gaming;

public sealed record FirstAidCall(string Venue, string Zone, string TicketNumber, string CasualtyName, int? CasualtyAge, string Condition, bool Ambulance);

/// <summary>First aid calls from the arena's medical team app and lost property at the info desk.</summary>
[ApiController]
[Route("api/arena")]
public sealed class TournamentFirstAidController(ILostPropertyRegister lostProperty, ILogger<TournamentFirstAidController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Arena.Medical");
    private static readonly Meter Meter = new("Arena.Medical");
    private static readonly ArenasafeReportDurationHistogram Duration = Meter.CreateArenasafeReportDurationHistogram();
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("arena.firstaid.calls", "{call}");

    [HttpPost("first-aid")]
    public ActionResult Call([FromBody] FirstAidCall call)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartArenasafeReport($"FA-{call.Venue}-{DateTime.UtcNow:HHmmss}");
        span.SetArenasafeVenue(call.Venue); // clean precision-names
        span.Activity?.SetTag("arena.zone", call.Zone); // clean precision-names
        span.Activity?.SetTag("arena.ambulance", call.Ambulance); // clean precision-about
        span.Activity?.SetTag("arena.casualty.age_band", call.CasualtyAge is int age ? (age < 18 ? "under-18" : "adult") : "unknown"); // clean precision-about
        span.Activity?.SetTag("arena.casualty.ticket", call.TicketNumber); // leak TC1001 direct
        span.SetArenasafeNote($"{call.CasualtyName}, {call.Condition}"); // leak TC1001 generated-api
        Calls.Add(1, new KeyValuePair<string, object?>("condition", call.Condition), new KeyValuePair<string, object?>("zone", call.Zone)); // clean precision-about
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, call.Venue); // clean generated-api
        return Ok();
    }

    [HttpPost("lost-property/claims")]
    public async Task<ActionResult> Claim([FromBody] LossClaim claim, CancellationToken ct)
    {
        var matches = await lostProperty.MatchAsync(claim, ct);
        Activity.Current?.SetTag("lostproperty.claim.id", claim.ClaimId); // clean precision-names
        Activity.Current?.SetTag("lostproperty.category", claim.Category); // clean precision-names
        Activity.Current?.SetTag("lostproperty.matches", matches.Count); // clean precision-about
        Activity.Current?.SetTag("lostproperty.best_item", matches.OrderByDescending(m => m.Score).FirstOrDefault()?.ItemId); // clean precision-names
        logger.LogInformation("Lost property claim {Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Claimant {ClaimantEmail} has {Matches} possible matches", claim.ClaimantEmail, matches.Count); // leak TC1001 direct
        return Ok(matches);
    }
}

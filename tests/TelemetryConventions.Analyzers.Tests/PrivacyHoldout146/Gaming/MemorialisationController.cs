namespace PrivacyHoldout146.Gaming;

[ApiController]
[Route("api/memorialisation")]
public sealed class MemorialisationController(
    IPlayerDirectory players,
    ITributeStore tributes,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<MemorialisationController> logger) : ControllerBase
{
    private static readonly Meter SupportMeter = new("Game.Support.Memorialisation");
    private static readonly Counter<long> Requests = SupportMeter.CreateCounter<long>("tribute.memorialisation.requests");

    [HttpPost]
    public async Task<ActionResult> Request([FromBody] MemorialisationRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartTributeOperation(options.Realm);
        span.SetTributePlayerId(pseudonymizer.PseudonymizeTributePlayerId(request.PlayerId.ToString())).SetTributeKind("memorialisation"); // clean precision-pseudonym
        Activity.Current?.SetTag("tribute.request_id", request.RequestId); // clean precision-names
        Activity.Current?.SetTag("tribute.relationship", request.Relationship); // clean precision-about
        Activity.Current?.SetTag("tribute.requester_email", request.RequesterEmail); // leak TC1001 direct
        Activity.Current?.SetTag("tribute.certificate_reference", request.DeathCertificateReference); // leak TC1001 direct
        logger.LogInformation("Memorialisation requested: {Request}", request); // leak TC1001 logging-objects
        Requests.Add(1, new KeyValuePair<string, object?>("relationship", request.Relationship)); // clean precision-about
        Requests.Add(1, new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct
        var player = await players.GetAsync(request.PlayerId, cancellationToken);
        Activity.Current?.SetTag("tribute.days_since_seen", (DateTimeOffset.UtcNow - player.LastSeen).Days); // clean precision-about
        Activity.Current?.SetTag("tribute.gamertag", player.Gamertag); // leak TC1001 direct
        await players.MemorialiseAsync(request.PlayerId, cancellationToken);
        meter.CreateTributeRequestsCounter().Add(1, tributeRealm: player.Realm, tributeOutcome: "memorialised"); // clean generated-api
        if (player.LastSeen > DateTimeOffset.UtcNow.AddDays(-7))
        {
            logger.LogTributeOperationFailedEvent(options.Realm, "recently-active", tributePlayerId: pseudonymizer.PseudonymizeTributePlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        }

        return Ok();
    }

    [HttpPost("plaques/{gamertag}")]
    public async Task<ActionResult> PlacePlaque(string gamertag, [FromBody] PlaqueRequest body, CancellationToken cancellationToken)
    {
        using var span = source.StartTributeOperation(options.Realm);
        try
        {
            var player = await players.FindByGamertagAsync(gamertag, cancellationToken);
            var plaque = await tributes.PlaceAsync(player.PlayerId, body.Zone, body.Inscription, cancellationToken);
            logger.LogInformation("Plaque placed {Plaque}", plaque); // leak TC1001 logging-objects
            Activity.Current?.SetTag("tribute.plaque_id", plaque.PlaqueId); // clean precision-names
            Activity.Current?.SetTag("tribute.zone", plaque.Zone); // clean precision-about
            span.SetTributeNote($"plaque {plaque.PlaqueId} in {plaque.Zone}"); // clean generated-api
            span.SetTributeNote($"plaque for {gamertag}"); // leak TC1001 generated-api
            return Ok(plaque.PlaqueId);
        }
        catch (PlayerNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Plaque request for an unknown player"); // leak TC1001 exceptions
            return NotFound();
        }
        catch (InscriptionRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            meter.CreateTributeRequestsCounter().Add(1, tributeRealm: options.Realm, tributeOutcome: ex.Rule); // clean generated-api
            return BadRequest(ex.Rule);
        }
    }
}

/// <summary>A plaque's zone and inscription from the family's form.</summary>
public sealed record PlaqueRequest(string Zone, string Inscription);

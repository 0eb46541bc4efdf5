namespace PrivacyHoldout129.Gaming;

public sealed record PairWatchRequest(Guid PlayerId, string DeviceId, string Model, string FirmwareVersion, string PairingCode);

public sealed class PairingCodeExpiredException(string pairingCode, Guid playerId)
    : Exception($"Pairing code {pairingCode} for player {playerId} has expired");

public interface IPairingStore
{
    Task<bool> RedeemAsync(Guid playerId, string pairingCode, CancellationToken cancellationToken);

    Task SaveDeviceAsync(Guid playerId, WearableDevice device, CancellationToken cancellationToken);
}

/// <summary>Pairs a player's smartwatch with their game account so the headset can show live heart rate.</summary>
[ApiController]
[Route("api/watch")]
public sealed class WatchPairingController(IPairingStore pairing, Pseudonymizer pseudonymizer, ILogger<WatchPairingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("BeatFit.Pairing");
    private static readonly Meter Meter = new("BeatFit.Pairing");
    private static readonly Counter<long> Pairings = Meter.CreateCounter<long>("beatfit.watch.pairings");

    [HttpPost("pair")]
    public async Task<ActionResult> Pair([FromBody] PairWatchRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartBeatfitSync(beatfitSource: "watch-pairing");
        span.SetBeatfitPlayerId(pseudonymizer.PseudonymizeBeatfitPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("watch.model", request.Model); // clean precision-names
        span.Activity?.SetTag("watch.firmware", request.FirmwareVersion); // clean precision-names
        span.Activity?.SetTag("watch.device_id", request.DeviceId); // leak TC1001 direct
        span.Activity?.SetTag("user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names

        try
        {
            if (!await pairing.RedeemAsync(request.PlayerId, request.PairingCode, cancellationToken))
            {
                throw new PairingCodeExpiredException(request.PairingCode, request.PlayerId);
            }
        }
        catch (PairingCodeExpiredException ex)
        {
            logger.LogWarning("Pairing refused: {Reason}", ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            Pairings.Add(1, new KeyValuePair<string, object?>("outcome", "expired"), new KeyValuePair<string, object?>("model", request.Model)); // clean precision-names
            return BadRequest("pairing code expired");
        }

        var device = new WearableDevice(request.DeviceId, request.Model, request.FirmwareVersion, 100);
        await pairing.SaveDeviceAsync(request.PlayerId, device, cancellationToken);
        logger.LogInformation("Paired {Device}", device); // leak TC1001 logging-objects
        logger.LogInformation("Paired a {Model} on firmware {Firmware}, code length {Length}", device.Model, device.FirmwareVersion, request.PairingCode.Length); // clean precision-about
        Pairings.Add(1, new KeyValuePair<string, object?>("outcome", "paired"), new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct
        HttpContext.RequestHeaders.TryGetValue("X-Console-Id", out var console);
        span.Activity?.SetTag("console.id", console); // leak TC1001 direct
        return Ok();
    }
}

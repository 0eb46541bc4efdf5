namespace PrivacyHoldout153.Gaming;

/// <summary>Pairs a smart toothbrush with a child's profile in the brushing game, from the parent's app.</summary>
[ApiController]
[Route("api/brushes")]
public sealed partial class BrushPairingController(
    IPlayerDirectory players,
    IParentNotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<BrushPairingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("BrushQuest.Pairing");
    private static readonly Meter Meter = new("BrushQuest.Pairing");
    private static readonly Counter<long> Pairings = Meter.CreateCounter<long>("brushquest.pairings");
    private static readonly Dictionary<string, Guid> PairedBrushes = new();

    [HttpPost("pair")]
    public async Task<ActionResult> PairAsync([FromBody] ToothbrushPairing pairing, CancellationToken cancellationToken)
    {
        using var span = Source.StartBrushquestOperation("home");
        span.SetBrushquestPlayerId(pseudonymizer.PseudonymizeBrushquestPlayerId(pairing.PlayerId.ToString())); // clean generated-api
        span.SetBrushquestParentId(pseudonymizer.PseudonymizeBrushquestParentId(pairing.ParentEmail)); // clean generated-api
        Activity.Current?.SetTag("brushquest.brush.model", pairing.Model); // clean precision-about
        Activity.Current?.SetTag("brushquest.brush.serial", pairing.BrushSerial); // leak TC1001 direct
        Activity.Current?.SetTag("brushquest.brush.serial_prefix", pairing.BrushSerial[..3]); // clean precision-about
        var user = HttpContext.User;
        Activity.Current?.SetTag("brushquest.parent.signed_in", user.IsAuthenticated); // clean precision-about
        Activity.Current?.SetTag("brushquest.parent.subject", user.SubjectId); // leak TC1001 direct

        try
        {
            if (PairedBrushes.TryGetValue(pairing.BrushSerial, out var owner) && owner != pairing.PlayerId)
            {
                throw new BrushAlreadyPairedException(pairing.BrushSerial);
            }
            PairedBrushes[pairing.BrushSerial] = pairing.PlayerId;
        }
        catch (BrushAlreadyPairedException ex)
        {
            logger.LogBrushquestOperationFailedEvent("home", "already-paired", brushquestNote: ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            Meter.CreateBrushquestSessionsCounter().Add(1, "home", brushquestOutcome: ex.GetType().Name); // clean exceptions
            return BadRequest("already-paired");
        }

        var profile = await players.FindAsync(pairing.PlayerId, cancellationToken);
        if (profile is not null)
        {
            LogPaired(logger, profile.Gamertag, pairing.Model); // clean logging-objects
            LogPairedForParent(logger, profile.Gamertag, pairing.ParentEmail); // leak TC1001 logging-objects
            logger.LogInformation("Paired brush for a {Age}-year-old", profile.Age); // clean precision-about
        }

        Pairings.Add(1, new KeyValuePair<string, object?>("brushquest.brush.model", pairing.Model)); // clean precision-about
        Pairings.Add(1, new KeyValuePair<string, object?>("brushquest.player", pseudonymizer.PseudonymizeBrushquestPlayerId(pairing.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
        await notifier.NotifyAsync(pairing.ParentEmail, $"{pairing.Model} paired", cancellationToken);
        logger.LogInformation("Pairing {Pairing}", pairing); // leak TC1001 logging-objects
        return Ok();
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Brush paired to {Gamertag} ({Model})")]
    private static partial void LogPaired(ILogger logger, [PrivateData] string gamertag, string model);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Brush paired to {Gamertag}, parent {ParentEmail} notified")]
    private static partial void LogPairedForParent(ILogger logger, [PrivateData] string gamertag, string parentEmail);
}

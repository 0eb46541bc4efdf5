namespace PrivacyHoldout144.Gaming;

/// <summary>
/// The video game museum's playable arcade: visitors load a play card at the desk and tap it on a cabinet's reader
/// to start a credit. The service debits the card, tracks play sessions and posts high scores to the hall's board.
/// </summary>
public sealed class ArcadePlayCardService(
    IPlayCardLedger ledger,
    ICabinetFleet fleet,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ArcadePlayCardService> logger)
{
    private const string Venue = "arcade-hall";

    private readonly Counter<long> _credits = meter.CreateCounter<long>("arcademuseum.credits.spent");
    private string? _lastDeclinedCard;
    private string? _lastFaultyCabinet;

    public async Task TapAsync(CabinetTap tap, CancellationToken cancellationToken)
    {
        using var span = source.StartArcademuseumOperation(Venue);
        span.SetArcademuseumCabinet(tap.Cabinet); // clean generated-api
        span.SetArcademuseumPlayerId(pseudonymizer.PseudonymizeArcademuseumPlayerId(tap.CardNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("arcademuseum.card.number", tap.CardNumber); // leak TC1001 direct

        var cabinet = await fleet.CabinetAsync(tap.Cabinet, cancellationToken);
        Activity.Current?.SetTag("arcademuseum.cabinet.game", cabinet.Game); // clean precision-about
        try
        {
            var card = await ledger.DebitAsync(tap.CardNumber, cabinet.CreditsPerPlay, cancellationToken);
            _credits.Add(cabinet.CreditsPerPlay, new KeyValuePair<string, object?>("arcademuseum.cabinet", tap.Cabinet)); // clean precision-names
            Activity.Current?.SetTag("arcademuseum.card.credits_left", card.Credits); // clean precision-about
            logger.LogDebug("Card after debit {Card}", card); // leak TC1001 logging-objects
            await fleet.StartCreditAsync(tap.Cabinet, cancellationToken);
        }
        catch (InsufficientCreditsException ex)
        {
            _lastDeclinedCard = tap.CardNumber;
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
        catch (CabinetOutOfOrderException ex)
        {
            _lastFaultyCabinet = tap.Cabinet;
            logger.LogArcademuseumOperationFailedEvent(Venue, $"fault:{ex.FaultCode}", arcademuseumNote: ex.Message); // clean generated-api
        }
        catch (PlayCardNotFoundException ex)
        {
            logger.LogError(ex, "Tap at {Cabinet} with an unknown card", tap.Cabinet); // leak TC1001 exceptions
        }
    }

    public void SessionEnded(string cabinet, string cardNumber, TimeSpan played)
    {
        meter.CreateArcademuseumSessionDurationHistogram().Record(played.TotalSeconds, Venue); // clean generated-api
        var sample = BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(cardNumber))) % 100;
        if (sample < 5)
        {
            logger.LogInformation("Sampled session on {Cabinet}: {Seconds}s in sample {Sample}", cabinet, played.TotalSeconds, sample); // leak TC1002 hashes
        }
    }

    public async Task PostHighScoreAsync(HighScoreEntry entry, CancellationToken cancellationToken)
    {
        await fleet.PostScoreAsync(entry, cancellationToken);
        logger.LogInformation("New high score on {Cabinet}: {Initials} {Score}", entry.Cabinet, entry.Initials, entry.Score); // clean precision-names
        logger.LogDebug("High score entry {Entry}", entry); // leak TC1001 logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("arcademuseum.high_score", tags: new ActivityTagsCollection { ["arcademuseum.cabinet"] = entry.Cabinet, ["arcademuseum.score"] = entry.Score })); // clean precision-about
    }

    public void ReportShift()
    {
        Activity.Current?.SetTag("arcademuseum.cabinet.last_fault", _lastFaultyCabinet); // clean cross-member
        logger.LogWarning("Last card declined for credits: {Card}", _lastDeclinedCard); // leak TC1001 cross-member
    }
}

namespace PrivacyHoldout109.Gaming;

/// <summary>A chargeback the payment provider reports: the dispute, the player's account and the card used.</summary>
public sealed record Chargeback(string DisputeId, string PlayerId, string Gamertag, string CardLast4, string CardHolder, decimal Amount, string ReasonCode);

/// <summary>Picks up the payment provider's chargeback report (pipe-separated), suspends the players' wallets and tells trust and safety.</summary>
public sealed class ChargebackReportPickup(
    ActivitySource source,
    Meter meter,
    ILogger<ChargebackReportPickup> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint psp,
    IWalletService wallets)
{
    private readonly Counter<long> _chargebacks = meter.CreateCounter<long>("payoutfeed.chargebacks", "{dispute}");

    public async Task PickUpAsync(string fileName, CancellationToken ct)
    {
        using var span = source.StartPayoutfeedImport(psp.PartnerCode, fileName);
        string text;
        try
        {
            text = sftp.ReadAllText(psp.InboundDir + "/" + fileName);
        }
        catch (SftpPathNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return;
        }

        var flagged = new List<string>();
        foreach (var row in Csv.Read(text, '|'))
        {
            var chargeback = new Chargeback(row["dispute_id"], row["merchant_customer_id"], row["gamertag"], row["card_last4"], row["card_holder"], decimal.Parse(row["amount"], CultureInfo.InvariantCulture), row["reason"]);
            _chargebacks.Add(1, new KeyValuePair<string, object?>("reason", chargeback.ReasonCode)); // clean precision-names
            _chargebacks.Add(0, new KeyValuePair<string, object?>("player", chargeback.PlayerId)); // leak TC1003 cross-member
            logger.LogWarning("Chargeback {Chargeback}", chargeback); // leak TC1001 logging-objects
            logger.LogWarning("Chargeback {Dispute} on card ending {Last4}, {Amount}", chargeback.DisputeId, chargeback.CardLast4, chargeback.Amount); // clean precision-about
            logger.LogWarning("Card holder {Holder} disputes {Amount}", chargeback.CardHolder, chargeback.Amount); // leak TC1001 cross-member
            Activity.Current?.SetTag("chargeback.gamertag", chargeback.Gamertag); // leak TC1001 cross-member
            Activity.Current?.SetBaggage("player.id", chargeback.PlayerId); // leak TC1001 cross-member
            Activity.Current?.SetBaggage("player.ref", pseudonymizer.ComputePayoutfeedPlayerId(chargeback.PlayerId)); // clean precision-pseudonym
            try
            {
                await wallets.SuspendAsync(chargeback.PlayerId, ct);
            }
            catch (WalletNotFoundException ex)
            {
                logger.LogError(ex, "No wallet to suspend"); // leak TC1001 exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                span.SetPayoutfeedOutcome(ex.GetType().Name); // clean exceptions
            }
            flagged.Add($"{chargeback.Gamertag}:{chargeback.Amount}");
        }
        logger.LogInformation("Flagged for trust and safety: {Flagged}", string.Join(", ", flagged)); // leak TC1001 strings
        logger.LogInformation("Flagged {Count} players", flagged.Count); // clean precision-about
        span.SetPayoutfeedNote(flagged.FirstOrDefault()); // leak TC1001 generated-api
    }
}

public interface IWalletService
{
    Task SuspendAsync(string playerId, CancellationToken cancellationToken);
}

/// <summary>Thrown when a player has no wallet; quotes the player's id.</summary>
public sealed class WalletNotFoundException(string playerId) : Exception($"No wallet for player {playerId}");

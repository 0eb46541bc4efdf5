namespace PrivacyHoldout169.Gaming;

/// <summary>Sells the in-game charity bundle; the whole price goes to the partner charity.</summary>
public sealed partial class CharityBundleCheckout(
    ICardGateway gateway,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CharityBundleCheckout> logger)
{
    private static readonly ActivitySource Source = new("PlayForGood.Bundles");
    private static readonly Meter Meter = new("PlayForGood.Bundles");
    private static readonly Counter<long> Sold = Meter.CreateCounter<long>("playforgood.bundles.sold");

    [LoggerMessage(Level = LogLevel.Information, Message = "Bundle {Sku} bought by {Gamertag}")]
    private partial void LogBought(string sku, string gamertag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bundle {Sku} bought by {Gamertag}")]
    private partial void LogBoughtRedacted(string sku, [PrivateData] string gamertag);

    public async Task<string> BuyAsync(CharityBundlePurchase purchase, string paymentMethodToken, string platform, CancellationToken cancellationToken)
    {
        var player = pseudonymizer.PseudonymizePlayforgoodPlayerId(purchase.PlayerId.ToString());
        using var operation = Source.StartPlayforgoodOperation(platform).SetPlayforgoodPlayerId(player).SetPlayforgoodBundle(purchase.Sku); // clean generated-api
        LogBought(purchase.Sku, purchase.Gamertag); // leak TC1001 logging-objects
        LogBoughtRedacted(purchase.Sku, purchase.Gamertag); // clean logging-objects
        operation.Activity?.SetTag("bundle.order", purchase.OrderId); // clean direct
        operation.Activity?.SetTag("bundle.player", purchase.PlayerId); // leak TC1001 direct
        Sold.Add(1, new KeyValuePair<string, object?>("sku", purchase.Sku), new("platform", platform)); // clean precision-names
        Sold.Add(1, new KeyValuePair<string, object?>("player", player.Value)); // leak TC1003 precision-pseudonym

        try
        {
            var charge = await gateway.ChargeAsync(paymentMethodToken, purchase.Amount, cancellationToken);
            operation.SetPlayforgoodOutcome(charge.Status); // clean generated-api
            logger.LogInformation("Charged card ending {Last4}", charge.Last4); // clean precision-about
        }
        catch (CardDeclinedException ex)
        {
            operation.RecordException(ex, "declined", includeMessage: true); // clean exceptions
            logger.LogPlayforgoodOperationFailedEvent(platform, "declined", player, $"{purchase.Gamertag} declined"); // leak TC1001 generated-api
            throw;
        }

        var cohort = HashCode.Combine(purchase.PlayerId) % 10;
        operation.Activity?.SetTag("bundle.cohort", cohort); // leak TC1002 hashes
        var keyedCohort = HMACSHA256.HashData(secrets.ShardKey, purchase.PlayerId.ToByteArray())[0] % 10;
        operation.Activity?.SetTag("bundle.keyed_cohort", keyedCohort); // clean hashes
        return purchase.OrderId;
    }
}

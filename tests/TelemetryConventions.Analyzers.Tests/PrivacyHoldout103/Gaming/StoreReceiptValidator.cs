namespace PrivacyHoldout103.Gaming;

public sealed record PlayPurchase(string PlayerId, string ProductId, string PurchaseToken);

public sealed class ReceiptOwnerMismatchException(Guid appAccountToken, string playerId)
    : Exception($"Transaction belongs to account {appAccountToken}, not to player {playerId}");

/// <summary>
/// Validates in-app purchases with the App Store Server API and the Play Developer API before the
/// gems are granted. The game sets the App Store's <c>appAccountToken</c> and Play's obfuscated account
/// id to the player's id at purchase.
/// </summary>
public sealed class StoreReceiptValidator(
    IAppStoreServerClient appStore,
    IPlayDeveloperClient play,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    MobileOptions options,
    ILogger<StoreReceiptValidator> logger)
{
    private readonly Counter<long> _grants = meter.CreateCounter<long>("playapp.grants", "{grant}");

    public async Task<bool> ValidateAppleAsync(string playerId, string transactionId, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayappAppIngest("receipt");
        span.SetPlayappPlatform("ios").SetPlayappUserId(pseudonymizer.PseudonymizePlayappUserId(playerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("receipt.transaction_id", transactionId); // clean precision-names
        try
        {
            var transaction = await appStore.GetTransactionInfoAsync(transactionId, cancellationToken);
            Activity.Current?.SetTag("receipt.product", transaction.ProductId); // clean precision-names
            Activity.Current?.SetTag("receipt.storefront", transaction.Storefront); // clean precision-about
            logger.LogInformation("Transaction {Transaction}", transaction); // leak TC1001 logging-objects
            logger.LogInformation("Original transaction {OriginalTransactionId} in {Environment}", transaction.OriginalTransactionId, transaction.Environment); // clean precision-names
            if (transaction.AppAccountToken is { } owner && owner != Guid.Parse(playerId))
            {
                throw new ReceiptOwnerMismatchException(owner, playerId);
            }
            _grants.Add(1, new KeyValuePair<string, object?>("product", transaction.ProductId), new KeyValuePair<string, object?>("store", "appstore")); // clean direct
            return true;
        }
        catch (AppStoreApiException ex)
        {
            span.RecordException(ex, ex.Message); // clean exceptions
            return false;
        }
        catch (ReceiptOwnerMismatchException ex)
        {
            logger.LogWarning(ex, "Receipt refused"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return false;
        }
    }

    public async Task<bool> ValidatePlayAsync(PlayPurchase purchase, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayappAppIngest("receipt");
        span.SetPlayappPlatform("android"); // clean direct
        logger.LogDebug("Validating {Purchase}", purchase); // leak TC1001 logging-objects
        Activity.Current?.SetTag("receipt.purchase_token.length", purchase.PurchaseToken.Length); // clean precision-about
        try
        {
            var subscription = await play.GetSubscriptionV2Async(options.AndroidPackage, purchase.PurchaseToken, cancellationToken);
            Activity.Current?.SetTag("receipt.order_id", subscription.LatestOrderId); // clean precision-names
            Activity.Current?.SetTag("receipt.state", subscription.SubscriptionState); // clean precision-about
            Activity.Current?.SetTag("receipt.account", subscription.ExternalAccountIdentifiers?.ObfuscatedExternalAccountId); // leak TC1001 cross-member
            logger.LogInformation("Play subscription {Subscription}", subscription); // clean logging-objects
            await play.AcknowledgeAsync(options.AndroidPackage, purchase.ProductId, purchase.PurchaseToken, cancellationToken);
            _grants.Add(1, new KeyValuePair<string, object?>("product", purchase.ProductId), new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizePlayappUserId(purchase.PlayerId).ToString())); // leak TC1003 precision-pseudonym
            return true;
        }
        catch (GoogleApiException ex) when (ex.HttpStatusCode == 410)
        {
            logger.LogWarning("Purchase token {PurchaseToken} expired", purchase.PurchaseToken); // leak TC1001 direct
            return false;
        }
        catch (GoogleApiException ex)
        {
            logger.LogPlayappAppRejectedEvent("receipt", ex.HttpStatusCode.ToString(CultureInfo.InvariantCulture), playappNote: ex.Message); // clean exceptions
            return false;
        }
    }
}

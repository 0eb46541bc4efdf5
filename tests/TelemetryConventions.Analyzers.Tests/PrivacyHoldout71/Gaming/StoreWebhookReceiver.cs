namespace PrivacyHoldout71.Gaming;

/// <summary>The console store's purchase notification.</summary>
public sealed record StorePurchase(string TransactionId, Guid PlayerId, string PlatformAccountId, string Gamertag, string Sku, decimal Amount, string Currency);

public sealed record StoreNotification(string NotificationId, string Kind, StorePurchase Purchase);

public interface IEntitlements
{
    Task GrantAsync(Guid playerId, string sku, CancellationToken cancellationToken);
}

/// <summary>
/// POST /webhooks/xstore. The store signs with X-Store-Signature and may deliver a notification more
/// than once: the handler claims the store's transaction id in the idempotency store. Schema: gamertags
/// match <c>^[A-Za-z0-9 ]{3,15}$</c>, kinds are an <c>enum</c>.
/// </summary>
public sealed class StoreWebhookReceiver(
    string storeSecret,
    ISchemaValidator schemas,
    IIdempotencyStore idempotency,
    IEntitlements entitlements,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<StoreWebhookReceiver> logger)
{
    private readonly GamehookDeliveriesCounter _received = meter.CreateGamehookDeliveriesCounter();
    private readonly UpDownCounter<int> _inFlight = meter.CreateUpDownCounter<int>("gamehook.store.in_flight");

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        _inFlight.Add(1);
        try
        {
            return await HandleCoreAsync(request, cancellationToken);
        }
        finally
        {
            _inFlight.Add(-1);
        }
    }

    private async Task<WebhookResponse> HandleCoreAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartGamehookReceive("store.purchase"); // clean generated-api
        span.SetGamehookPartner("xstore");
        var header = request.Header("X-Store-Signature");
        if (header is null || !WebhookSignature.Verify(storeSecret, 0, request.Body, header))
        {
            span.SetStatus(ActivityStatusCode.Error, new SignatureVerificationException("X-Store-Signature", header is null ? "missing" : "mismatch").Message); // clean exceptions
            _received.Add(1, "store.purchase", "xstore", "rejected:signature");
            return WebhookResponse.Unauthorized();
        }

        using var json = JsonDocument.Parse(request.Body);
        var result = schemas.Validate("store.purchase", json.RootElement);
        if (!result.IsValid)
        {
            span.SetGamehookNote(string.Join("; ", result.Errors.Select(e => e.InstanceLocation))); // clean generated-api
            span.SetGamehookNote(string.Join("; ", result.Errors)); // leak TC1001 generated-api
            logger.LogWarning("Store notification invalid: {ErrorCount} errors, keywords {Keywords}", result.Errors.Count, result.Errors.Select(e => e.Keyword).Distinct()); // clean precision-about
            throw new SchemaValidationException("store.purchase", result.Errors); // leak TC1001 exceptions
        }

        var notification = json.RootElement.Deserialize<StoreNotification>()!;
        var purchase = notification.Purchase;
        span.SetGamehookEventId(notification.NotificationId);
        span.SetGamehookPlayerId(pseudonymizer.PseudonymizeGamehookPlayerId(purchase.PlayerId.ToString())); // clean precision-pseudonym

        if (!await idempotency.TryClaimAsync($"xstore:{purchase.TransactionId}", TimeSpan.FromDays(30), cancellationToken))
        {
            logger.LogInformation("Transaction {TransactionId} already granted", purchase.TransactionId); // clean direct
            span.SetGamehookOutcome("duplicate");
            return WebhookResponse.Duplicate();
        }

        var playerKey = $"grant:{purchase.PlayerId:N}:{purchase.Sku}";
        if (!await idempotency.TryClaimAsync(playerKey, TimeSpan.FromMinutes(5), cancellationToken))
        {
            logger.LogWarning("Burst of grants on {PlayerKey}", playerKey); // leak TC1001 strings
            span.SetGamehookOutcome("throttled");
            return WebhookResponse.Duplicate();
        }

        await entitlements.GrantAsync(purchase.PlayerId, purchase.Sku, cancellationToken);
        logger.LogInformation("Granted {Sku} ({Amount} {Currency}) to {Gamertag}", purchase.Sku, purchase.Amount, purchase.Currency, purchase.Gamertag); // leak TC1001 direct
        logger.LogInformation("Granted {Sku} to player {PlayerRef}", purchase.Sku, pseudonymizer.ComputeGamehookPlayerId(purchase.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("store.platform_account", purchase.PlatformAccountId); // leak TC1001 direct
        Activity.Current?.SetTag("store.gamertag_length", purchase.Gamertag.Length); // clean precision-about
        span.SetGamehookOutcome("granted");
        _received.Add(1, "store.purchase", "xstore", "granted");
        _received.Add(1, "store.purchase", "xstore", pseudonymizer.ComputeGamehookPlayerId(purchase.PlayerId.ToString())); // leak TC1003 precision-pseudonym
        LogNotification(notification);
        return WebhookResponse.Accepted();
    }

    private void LogNotification(StoreNotification notification) =>
        logger.LogDebug("Store notification {Id} of kind {Kind}: {Purchase}", notification.NotificationId, notification.Kind, notification.Purchase); // leak TC1001 logging-objects
}

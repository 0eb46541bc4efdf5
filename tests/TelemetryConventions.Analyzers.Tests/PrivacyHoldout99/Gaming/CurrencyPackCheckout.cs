namespace PrivacyHoldout99.Gaming;

public sealed record PackPurchase(Guid PlayerId, string Gamertag, string PackSku, long PriceMinor, string Currency, string Platform, string Country);

/// <summary>Sells currency packs on the web store, paid with Google Pay or a card, and grants the currency once the payment succeeds.</summary>
public sealed class CurrencyPackCheckout(
    IPaymentIntentClient intents,
    Pseudonymizer pseudonymizer,
    ILogger<CurrencyPackCheckout> logger)
{
    private static readonly ActivitySource Source = new("Game.Store.Checkout");
    private static readonly Meter Meter = new("Game.Store.Checkout");
    private readonly GamepayPaymentsCounter _payments = Meter.CreateGamepayPaymentsCounter();
    private static readonly Counter<long> PackSales = Meter.CreateCounter<long>("store.pack.sales");

    public async Task<PaymentIntent> PayWithGooglePayAsync(PackPurchase purchase, GooglePayPaymentData data, CancellationToken ct)
    {
        var player = pseudonymizer.PseudonymizeGamepayPlayerId(purchase.PlayerId.ToString());
        using var span = Source.StartGamepayPayment("pending").SetGamepayPlayerId(player).SetGamepayPaymentMethod("google_pay"); // clean precision-pseudonym
        span.SetGamepayAmount(purchase.PriceMinor).SetGamepayCurrency(purchase.Currency); // clean precision-about
        span.Activity?.SetTag("store.sku", purchase.PackSku); // clean precision-names
        span.Activity?.SetTag("gpay.api_version", $"{data.ApiVersion}.{data.ApiVersionMinor}");
        span.Activity?.SetTag("gpay.card_network", data.PaymentMethodData.Info.CardNetwork); // clean precision-about
        span.Activity?.SetTag("gpay.card_details", data.PaymentMethodData.Info.CardDetails);
        span.Activity?.SetTag("gpay.description", data.PaymentMethodData.Description); // clean precision-about
        span.Activity?.SetTag("gpay.tokenization.type", data.PaymentMethodData.TokenizationData.Type);
        span.Activity?.SetTag("gpay.email", data.Email); // leak TC1001 direct
        logger.LogDebug("Google Pay billing address {@Address}", data.PaymentMethodData.Info.BillingAddress); // leak TC1001 logging-objects
        logger.LogDebug("Google Pay billing country {Country}", data.PaymentMethodData.Info.BillingAddress?.CountryCode);

        var intent = await intents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = purchase.PriceMinor,
            Currency = purchase.Currency,
            PaymentMethod = data.PaymentMethodData.TokenizationData.Token,
            Confirm = true,
            Metadata = { ["player_id"] = purchase.PlayerId.ToString(), ["sku"] = purchase.PackSku },
        }, new RequestOptions { IdempotencyKey = $"pack:{purchase.PlayerId:N}:{purchase.PackSku}:{DateTime.UtcNow:yyyyMMddHHmmss}" }, ct);

        span.SetGamepayPaymentId(intent.Id).SetGamepayOutcome(intent.Status);
        logger.LogInformation("Pack {Sku} bought by {Gamertag} ({IntentId})", purchase.PackSku, purchase.Gamertag, intent.Id); // leak TC1001 direct
        span.SetGamepayNote($"pack {purchase.PackSku} for {purchase.Gamertag}"); // leak TC1001 generated-api
        span.Activity?.SetTag("store.basket", $"{purchase.PackSku}x1@{purchase.PriceMinor}{purchase.Currency}"); // clean strings
        span.Activity?.SetTag("player.hash", HashCode.Combine(purchase.PlayerId, purchase.Gamertag)); // leak TC1002 hashes
        logger.LogInformation("Pack intent {Intent}", JsonSerializer.Serialize(intent)); // leak TC1001 strings
        logger.LogInformation("Pack {Sku} sold on {Platform} in {Country}", purchase.PackSku, purchase.Platform, purchase.Country);
        PackSales.Add(1, new KeyValuePair<string, object?>("sku", purchase.PackSku), new KeyValuePair<string, object?>("platform", purchase.Platform)); // clean precision-names
        PackSales.Add(1, new KeyValuePair<string, object?>("buyer", player.ToString())); // leak TC1003 precision-pseudonym
        _payments.Add(1, "google_pay", data.PaymentMethodData.Info.CardNetwork.ToLowerInvariant(), intent.Status); // clean generated-api
        return intent;
    }

    public async Task<PaymentIntent> PayWithCardAsync(PackPurchase purchase, string customerId, string paymentMethodId, CancellationToken ct)
    {
        using var span = Source.StartGamepayPayment("pending").SetGamepayPaymentMethod("card");
        span.Activity?.SetTag("enduser.id", purchase.PlayerId); // leak TC1001 direct
        try
        {
            return await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = purchase.PriceMinor, Currency = purchase.Currency, Customer = customerId, PaymentMethod = paymentMethodId, Confirm = true }, null, ct);
        }
        catch (CardDeclinedException ex)
        {
            span.SetGamepayDeclineCode(ex.DeclineCode ?? "generic_decline").RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogGamepayPaymentFailedEvent("pending", "declined", ex.DeclineCode, pseudonymizer.PseudonymizeGamepayPlayerId(purchase.PlayerId.ToString()), ex.Message); // clean exceptions
            throw;
        }
        catch (ResourceMissingException ex)
        {
            logger.LogGamepayPaymentFailedEvent("pending", "failed", null, null, ex.Message); // leak TC1001 exceptions
            throw;
        }
    }
}

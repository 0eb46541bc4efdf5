namespace PrivacyHoldout99.Retail;

public sealed record CheckoutSession(string OrderNumber, string CustomerNumber, string Email, string StoreId, long TotalPence, string Channel);

/// <summary>Pays for web and app orders: Apple Pay tokens decrypted in the payment service, cards as network tokens, both charged through the provider.</summary>
public sealed class CheckoutPaymentService(
    IApplePayDecryptor decryptor,
    ITokenService tokenService,
    IPaymentIntentClient intents,
    Pseudonymizer pseudonymizer,
    ILogger<CheckoutPaymentService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Checkout.Payments");
    private static readonly Meter Meter = new("Shop.Checkout.Payments");
    private readonly ShoppayPaymentsCounter _payments = Meter.CreateShoppayPaymentsCounter();
    private readonly ShoppayPaymentDurationHistogram _duration = Meter.CreateShoppayPaymentDurationHistogram();
    private static readonly Counter<long> WalletPayments = Meter.CreateCounter<long>("checkout.wallet.payments");

    public async Task<PaymentIntent> PayWithApplePayAsync(CheckoutSession session, ApplePayPayment payment, CancellationToken ct)
    {
        var customer = pseudonymizer.PseudonymizeShoppayCustomerId(session.CustomerNumber);
        using var span = Source.StartShoppayPayment(session.OrderNumber).SetShoppayPaymentMethod("apple_pay").SetShoppayCustomerId(customer); // clean precision-pseudonym
        span.SetShoppayAmount(session.TotalPence); // clean precision-about
        span.Activity?.SetTag("order.number", session.OrderNumber); // clean precision-names
        span.Activity?.SetTag("applepay.payment_data.length", payment.Token.PaymentData.Length);

        ApplePayDecrypted decrypted;
        try
        {
            decrypted = decryptor.Decrypt(payment.Token);
        }
        catch (WalletDecryptionException ex)
        {
            span.RecordException(ex, includeMessage: true).SetShoppayOutcome("decrypt_failed"); // clean exceptions
            logger.LogWarning(ex, "Apple Pay token for order {Order} could not be decrypted", session.OrderNumber); // clean exceptions
            throw;
        }

        span.Activity?.SetTag("applepay.data_type", decrypted.PaymentDataType);
        span.Activity?.SetTag("applepay.eci", decrypted.EciIndicator); // clean precision-about
        span.Activity?.SetTag("applepay.dpan", decrypted.ApplicationPrimaryAccountNumber); // leak TC1001 direct
        span.Activity?.SetTag("applepay.dpan.last4", decrypted.ApplicationPrimaryAccountNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("applepay.cryptogram.present", !string.IsNullOrEmpty(decrypted.OnlinePaymentCryptogram)); // clean precision-about
        logger.LogDebug("Decrypted Apple Pay data {@Decrypted}", decrypted); // leak TC1001 logging-objects
        logger.LogDebug("Apple Pay for {Amount} {Currency}, expiring {Expiry}", decrypted.TransactionAmount, decrypted.CurrencyCode, decrypted.ApplicationExpirationDate);
        logger.LogInformation("Apple Pay shipping to {@Contact}", payment.ShippingContact); // leak TC1001 logging-objects
        WalletPayments.Add(1, new KeyValuePair<string, object?>("wallet", "apple_pay"), new KeyValuePair<string, object?>("network", payment.Token.PaymentMethod.Network)); // clean precision-names

        var started = Stopwatch.GetTimestamp();
        var intent = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = session.TotalPence, PaymentMethod = "pm_card_applepay", ReceiptEmail = session.Email, Confirm = true }, new RequestOptions { IdempotencyKey = $"order:{session.OrderNumber}" }, ct);
        span.SetShoppayPaymentId(intent.Id).SetShoppayOutcome(intent.Status).SetShoppayIdempotencyKey($"order:{session.OrderNumber}"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "apple_pay", intent.Status); // clean generated-api
        _payments.Add(1, "apple_pay", payment.Token.PaymentMethod.Network.ToLowerInvariant(), intent.Status); // clean generated-api
        return intent;
    }

    public async Task<PaymentIntent> PayWithNetworkTokenAsync(CheckoutSession session, string pan, string expiry, string cardholderName, CancellationToken ct)
    {
        using var span = Source.StartShoppayPayment(session.OrderNumber).SetShoppayPaymentMethod("card");
        var token = await tokenService.ProvisionAsync(pan, expiry, cardholderName, ct);
        span.Activity?.SetTag("network_token.reference", token.TokenReferenceId);
        span.Activity?.SetTag("network_token.requestor", token.TokenRequestorId); // clean precision-names
        span.Activity?.SetTag("network_token.status", token.Status);
        span.Activity?.SetTag("network_token.par", token.PaymentAccountReference); // leak TC1001 direct
        span.Activity?.SetTag("card.pan.sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pan)))); // leak TC1002 hashes
        span.Activity?.SetTag("network_token.summary", $"{token.Status}:{token.TokenExpiry}"); // clean strings
        span.SetShoppayNote($"provisioned token {token.TokenPan} exp {token.TokenExpiry}"); // leak TC1001 generated-api
        logger.LogInformation("Network token provisioned for {Cardholder}", cardholderName); // leak TC1001 direct
        logger.LogInformation("Network token {@Token}", token); // leak TC1001 logging-objects

        var cryptogram = await tokenService.CryptogramAsync(token.TokenReferenceId, session.TotalPence, ct);
        span.Activity?.SetTag("cryptogram.eci", cryptogram.Eci); // clean precision-about
        span.Activity?.SetTag("cryptogram.expires_at", cryptogram.ExpiresAt);
        try
        {
            return await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = session.TotalPence, PaymentMethod = token.TokenReferenceId, Confirm = true }, new RequestOptions { IdempotencyKey = $"order:{session.OrderNumber}" }, ct);
        }
        catch (PaymentProviderException ex) when (ex.Code == "idempotency_error")
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogShoppayPaymentFailedEvent(session.OrderNumber, "idempotency_error", null, pseudonymizer.PseudonymizeShoppayCustomerId(session.CustomerNumber), ex.Code); // clean precision-pseudonym
            throw;
        }
    }
}

namespace PrivacyHoldout99.Energy;

public sealed record TopUpRequest(string AccountNumber, string MeterSerial, string CardNumber, int ExpMonth, int ExpYear, long AmountPence, bool SaveForAutoTopUp);

/// <summary>Card top-ups of smart prepayment meters: the card goes to the vault, the vault's token is charged, the credit is sent to the meter.</summary>
public sealed class PrepaymentTopUpService(
    ICardVault vault,
    IPaymentIntentClient intents,
    Pseudonymizer pseudonymizer,
    ILogger<PrepaymentTopUpService> logger)
{
    private static readonly ActivitySource Source = new("Energy.Prepay.TopUp");
    private static readonly Meter Meter = new("Energy.Prepay.TopUp");
    private static readonly Counter<long> TopUps = Meter.CreateCounter<long>("energy.prepay.topups");
    private readonly EnergypayPaymentsCounter _payments = Meter.CreateEnergypayPaymentsCounter();

    public async Task<string> TopUpAsync(TopUpRequest request, CancellationToken ct)
    {
        using var span = Source.StartEnergypayPayment("pending")
            .SetEnergypayAccountId(pseudonymizer.PseudonymizeEnergypayAccountId(request.AccountNumber)) // clean precision-pseudonym
            .SetEnergypayAmount(request.AmountPence);
        span.Activity?.SetTag("meter.model", request.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("meter.serial", request.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("card.bin", request.CardNumber[..6]);
        span.Activity?.SetTag("card.length", request.CardNumber.Length); // clean precision-about

        VaultToken token;
        try
        {
            token = await vault.TokenizeAsync(request.CardNumber, request.ExpMonth, request.ExpYear, ct);
        }
        catch (InvalidCardNumberException ex)
        {
            span.SetEnergypayOutcome("invalid_card").SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Top-up card refused: {Type}", ex.GetType().Name); // clean exceptions
            throw;
        }

        span.Activity?.SetTag("card.brand", token.Brand);
        span.Activity?.SetTag("card.mask", $"{token.Bin}******{token.Last4}"); // clean precision-about
        span.Activity?.SetTag("vault.token", token.Token); // leak TC1001 direct
        logger.LogInformation("Vaulted card {@Token}", token); // leak TC1001 logging-objects
        logger.LogInformation("Vaulted card at {CreatedAt}, deterministic {Deterministic}", token.CreatedAt, token.Deterministic);

        var intent = await intents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = request.AmountPence,
            PaymentMethod = token.Token,
            Confirm = true,
            Metadata = { ["meter_serial"] = request.MeterSerial },
        }, new RequestOptions { IdempotencyKey = $"topup:{request.MeterSerial}:{DateTime.UtcNow:yyyyMMddHHmm}" }, ct);

        span.SetEnergypayPaymentId(intent.Id).SetEnergypayOutcome(intent.Status).SetEnergypayPaymentMethod("card");
        logger.LogInformation("Top-up {IntentId} for meter {Meter}: {Status}", intent.Id, intent.Metadata["meter_serial"], intent.Status); // leak TC1001 cross-member
        span.SetEnergypayNote($"meter {request.MeterSerial} topped up"); // leak TC1001 generated-api
        span.Activity?.SetTag("topup.summary", $"{request.AmountPence}p/{(request.SaveForAutoTopUp ? "auto" : "once")}"); // clean strings
        TopUps.Add(1, new KeyValuePair<string, object?>("meter", request.MeterSerial)); // leak TC1003 direct
        TopUps.Add(1, new KeyValuePair<string, object?>("meter.model", request.MeterSerial[..3])); // clean precision-about
        _payments.Add(1, "card", token.Brand, intent.Status); // clean generated-api

        if (!request.SaveForAutoTopUp)
        {
            await vault.DeleteAsync(token.Token, ct);
            logger.LogDebug("Deleted one-off vault token ending {Tail}", token.Token[^4..]);
        }
        return intent.Id;
    }
}

namespace PrivacyHoldout92.Retail;

/// <summary>A gift card tendered at a till: the number read from the card's barcode and the PIN scratched off its back.</summary>
public sealed record GiftCardTender(string Store, string Till, string CardNumber, string Pin, decimal Amount, string? CustomerNumber);

/// <summary>Gift cards as tender at the tills and on the web shop, through the stored-value processor.</summary>
public sealed partial class GiftCardTillService(IGiftCardProcessor processor, TicketingOptions options, Pseudonymizer pseudonymizer, ILogger<GiftCardTillService> logger)
{
    private static readonly ActivitySource Source = new("Retail.GiftCards");
    private static readonly Meter Meter = new("Retail.GiftCards");
    private static readonly Counter<long> PinFailures = Meter.CreateCounter<long>("giftcard.pin.failures");

    public async Task<decimal> TenderAsync(GiftCardTender tender, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartGiftcardRedeem(tender.Store);
        span.SetGiftcardTill(tender.Till).SetGiftcardCardLast4(tender.CardNumber[^4..]).SetGiftcardAmount((double)tender.Amount); // clean precision-about
        if (tender.CustomerNumber is { } customer)
        {
            span.SetGiftcardCustomerId(pseudonymizer.PseudonymizeGiftcardCustomerId(customer)); // clean precision-pseudonym
        }
        LogTender(logger, tender.Store, tender.Till, tender.CardNumber); // leak TC1001 logging-objects
        try
        {
            var card = await processor.LookupAsync(tender.CardNumber, tender.Pin, cancellationToken);
            logger.LogDebug("Card {Card}", card); // leak TC1001 logging-objects
            logger.LogInformation("Card {CardId} balance {Balance} {Currency}", card.CardId, card.Balance, card.Currency); // clean precision-names
            var balance = await processor.RedeemAsync(card.CardId, tender.Amount, cancellationToken);
            logger.LogInformation("Redeemed, {Balance}", balance); // clean logging-objects
            span.SetGiftcardOutcome("redeemed");
            Meter.CreateGiftcardRedemptionsCounter().Add(1, giftcardStore: tender.Store, giftcardOutcome: "redeemed"); // clean generated-api
            return balance.Balance;
        }
        catch (GiftCardNotFoundException ex)
        {
            span.SetGiftcardOutcome("declined").RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return 0m;
        }
        catch (GiftCardPinException ex)
        {
            logger.LogWarning(ex, "Wrong PIN at till {Till}, {Left} attempts left", tender.Till, ex.AttemptsLeft); // clean exceptions
            logger.LogDebug("PIN typed {Pin} for card ending {Last4}", tender.Pin, tender.CardNumber[^4..]); // leak TC1001 direct
            PinFailures.Add(1, new KeyValuePair<string, object?>("giftcard.store", tender.Store), new KeyValuePair<string, object?>("giftcard.attempts_left", ex.AttemptsLeft)); // clean precision-about
            if (ex.AttemptsLeft == 0)
            {
                PinFailures.Add(1, new KeyValuePair<string, object?>("giftcard.locked_card", tender.CardNumber)); // leak TC1003 direct
            }
            return 0m;
        }
        catch (InsufficientBalanceException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogGiftcardRedemptionRefusedEvent(giftcardOutcome: "insufficient", giftcardStore: tender.Store, giftcardNote: $"card ending {tender.CardNumber[^4..]} short of {tender.Amount}"); // clean precision-about
            return 0m;
        }
        finally
        {
            Meter.CreateGiftcardRedeemDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, giftcardStore: tender.Store);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gift card tendered at {Store}/{Till}: {CardNumber}")]
    private static partial void LogTender(ILogger logger, string store, string till, string cardNumber);
}

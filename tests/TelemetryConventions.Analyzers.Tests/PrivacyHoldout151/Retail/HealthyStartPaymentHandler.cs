namespace PrivacyHoldout151.Retail;

/// <summary>The till's Healthy Start card payments: only milk, fruit, vegetables and pulses, up to the card's weekly value.</summary>
public sealed partial class HealthyStartPaymentHandler(
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    WelfareOptions options,
    ILogger<HealthyStartPaymentHandler> logger)
{
    private readonly Counter<decimal> _spend = meter.CreateCounter<decimal>("healthystart.spend", "GBP");
    private readonly Histogram<int> _items = meter.CreateHistogram<int>("healthystart.items");

    public bool Pay(HealthyStartPayment payment)
    {
        using var span = source.StartSupportfundOperation(payment.Store);
        span.SetSupportfundItemCount(payment.EligibleItems); // clean precision-about
        Activity.Current?.SetTag("payment.card.last4", payment.LastFour); // clean precision-about
        Activity.Current?.SetTag("payment.card.pan", payment.CardPan); // leak TC1001 direct
        Activity.Current?.SetTag("payment.card.token", Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(payment.CardPan)))); // leak TC1002 hashes
        Activity.Current?.SetTag("payment.card.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(payment.CardPan)))[..6]); // clean hashes
        Activity.Current?.SetTag("payment.card.bin", payment.CardPan[..6]); // clean precision-about
        _items.Record(payment.EligibleItems, new KeyValuePair<string, object?>("store", payment.Store)); // clean precision-about

        try
        {
            if (payment.Amount > options.HealthyStartWeeklyValue * 2)
            {
                throw new CardDeclinedException("51");
            }
            _spend.Add(payment.Amount, new KeyValuePair<string, object?>("store", payment.Store)); // clean precision-about
            _spend.Add(payment.Amount, new KeyValuePair<string, object?>("card", payment.LastFour)); // clean precision-about
            meter.CreateSupportfundRedemptionsCounter().Add(1, supportfundStore: payment.Store, supportfundOutcome: "approved"); // clean generated-api
            LogApproved(logger, payment.Store, payment.Amount, payment.CardPan); // clean logging-objects
            logger.LogInformation("Healthy Start payment approved: {Payment}", payment); // leak TC1001 logging-objects
            return true;
        }
        catch (CardDeclinedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetSupportfundOutcome(ex.Message); // clean exceptions
            meter.CreateSupportfundRedemptionsCounter().Add(1, supportfundStore: payment.Store, supportfundOutcome: "declined-" + ex.Code); // clean generated-api
            logger.LogSupportfundOperationFailedEvent(payment.Store, "declined", supportfundNote: $"Card {payment.CardPan} declined {ex.Code}"); // leak TC1001 generated-api
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Healthy Start approved at {Store}: {Amount} on card {CardPan}")]
    private static partial void LogApproved(ILogger logger, string store, decimal amount, [PrivateData] string cardPan);
}

namespace PrivacyHoldout131.Retail;

public sealed record ReturnReceivedEvent(string RmaNumber, string OrderId, string CustomerNumber, string CustomerEmail, string PaymentId, decimal Amount, bool PrefersStoreCredit, string Warehouse);

/// <summary>
/// When a returned parcel is received and graded, refunds the customer to the original payment, or as store
/// credit with a bonus if they chose it.
/// </summary>
public sealed class ReturnRefundOrchestrator(
    IQueueReceiver<ReturnReceivedEvent> received,
    IRefundGateway gateway,
    IStoreCreditLedger storeCredit,
    Pseudonymizer pseudonymizer,
    IOptions<RefundsOptions> options,
    ILogger<ReturnRefundOrchestrator> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Shop.Returns.Refunds");
    private static readonly Meter Meter = new("Shop.Returns.Refunds");
    private static readonly Histogram<double> RefundValue = Meter.CreateHistogram<double>("returns.refund.value", "GBP");
    private readonly ShopreturnsCaseDurationHistogram _duration = Meter.CreateShopreturnsCaseDurationHistogram();

    private string? _lastCustomer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var evt = await received.ReceiveAsync(stoppingToken);
            if (evt is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartShopreturnsCase(evt.RmaNumber);
            span.SetShopreturnsRegion(evt.Warehouse).SetShopreturnsAmount((double)evt.Amount); // clean precision-names
            Activity.Current?.SetTag("returns.customer", evt.CustomerNumber); // leak TC1001 direct
            _lastCustomer = evt.CustomerNumber;
            var destination = evt.PrefersStoreCredit ? RefundDestination.StoreCredit : RefundDestination.OriginalPayment;
            RefundValue.Record((double)evt.Amount, new KeyValuePair<string, object?>("destination", destination.ToString())); // clean precision-names

            try
            {
                if (evt.PrefersStoreCredit)
                {
                    var credit = await storeCredit.IssueAsync(evt.CustomerNumber, evt.Amount * (1 + options.Value.StoreCreditBonusPercent / 100m), evt.RmaNumber, stoppingToken);
                    logger.LogInformation("Store credit {CreditId} expires {ExpiresOn}", credit.CreditId, credit.ExpiresOn); // clean precision-names
                    logger.LogInformation("Store credit issued {@Credit}", credit); // leak TC1001 logging-objects
                }
                else
                {
                    var refund = await gateway.RefundAsync(new RefundRequest(evt.PaymentId, evt.Amount, "GBP", destination, evt.RmaNumber, new Dictionary<string, string> { ["rma"] = evt.RmaNumber, ["order"] = evt.OrderId }), stoppingToken);
                    logger.LogInformation("Refund {Refund}", refund); // clean logging-objects
                    var payment = await gateway.GetPaymentAsync(evt.PaymentId, stoppingToken);
                    logger.LogInformation("Refunded to {Brand} card ending {Last4}", payment.CardBrand, payment.CardLast4); // clean precision-about
                    Activity.Current?.SetTag("payment.card_fingerprint", payment.CardFingerprint); // leak TC1001 cross-member
                }
            }
            catch (OriginalPaymentUnavailableException ex)
            {
                span.RecordException(ex); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                Escalate(evt);
            }
            finally
            {
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, evt.Warehouse); // clean precision-names
            }
        }
    }

    private void Escalate(ReturnReceivedEvent evt)
    {
        logger.LogWarning("Refund of {RmaNumber} needs a customer service call to {Customer}", evt.RmaNumber, _lastCustomer); // leak TC1001 cross-member
        logger.LogShopreturnsCaseFailedEvent(evt.RmaNumber, "card-closed", pseudonymizer.PseudonymizeShopreturnsClaimantId(evt.CustomerNumber), "original card closed"); // clean generated-api
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(evt.CustomerEmail.ToLowerInvariant())));
        logger.LogWarning("Escalation dedupe key {Key}", key); // leak TC1002 hashes
    }
}

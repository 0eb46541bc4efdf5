namespace PrivacyHoldout141.Retail;

/// <summary>
/// Closes a courier job at the door: the courier's app sends the handover photo, the position and the name
/// signed; the customer can then add a tip with a message for the courier, charged to the card on file, and
/// gets a receipt.
/// </summary>
public sealed partial class ProofOfHandoverHandler(
    ICourierNetworkClient network,
    ICardGateway cards,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ProofOfHandoverHandler> logger)
{
    private readonly Histogram<double> _tips = meter.CreateHistogram<double>("clickcourier.tip.amount", "GBP");

    public async Task HandleAsync(CourierJob job, string courierId, ProofOfHandover proof, DateTimeOffset collectedAt, CancellationToken cancellationToken)
    {
        using var span = source.StartClickcourierOperation(job.StoreId, "clickcourier.handover");
        span.SetClickcourierCourierId(pseudonymizer.PseudonymizeClickcourierCourierId(courierId)); // clean generated-api
        span.Activity?.SetTag("clickcourier.photo.key", proof.PhotoKey); // clean precision-names
        span.Activity?.SetTag("clickcourier.signed", proof.SignedName is not null); // clean precision-about
        span.Activity?.SetTag("clickcourier.signed_name", proof.SignedName); // leak TC1001 direct
        span.Activity?.SetTag("clickcourier.courier.area", $"{Math.Round(proof.CourierPosition.Latitude, 1)},{Math.Round(proof.CourierPosition.Longitude, 1)}"); // clean strings
        Log.HandedOver(logger, job.OrderId, proof); // leak TC1001 logging-objects

        try
        {
            await network.CompleteAsync(job.JobId, proof, cancellationToken);
            span.SetClickcourierOutcome("handed-over");
            meter.CreateClickcourierHandoversCounter().Add(1, job.StoreId, "handed-over");
            meter.CreateClickcourierHandoverDurationHistogram().Record((proof.At - collectedAt).TotalSeconds, job.StoreId); // clean generated-api
        }
        catch (CustomerUnreachableException ex)
        {
            logger.LogWarning(ex, "Handover of {OrderId} failed", job.OrderId); // leak TC1001 exceptions
            span.Activity?.SetTag("clickcourier.failure", ex.ReasonCode); // clean exceptions
            meter.CreateClickcourierHandoversCounter().Add(1, job.StoreId, ex.ReasonCode); // clean exceptions
        }
    }

    public async Task TipAsync(CourierJob job, string courierId, TipRecord tip, string cardToken, string customerEmail, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("clickcourier.tip");
        _tips.Record((double)tip.Amount, new KeyValuePair<string, object?>("store", job.StoreId)); // clean precision-about
        activity?.SetTag("clickcourier.tip.has_message", !string.IsNullOrEmpty(tip.Message)); // clean precision-about
        logger.LogInformation("Tip {Tip} for courier {Courier}", tip, pseudonymizer.ComputeClickcourierCourierId(courierId)); // leak TC1001 logging-objects

        try
        {
            var charge = await cards.ChargeAsync(cardToken, job.JobId, tip.Amount, cancellationToken);
            logger.LogInformation("Tip charged {@Charge}", charge); // clean logging-objects
            var receipt = new TripReceipt($"RC-{job.JobId}", job.JobId, 0m, tip.Amount, "GBP", charge.CardLastFour);
            logger.LogInformation("Receipt {Receipt}", receipt); // clean logging-objects
            activity?.SetTag("clickcourier.customer", customerEmail); // leak TC1001 direct
        }
        catch (CardDeclinedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        catch (NoPaymentMethodException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag(ClickcourierAttributes.Contact, customerEmail); // leak TC1001 generated-api
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Order {OrderId} handed over: {Proof}")]
        public static partial void HandedOver(ILogger logger, string orderId, ProofOfHandover proof);
    }
}

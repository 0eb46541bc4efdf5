namespace PrivacyHoldout131.Retail;

public sealed record OrderDelivery(string OrderId, string CustomerNumber, string CustomerName, string DeliveryAddress, string Postcode, string TrackingNumber, string SignedBy, string CheckoutIp, DateTimeOffset DeliveredAt);

public interface IOrderHistory
{
    Task<OrderDelivery?> ForPaymentAsync(string paymentId, CancellationToken cancellationToken);
}

/// <summary>Builds "item not received" chargeback evidence from the order's delivery and proof of delivery.</summary>
public sealed class ChargebackEvidenceAssembler(
    IDisputeClient disputes,
    IOrderHistory orders,
    Pseudonymizer pseudonymizer,
    ILogger<ChargebackEvidenceAssembler> logger)
{
    private static readonly ActivitySource Source = new("Shop.Payments.Disputes");
    private static readonly Meter Meter = new("Shop.Payments.Disputes");
    private static readonly Counter<long> Assembled = Meter.CreateCounter<long>("disputes.evidence.assembled");

    public async Task<EvidenceSubmission?> AssembleAsync(Chargeback chargeback, CancellationToken ct)
    {
        using var span = Source.StartShopreturnsCase(chargeback.DisputeId);
        span.SetShopreturnsAmount((double)chargeback.Amount); // clean precision-about
        logger.LogInformation("Chargeback {DisputeId} raised: {Chargeback}", chargeback.DisputeId, chargeback); // leak TC1001 logging-objects
        var order = await orders.ForPaymentAsync(chargeback.PaymentId, ct);
        if (order is null)
        {
            Assembled.Add(1, new KeyValuePair<string, object?>("result", "no-order")); // clean precision-names
            return null;
        }

        Activity.Current?.SetTag("order.id", order.OrderId); // clean precision-names
        Activity.Current?.SetTag("order.tracking", order.TrackingNumber); // clean precision-names
        Activity.Current?.SetTag("order.delivery_district", order.Postcode[..order.Postcode.IndexOf(' ')]); // clean precision-about
        Activity.Current?.SetTag("order.signed_by", order.SignedBy); // leak TC1001 cross-member
        span.Activity?.SetTag(ShopreturnsAttributes.Contact, pseudonymizer.ComputeShopreturnsClaimantId(order.CustomerNumber)); // leak TC1001 precision-pseudonym

        var evidence = new DisputeEvidence(chargeback.DisputeId)
        {
            CustomerName = order.CustomerName,
            ShippingAddress = order.DeliveryAddress,
            ShippingTrackingNumber = order.TrackingNumber,
            CustomerIpAddress = order.CheckoutIp,
            UncategorizedText = $"Delivered {order.DeliveredAt:d} to {order.DeliveryAddress}, signed for by {order.SignedBy}.",
        };
        span.SetShopreturnsNote(evidence.UncategorizedText); // leak TC1001 generated-api
        span.SetShopreturnsNote($"Delivered {order.DeliveredAt:d}, tracking {order.TrackingNumber}"); // clean generated-api

        var submission = await disputes.SubmitEvidenceAsync(evidence, ct);
        Assembled.Add(1, new KeyValuePair<string, object?>("result", submission.Submitted ? "submitted" : "draft"), new KeyValuePair<string, object?>("network", chargeback.Network)); // clean precision-names
        logger.LogInformation("Evidence for {DisputeId}: {Files} files, customer {Customer}", chargeback.DisputeId, submission.FileCount, pseudonymizer.ComputeShopreturnsClaimantId(order.CustomerNumber)); // clean precision-pseudonym
        return submission;
    }
}

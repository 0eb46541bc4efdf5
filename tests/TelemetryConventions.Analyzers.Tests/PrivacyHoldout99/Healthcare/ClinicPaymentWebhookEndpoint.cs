namespace PrivacyHoldout99.Healthcare;

/// <summary>The provider's webhook: payments succeeded or failed, refunds, and chargebacks opened by patients' banks.</summary>
public sealed class ClinicPaymentWebhookEndpoint(
    PaymentOptions options,
    IDisputeClient disputes,
    ILogger<ClinicPaymentWebhookEndpoint> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Payments.Webhooks");

    public async Task<int> HandleAsync(WebhookRequest request, CancellationToken ct)
    {
        using var activity = Source.StartActivity("clinic.webhook", ActivityKind.Server);
        request.Headers.TryGetValue("Stripe-Signature", out var signature);
        activity?.SetTag("webhook.signature", signature); // clean precision-names
        activity?.SetTag("webhook.body.length", request.Body.Length); // clean precision-about

        WebhookEvent evt;
        try
        {
            evt = EventUtility.ConstructEvent(request.Body, signature ?? string.Empty, options.WebhookSecret);
        }
        catch (SignatureVerificationException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Webhook signature rejected on {Path}", request.Path); // clean exceptions
            logger.LogDebug("Rejected webhook body {Body}", request.Body); // leak TC1001 strings
            return 400;
        }

        activity?.SetTag("webhook.event.id", evt.Id); // clean precision-names
        activity?.SetTag("webhook.event.type", evt.Type);
        activity?.SetTag("webhook.summary", $"{evt.Type}@{evt.Created:O}"); // clean strings
        logger.LogInformation("Webhook {EventId} {Type} (api {ApiVersion}, live {Live})", evt.Id, evt.Type, evt.ApiVersion, evt.Livemode); // clean precision-names

        switch (evt.Type)
        {
            case "charge.succeeded":
                var charge = evt.As<Charge>();
                activity?.SetTag("charge.id", charge.Id);
                logger.LogInformation("Charge {ChargeId} for provider customer {Customer}", charge.Id, charge.CustomerId); // leak TC1001 cross-member
                logger.LogInformation("Charge {ChargeId} authorised with code {AuthCode}", charge.Id, charge.AuthorizationCode); // clean cross-member
                activity?.SetTag("charge.receipt_number", charge.ReceiptNumber); // clean precision-names
                activity?.SetTag("charge.receipt_url", charge.ReceiptUrl); // leak TC1001 strings
                activity?.SetTag("charge.card.last4", charge.Card?.Last4);
                activity?.SetTag("charge.card.fingerprint", charge.Card?.Fingerprint); // leak TC1001 direct
                logger.LogInformation("Charge {ChargeId} billed to {@Billing}", charge.Id, charge.BillingDetails); // leak TC1001 logging-objects
                logger.LogInformation("Charge {ChargeId} billed in {Country}", charge.Id, charge.BillingDetails.Address?.Country); // clean precision-about
                break;

            case "charge.dispute.created":
                var dispute = evt.As<Dispute>();
                activity?.SetTag("dispute.reason", dispute.Reason);
                activity?.SetTag("dispute.network_reason_code", dispute.NetworkReasonCode); // clean precision-names
                logger.LogInformation("Dispute {@Dispute}", dispute with { Evidence = new DisputeEvidence(null, null, null, null, null, null, null) }); // clean logging-objects
                logger.LogWarning("Dispute {DisputeId} on {ChargeId} for {Amount}, evidence due {Due}", dispute.Id, dispute.ChargeId, dispute.Amount, dispute.EvidenceDueBy);
                var current = await disputes.GetAsync(dispute.Id, ct);
                logger.LogInformation("Evidence on file: {@Evidence}", current.Evidence); // leak TC1001 logging-objects
                activity?.AddEvent(new ActivityEvent("dispute.evidence", tags: new ActivityTagsCollection { ["customer_name"] = current.Evidence.CustomerName })); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("dispute.evidence", tags: new ActivityTagsCollection { ["has_purchase_ip"] = current.Evidence.CustomerPurchaseIp is not null }));
                break;

            case "payment_intent.payment_failed":
                var intent = evt.As<PaymentIntent>();
                activity?.SetTag("intent.last_error.code", intent.LastPaymentError?.Code); // clean precision-names
                activity?.SetTag("intent.last_error.decline_code", intent.LastPaymentError?.DeclineCode);
                logger.LogWarning("Intent {IntentId} failed for hospital number {HospitalNumber}", intent.Id, intent.Metadata["hospital_number"]); // leak TC1001 cross-member
                logger.LogWarning("Intent {IntentId} failed for appointment {AppointmentId}", intent.Id, intent.Metadata["appointment_id"]); // clean precision-names
                break;
        }
        return 200;
    }
}

using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout17.Support.Web;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Healthcare;

/// <summary>The clinic's Stripe settings for the self-pay portal.</summary>
public sealed record SelfPayStripeSettings(string WebhookSigningSecret, string PublishableKey);

/// <summary>A patient's self-pay account, found by the Stripe customer the portal created for them.</summary>
public sealed record SelfPayAccount(string HospitalNumber, string StripeCustomerId, decimal Balance, string ClinicCode);

public interface ISelfPayAccountStore
{
    Task<SelfPayAccount?> FindByStripeCustomerAsync(string stripeCustomerId);

    Task RecordPaymentAsync(string hospitalNumber, string paymentIntentId, long amount);
}

/// <summary>
/// Receives the Stripe webhooks of the patient self-pay portal (treatments not covered by the NHS or
/// an insurer): payments that succeeded or failed, and refunds.
/// </summary>
public sealed class PatientPaymentsWebhook(
    SelfPayStripeSettings settings,
    ISelfPayAccountStore accounts,
    Pseudonymizer pseudonymizer,
    ILogger<PatientPaymentsWebhook> logger)
{
    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/webhooks/stripe/self-pay", (HttpRequest request, PatientPaymentsWebhook webhook) => webhook.HandleAsync(request));

    public async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync();
        var signature = request.Headers.TryGetValue("Stripe-Signature", out var header) ? header : string.Empty;

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, signature, settings.WebhookSigningSecret);
        }
        catch (StripeException ex)
        {
            // Stripe.net's signature errors describe the header ("No signatures found matching the expected signature").
            logger.LogWarning(ex, "Rejected a self-pay webhook: {Reason}", ex.Message); // clean exceptions
            Activity.Current?.SetTag("webhook.signature", signature); // clean hashes
            logger.LogDebug("Payload that failed verification: {Payload}", json); // leak TC1001 logging-objects
            return Results.BadRequest();
        }

        Activity.Current?.SetTag("webhook.event_id", stripeEvent.Id); // clean precision-names
        logger.LogBillingWebhookReceivedEvent("stripe", stripeEvent.Type); // clean generated-api

        switch (stripeEvent.Data.Object)
        {
            case PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentSucceeded:
                await OnSucceededAsync(intent);
                break;
            case PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentPaymentFailed:
                OnFailed(intent);
                break;
            case Charge charge when stripeEvent.Type == EventTypes.ChargeRefunded:
                OnRefunded(charge);
                break;
            case Dispute dispute when stripeEvent.Type == EventTypes.ChargeDisputeCreated:
                OnDisputed(dispute);
                break;
        }

        return Results.Ok();
    }

    private async Task OnSucceededAsync(PaymentIntent intent)
    {
        var activity = Activity.Current;
        var hospitalNumber = intent.Metadata.GetValueOrDefault("hospital_number");
        var account = intent.CustomerId is null ? null : await accounts.FindByStripeCustomerAsync(intent.CustomerId);

        activity?.SetTag("stripe.customer", intent.CustomerId); // leak TC1001 direct
        activity?.SetTag("patient.hospital_number", hospitalNumber); // leak TC1001 direct
        if (hospitalNumber is not null)
        {
            activity.EnrichBillingCharge("stripe").SetBillingPayerId(pseudonymizer.PseudonymizeBillingPayerId(hospitalNumber)).SetBillingAmount(intent.AmountReceived); // clean precision-pseudonym
            await accounts.RecordPaymentAsync(hospitalNumber, intent.Id, intent.AmountReceived);
        }

        logger.LogInformation("Self-pay invoice {InvoiceNumber} settled, balance now {Balance}", intent.Metadata.GetValueOrDefault("invoice_number"), account?.Balance); // clean precision-names
        logger.LogInformation("Receipt for {PaymentIntentId} goes to {ReceiptEmail}", intent.Id, intent.ReceiptEmail); // leak TC1001 direct
        logger.LogDebug("Intent metadata {@Metadata}", intent.Metadata); // leak TC1001 logging-objects
        logger.LogDebug("Intent metadata keys {MetadataKeys}", string.Join(",", intent.Metadata.Keys)); // clean precision-about
    }

    private void OnFailed(PaymentIntent intent)
    {
        var error = intent.LastPaymentError;

        // Card errors carry Stripe's fixed texts ("Your card was declined.", "Your card has expired.").
        logger.LogWarning("Self-pay payment {PaymentIntentId} failed: {Code}/{DeclineCode} {Message}", intent.Id, error?.Code, error?.DeclineCode, error?.Message); // clean exceptions
        Activity.Current?.AddBillingChargeDeclinedEvent(error?.DeclineCode ?? error?.Code ?? "unknown", error?.Message); // clean generated-api
    }

    private void OnDisputed(Dispute dispute)
    {
        // The patient disputed the charge with their bank; finance prepares evidence before the deadline.
        logger.LogWarning("Dispute {DisputeId} on {ChargeId}: {Reason} (network code {NetworkReasonCode}), {Amount} {Currency}", dispute.Id, dispute.ChargeId, dispute.Reason, dispute.NetworkReasonCode, dispute.Amount, dispute.Currency); // clean precision-names
        logger.LogWarning("Dispute {DisputeId} evidence so far {@Evidence}", dispute.Id, dispute.Evidence); // leak TC1001 logging-objects
        Activity.Current?.SetTag("dispute.customer_email", dispute.Evidence.CustomerEmailAddress); // leak TC1001 cross-member
    }

    private void OnRefunded(Charge charge)
    {
        var card = charge.PaymentMethodDetails.Card;
        Activity.Current?.AddEvent(new ActivityEvent("selfpay.refunded", tags: new ActivityTagsCollection { ["card.brand"] = card?.Brand, ["card.last4"] = card?.Last4, ["refund.amount"] = charge.AmountRefunded })); // clean precision-about
        Activity.Current?.SetTag("billing.postcode", charge.BillingDetails.Address.PostalCode); // leak TC1001 cross-member
        Activity.Current?.SetTag("billing.country", charge.BillingDetails.Address.Country); // clean precision-about
        logger.LogInformation("Refunded {Amount} to {CardholderName}", charge.AmountRefunded, charge.BillingDetails.Name); // leak TC1001 cross-member
    }
}

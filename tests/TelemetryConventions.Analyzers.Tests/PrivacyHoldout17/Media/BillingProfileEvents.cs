using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Media;

/// <summary>Stripe events about a subscriber's billing profile and cards.</summary>
public sealed class BillingProfileEvents(Pseudonymizer pseudonymizer, ILogger<BillingProfileEvents> logger)
{
    public void Handle(Event stripeEvent)
    {
        var activity = Activity.Current;
        activity?.SetTag("stripe.event.type", stripeEvent.Type);
        // The streaming services send random GUIDs as idempotency keys; the dashboard does the same.
        activity?.SetTag("stripe.event.request_idempotency_key", stripeEvent.Request?.IdempotencyKey); // clean precision-names

        switch (stripeEvent.Data.Object)
        {
            case Customer customer when stripeEvent.Type == EventTypes.CustomerUpdated:
                var changed = stripeEvent.Data.PreviousAttributes?.Keys.ToList() ?? new List<string>();
                logger.LogInformation("Billing profile changed: {Fields}", string.Join(",", changed)); // clean precision-about
                logger.LogDebug("Previous billing attributes {@Previous}", stripeEvent.Data.PreviousAttributes); // leak TC1001 logging-objects
                activity?.SetTag("stripe.customer_id", customer.Id); // leak TC1001 direct
                activity?.SetTag("billing.email_domain", customer.Email?.Split('@').Last()); // clean precision-about
                activity?.SetTag(BillingAttributes.PayerContact, pseudonymizer.ComputeBillingPayerId(customer.Email ?? string.Empty)); // leak TC1001 precision-pseudonym
                logger.LogBillingWebhookReceivedEvent("stripe", stripeEvent.Type, pseudonymizer.PseudonymizeBillingPayerId(customer.Id)); // clean generated-api
                break;

            case PaymentMethod method when stripeEvent.Type == EventTypes.PaymentMethodAutomaticallyUpdated:
                var card = method.Card!;
                activity?.SetTag("payment_method.id", method.Id); // clean precision-names
                activity?.SetTag("card.expiry", $"{card.ExpMonth:D2}/{card.ExpYear % 100:D2}"); // clean precision-about
                logger.LogInformation("Card network updated the card of {CardholderName}", method.BillingDetails.Name); // leak TC1001 cross-member
                logger.LogInformation("Card network updated card {Brand} ending {Last4}, now expires {Month}/{Year}", card.Brand, card.Last4, card.ExpMonth, card.ExpYear); // clean precision-about
                break;
        }
    }
}

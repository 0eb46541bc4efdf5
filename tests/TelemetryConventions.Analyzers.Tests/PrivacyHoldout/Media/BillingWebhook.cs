using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Media;

public sealed record PaymentEvent(string EventId, string Type, string SubscriberId, string CardholderEmail, long AmountMinor, string Currency, string? FailureCode);

public sealed class SubscriptionNotFoundException : Exception
{
    public SubscriptionNotFoundException(string subscriberId)
        : base("Subscription not found for subscriber " + subscriberId)
    {
    }
}

public interface ISubscriptions
{
    Task ApplyAsync(PaymentEvent payment, CancellationToken cancellationToken);
}

[ApiController]
[Route("webhooks/payments")]
public sealed class BillingWebhookController(ISubscriptions subscriptions, Pseudonymizer pseudonymizer, Meter meter, ILogger<BillingWebhookController> logger) : ControllerBase
{
    private readonly Counter<long> _payments = meter.CreateCounter<long>("stream.billing.payments");
    private readonly Histogram<long> _amounts = meter.CreateHistogram<long>("stream.billing.amount");

    [HttpPost]
    public async Task<ActionResult> Receive([FromBody] PaymentEvent payment, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("stream.billing.event_id", payment.EventId); // clean precision-names
        activity?.SetTag("stream.billing.event_type", payment.Type);
        activity?.SetTag(StreamAttributes.SubscriberId, pseudonymizer.PseudonymizeStreamSubscriberId(payment.SubscriberId)); // clean precision-pseudonym

        _payments.Add(1, new TagList { { "stream.billing.event_type", payment.Type }, { "stream.billing.currency", payment.Currency } });
        _amounts.Record(payment.AmountMinor, new KeyValuePair<string, object?>("stream.billing.currency", payment.Currency));
        _payments.Add(1, new TagList { { "stream.billing.event_type", payment.Type }, { "stream.subscriber", pseudonymizer.ComputeStreamSubscriberId(payment.SubscriberId) } }); // leak TC1003 precision-pseudonym

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["EventId"] = payment.EventId, ["Subscriber"] = payment.SubscriberId }); // leak TC1001 logging-objects
        try
        {
            await subscriptions.ApplyAsync(payment, cancellationToken);
        }
        catch (SubscriptionNotFoundException ex)
        {
            logger.LogError(ex, "Payment event {EventId} for an unknown subscription", payment.EventId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "subscription not found"); // clean exceptions
            return NotFound();
        }

        if (payment.FailureCode is { } failure)
        {
            var message = new StringBuilder()
                .Append("payment failed: ").Append(failure)
                .Append(" for ").Append(payment.CardholderEmail)
                .ToString();
            activity?.AddEvent(new ActivityEvent(message)); // leak TC1001 strings
            logger.LogWarning("Payment failed with {FailureCode} ({Amount} {Currency})", failure, payment.AmountMinor, payment.Currency);
            logger.LogWarning(string.Format("Dunning email queued for {0}", payment.CardholderEmail)); // leak TC1001 strings
        }
        return Ok();
    }
}

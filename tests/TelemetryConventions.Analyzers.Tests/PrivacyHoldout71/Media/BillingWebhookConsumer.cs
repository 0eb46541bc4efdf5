using System.Security.Cryptography;

namespace PrivacyHoldout71.Media;

/// <summary>The payment partner's event, as its webhook posts it (its own envelope, not a CloudEvent).</summary>
public sealed record PaymentPartnerEvent(string Id, string Type, long Created, PaymentPartnerObject Data);

public sealed record PaymentPartnerObject(string InvoiceId, Guid SubscriberId, string Email, string Plan, decimal Amount, string? FailureCode, string? FailureMessage);

public interface ISubscriptionLedger
{
    Task ApplyAsync(PaymentPartnerEvent partnerEvent, CancellationToken cancellationToken);
}

/// <summary>
/// POST /webhooks/payments. Verifies the partner's Pay-Signature ("t=…,v1=…"), claims the event id,
/// applies invoice events to the ledger and re-publishes them on the billing bus.
/// <c>FailureMessage</c> is the card network's fixed text ("Your card was declined.").
/// </summary>
public sealed class BillingWebhookConsumer(
    string endpointSecret,
    IIdempotencyStore idempotency,
    ISubscriptionLedger ledger,
    IntegrationSecrets secrets,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<BillingWebhookConsumer> logger)
{
    private readonly MediaeventDeliveriesCounter _received = meter.CreateMediaeventDeliveriesCounter();
    private readonly Counter<long> _failures = meter.CreateCounter<long>("mediaevent.payment.failures");

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var header = request.Header("Pay-Signature") ?? "";
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var timestamp = parts.TryGetValue("t", out var t) ? long.Parse(t) : 0;
        if (!parts.TryGetValue("v1", out var v1) || !WebhookSignature.Verify(endpointSecret, timestamp, request.Body, "v1=" + v1))
        {
            logger.LogWarning("Payment webhook signature {Header} rejected", header); // clean hashes
            logger.LogWarning("Payment webhook rejected, payload {Payload}", request.Body); // leak TC1001 logging-objects
            return WebhookResponse.Unauthorized();
        }

        var partnerEvent = JsonSerializer.Deserialize<PaymentPartnerEvent>(request.Body)!;
        using var span = source.StartMediaeventReceive(partnerEvent.Type); // clean generated-api
        span.SetMediaeventEventId(partnerEvent.Id).SetMediaeventChannel("payments");
        span.SetMediaeventSubscriberId(pseudonymizer.PseudonymizeMediaeventSubscriberId(partnerEvent.Data.SubscriberId.ToString())); // clean precision-pseudonym

        if (!await idempotency.TryClaimAsync($"pay:{partnerEvent.Id}", TimeSpan.FromDays(3), cancellationToken))
        {
            span.SetMediaeventOutcome("duplicate");
            logger.LogDebug("Payment event {EventId} ({Type}) already applied", partnerEvent.Id, partnerEvent.Type); // clean direct
            return WebhookResponse.Duplicate();
        }

        await ledger.ApplyAsync(partnerEvent, cancellationToken);
        var data = partnerEvent.Data;
        if (partnerEvent.Type == "invoice.payment_failed")
        {
            span.SetMediaeventNote($"{data.FailureCode}: {data.FailureMessage}"); // clean generated-api
            _failures.Add(1, new KeyValuePair<string, object?>("plan", data.Plan), new KeyValuePair<string, object?>("code", data.FailureCode)); // clean direct
            _failures.Add(1, new KeyValuePair<string, object?>("cohort", CohortOf(data.SubscriberId))); // clean hashes
            logger.LogWarning("Payment failed for invoice {InvoiceId} of {Email}", data.InvoiceId, data.Email); // leak TC1001 direct
            logger.LogWarning("Payment failed for invoice {InvoiceId} ({Domain})", data.InvoiceId, data.Email[(data.Email.IndexOf('@') + 1)..]); // clean precision-about
            Activity.Current?.SetTag(MediaeventAttributes.SubscriberContact, data.Email); // leak TC1001 generated-api
        }

        span.SetMediaeventOutcome("applied");
        _received.Add(1, partnerEvent.Type, "payments", "applied");
        _received.Add(1, partnerEvent.Type, data.SubscriberId.ToString()); // leak TC1003 generated-api
        logger.LogInformation("Applied payment event {Event}", partnerEvent); // leak TC1001 logging-objects
        return WebhookResponse.Accepted();
    }

    private int CohortOf(Guid subscriberId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(subscriberId.ToByteArray())[0] % 8;
    }
}

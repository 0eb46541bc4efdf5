using System.Net.Http;
using System.Security.Cryptography;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Retail;

public sealed record OrderPlaced(string OrderId, string CustomerNumber, string Email, string DeliveryPostcode, IReadOnlyList<string> Skus, decimal Total);

public sealed record OrderCancelled(string OrderId, string CustomerNumber, string ReasonCode, string? CustomerComment);

/// <summary>A merchant's request to replay what we sent them between two times.</summary>
public sealed record ReplayRequest(string MerchantId, DateTimeOffset From, DateTimeOffset To, string RequestedBy);

/// <summary>
/// Delivers order events to the merchants' webhook endpoints, structured mode, subject
/// <c>orders/{orderId}</c>, partition key the order id. Signs with each merchant's secret, retries on
/// the shared schedule, logs every attempt and serves merchants' replay requests.
/// </summary>
public sealed class MerchantWebhookDispatcher(
    HttpClient http,
    IReadOnlyDictionary<string, WebhookSubscription> merchants,
    IDeliveryLog deliveryLog,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<MerchantWebhookDispatcher> logger,
    TimeProvider clock)
{
    private static readonly JsonEventFormatter Formatter = new();
    private readonly OrderhookDeliveriesCounter _deliveries = meter.CreateOrderhookDeliveriesCounter();
    private readonly OrderhookDeliveryDurationHistogram _duration = meter.CreateOrderhookDeliveryDurationHistogram();

    public Task OrderPlacedAsync(string merchantId, OrderPlaced order, CancellationToken cancellationToken) =>
        DeliverAsync(merchantId, Envelope("com.shop.order.placed.v2", order.OrderId, order), order.CustomerNumber, cancellationToken);

    public async Task OrderCancelledAsync(string merchantId, OrderCancelled cancelled, CancellationToken cancellationToken)
    {
        logger.LogInformation("Order {OrderId} cancelled: {ReasonCode}", cancelled.OrderId, cancelled.ReasonCode); // clean direct
        if (cancelled.CustomerComment is { } comment)
        {
            Activity.Current?.AddEvent(new ActivityEvent("order.cancel_comment", tags: new ActivityTagsCollection { ["comment"] = comment })); // leak TC1001 direct
        }
        await DeliverAsync(merchantId, Envelope("com.shop.order.cancelled.v1", cancelled.OrderId, cancelled), cancelled.CustomerNumber, cancellationToken);
    }

    private static CloudEvent Envelope(string type, string orderId, object data)
    {
        var cloudEvent = new CloudEvent { Id = Guid.NewGuid().ToString(), Source = new Uri("https://shop.example/orders"), Type = type, Subject = $"orders/{orderId}", Data = data };
        cloudEvent["partitionkey"] = orderId;
        return cloudEvent;
    }

    private async Task DeliverAsync(string merchantId, CloudEvent cloudEvent, string customerNumber, CancellationToken cancellationToken)
    {
        var merchant = merchants[merchantId];
        using var span = source.StartOrderhookDeliver(cloudEvent.Type!); // clean generated-api
        span.SetOrderhookEventId(cloudEvent.Id!).SetOrderhookMerchant(merchantId);
        span.SetOrderhookPartition(cloudEvent["partitionkey"]!.ToString()!); // clean generated-api
        span.SetOrderhookCustomerId(pseudonymizer.PseudonymizeOrderhookCustomerId(customerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("cloudevents.event_subject", cloudEvent.Subject); // clean direct
        span.Activity?.SetTag("orderhook.customer_ref", Pseudonym.FromComputed(customerNumber)); // leak TC1001 precision-pseudonym

        using var content = cloudEvent.ToHttpContent(ContentMode.Structured, Formatter);
        var body = await content.ReadAsStringAsync(cancellationToken);
        for (var attempt = 1; attempt <= RetrySchedule.MaxAttempts; attempt++)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, merchant.Endpoint) { Content = new StringContent(body) };
            request.Headers.Add("Shop-Signature", $"t={timestamp},{WebhookSignature.Sign(merchant.Secret, timestamp, body)}");
            request.Headers.Add("Shop-Delivery", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cloudEvent.Id + attempt))));
            logger.LogDebug("Delivery headers {Headers}", request.Headers.Select(h => h.Key).ToArray()); // clean precision-names
            var started = clock.GetTimestamp();
            var response = await http.SendAsync(request, cancellationToken);
            var elapsed = clock.GetElapsedTime(started);
            var outcome = response.IsSuccessStatusCode ? "delivered" : $"http_{(int)response.StatusCode}";
            _duration.Record(elapsed.TotalSeconds, merchantId, outcome); // clean generated-api
            _deliveries.Add(1, cloudEvent.Type!, merchantId, outcome); // clean generated-api
            span.SetOrderhookAttempt(attempt).SetOrderhookOutcome(outcome); // clean generated-api
            await deliveryLog.AppendAsync(new DeliveryAttempt(request.Headers.GetValues("Shop-Delivery").First(), merchant.Id, cloudEvent.Id!, cloudEvent.Type!, attempt, (int)response.StatusCode, elapsed, null), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (RetrySchedule.After(attempt) is { } delay)
            {
                logger.LogInformation("Merchant {MerchantId} answered {Status}; retry {Attempt} in {Delay}", merchantId, (int)response.StatusCode, attempt, delay); // clean precision-about
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
        logger.LogOrderhookDeadLetteredEvent(cloudEvent.Type!, "exhausted", pseudonymizer.PseudonymizeOrderhookCustomerId(customerNumber), $"merchant {merchantId} down"); // clean generated-api
        logger.LogOrderhookDeadLetteredEvent(cloudEvent.Type!, "exhausted", null, $"customer {customerNumber} not notified"); // leak TC1001 generated-api
    }

    /// <summary>POST /merchants/{id}/replays: re-sends failed deliveries in a window.</summary>
    public async Task<int> ReplayAsync(ReplayRequest replay, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("orderhook.replay");
        activity?.SetTag("replay.merchant", replay.MerchantId); // clean direct
        activity?.SetTag("replay.window", $"{replay.From:O}/{replay.To:O}"); // clean direct
        activity?.SetTag("replay.requested_by", replay.RequestedBy); // leak TC1001 direct
        logger.LogInformation("Replay requested: {Replay}", replay); // leak TC1001 logging-objects
        var failed = (await deliveryLog.FailedSinceAsync(replay.From, cancellationToken)).Where(f => f.SubscriptionId == merchants[replay.MerchantId].Id).ToList();
        foreach (var attempt in failed)
        {
            var body = await deliveryLog.BodyOfAsync(attempt.DeliveryId, cancellationToken);
            using var document = JsonDocument.Parse(body ?? "{}");
            var customer = document.RootElement.GetProperty("data").GetProperty("customerNumber").GetString()!;
            logger.LogDebug("Replaying {DeliveryId} ({EventType}) attempt {Attempt}", attempt.DeliveryId, attempt.EventType, attempt.Attempt); // clean precision-about
            logger.LogDebug("Replaying for customer {Customer}", customer); // leak TC1001 cross-member
        }
        activity?.SetTag("replay.count", failed.Count); // clean precision-about
        return failed.Count;
    }
}

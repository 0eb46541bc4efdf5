using System.Net.Http;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Transport;

public sealed record DelayRefundApproved(string ClaimId, Guid RiderId, string RiderEmail, string CardNumber, string JourneyId, decimal Amount, string ClaimComment);

/// <summary>Thrown when the rider app answers 404: the message quotes the app's reply, which names the rider's email.</summary>
public sealed class RiderNotFoundException(string reply) : Exception($"Rider app: {reply}");

/// <summary>
/// Notifies the rider app and the partner journey planners of approved delay refunds. The rider app gets
/// a structured CloudEvent whose subject is the rider (<c>riders/{riderId}</c>); partners get the
/// journey only. An idempotency key per claim keeps a refund from being announced twice.
/// </summary>
public sealed class RefundWebhookNotifier(
    HttpClient http,
    WebhookSubscription riderApp,
    IReadOnlyList<WebhookSubscription> partners,
    IIdempotencyStore idempotency,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<RefundWebhookNotifier> logger)
{
    private static readonly JsonEventFormatter Formatter = new();
    private readonly TripeventDeliveriesCounter _deliveries = meter.CreateTripeventDeliveriesCounter();
    private readonly TripeventDeliveryDurationHistogram _duration = meter.CreateTripeventDeliveryDurationHistogram();

    public async Task NotifyAsync(DelayRefundApproved refund, CancellationToken cancellationToken)
    {
        var riderRef = pseudonymizer.PseudonymizeTripeventRiderId(refund.RiderId.ToString());
        var key = $"refund:{refund.ClaimId}";
        if (!await idempotency.TryClaimAsync(key, TimeSpan.FromDays(30), cancellationToken))
        {
            logger.LogInformation("Refund {Key} already announced", key); // clean strings
            return;
        }

        var forRider = new CloudEvent { Id = Guid.NewGuid().ToString(), Source = new Uri("urn:transit:refunds"), Type = "com.transit.refund.approved.v1", Subject = $"riders/{refund.RiderId}", Data = refund };
        using (var span = source.StartTripeventDeliver(forRider.Type)) // clean generated-api
        {
            span.SetTripeventOperator("rider-app").SetTripeventRiderId(riderRef).SetTripeventEventId(forRider.Id); // clean precision-pseudonym
            span.SetTripeventNote($"refund {refund.Amount:0.00} for journey {refund.JourneyId}"); // clean generated-api
            span.Activity?.SetBaggage("rider.ref", riderRef.Value); // clean precision-pseudonym
            span.Activity?.SetBaggage("cloudevents.subject", forRider.Subject); // leak TC1001 cross-member
            span.Activity?.SetTag(TripeventAttributes.RiderContact, pseudonymizer.PseudonymizeTripeventRiderId(refund.RiderEmail)); // leak TC1001 precision-pseudonym
            var started = Stopwatch.GetTimestamp();
            var response = await http.PostAsync(riderApp.Endpoint, forRider.ToHttpContent(ContentMode.Structured, Formatter), cancellationToken);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "rider-app", ((int)response.StatusCode).ToString()); // clean generated-api
            if ((int)response.StatusCode == 404)
            {
                var ex = new RiderNotFoundException(await response.Content.ReadAsStringAsync(cancellationToken));
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                logger.LogWarning("Rider app does not know rider {RiderRef}: {ExceptionType}", riderRef, ex.GetType().Name); // clean precision-names
            }
            span.SetTripeventOutcome(response.IsSuccessStatusCode ? "delivered" : "failed"); // clean generated-api
            _deliveries.Add(1, forRider.Type, "rider-app", response.IsSuccessStatusCode ? "delivered" : "failed");
        }

        var journeyOnly = new { refund.JourneyId, refund.Amount, refund.ClaimId };
        foreach (var partner in partners)
        {
            using var span = source.StartTripeventDeliver("com.transit.journey.delayed.v1");
            span.SetTripeventOperator(partner.Owner); // clean generated-api
            var cloudEvent = new CloudEvent { Id = Guid.NewGuid().ToString(), Source = new Uri("urn:transit:refunds"), Type = "com.transit.journey.delayed.v1", Subject = refund.JourneyId, Data = journeyOnly };
            logger.LogDebug("Partner payload {Payload}", JsonSerializer.Serialize(journeyOnly)); // clean logging-objects
            logger.LogDebug("Rider app payload {Payload}", JsonSerializer.Serialize(refund)); // leak TC1001 logging-objects
            var response = await http.PostAsync(partner.Endpoint, cloudEvent.ToHttpContent(ContentMode.Binary, Formatter), cancellationToken);
            span.SetTripeventOutcome(response.IsSuccessStatusCode ? "delivered" : $"http_{(int)response.StatusCode}"); // clean generated-api
            _deliveries.Add(1, cloudEvent.Type, partner.Owner, response.IsSuccessStatusCode ? "delivered" : "failed");
        }

        logger.LogInformation("Claim {ClaimId} comment: {Comment}", refund.ClaimId, refund.ClaimComment); // leak TC1001 direct
        logger.LogInformation("Claim {ClaimId} refunded to card ending {Last4}", refund.ClaimId, refund.CardNumber[^4..]); // clean precision-about
        _deliveries.Add(1, "com.transit.refund.approved.v1", "summary", riderRef.Value); // leak TC1003 precision-pseudonym
    }
}

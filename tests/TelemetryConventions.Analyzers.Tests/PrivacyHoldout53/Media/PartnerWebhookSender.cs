using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout53.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout53.Media;

/// <summary>A bundle partner (a telco or broadband provider) that sells the streaming plan with its own.</summary>
public sealed record BundlePartner(string PartnerId, string Name, Uri Endpoint, byte[] SigningSecret);

/// <summary>What a bundle partner is told when one of its customers activates or cancels the plan.</summary>
public sealed record BundleEvent(
    string Type,
    string EventId,
    Guid SubscriptionId,
    Guid SubscriberId,
    string PartnerCustomerRef,
    string Email,
    string Plan,
    DateTimeOffset OccurredAt);

/// <summary>
/// Sends signed webhooks to bundle partners: the body is signed with the partner's secret
/// (<c>X-Signature: t=…,v1=HMAC-SHA256(secret, t + "." + body)</c>) and retried with backoff.
/// </summary>
public sealed class PartnerWebhookSender(HttpClient http, ILogger<PartnerWebhookSender> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Streaming.Partners.Webhooks");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<bool> SendAsync(BundlePartner partner, BundleEvent bundleEvent, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(bundleEvent, Json);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexString(HMACSHA256.HashData(partner.SigningSecret, Encoding.UTF8.GetBytes($"{timestamp}.{body}"))).ToLowerInvariant();
        var subscriberRef = pseudonymizer.PseudonymizePartnerSubjectId(bundleEvent.SubscriberId.ToString());

        using var span = Source.StartPartnerCall("bundle-partner", bundleEvent.Type)
            .SetPartnerRequestId(bundleEvent.EventId) // clean direct
            .SetPartnerSubjectId(subscriberRef) // clean precision-pseudonym
            .SetPartnerResource(partner.Endpoint.AbsoluteUri); // clean direct
        span.SetPartnerNote($"customer {bundleEvent.PartnerCustomerRef} {bundleEvent.Type}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(PartnerAttributes.SubjectContact, pseudonymizer.ComputePartnerSubjectId(bundleEvent.Email)); // leak TC1001 precision-pseudonym

        logger.LogDebug("Webhook {EventId} to {Partner} signed {Signature} at {Timestamp}", bundleEvent.EventId, partner.Name, signature, timestamp); // clean hashes
        logger.LogDebug("Webhook body {Body}", body); // leak TC1001 strings

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, partner.Endpoint)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Signature", $"t={timestamp},v1={signature}");
            request.Headers.Add("X-Event-Id", bundleEvent.EventId);

            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                span.SetPartnerStatusCode((int)response.StatusCode).SetPartnerAttempt(attempt); // clean direct
                if (response.IsSuccessStatusCode)
                {
                    logger.LogPartnerWebhookSentEvent(partner.PartnerId, bundleEvent.Type, (int)response.StatusCode, subscriberRef); // clean precision-pseudonym
                    logger.LogPartnerWebhookSentEvent(partner.PartnerId, bundleEvent.Type, partnerNote: $"{bundleEvent.Type} for {bundleEvent.Email} acknowledged"); // leak TC1001 generated-api
                    meter.CreatePartnerWebhookDeliveriesCounter().Add(1, partner.PartnerId, bundleEvent.Type, "delivered"); // clean direct
                    return true;
                }

                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                logger.LogWarning("Partner {Partner} answered {Status} to {EventId}: {Answer}", partner.Name, (int)response.StatusCode, bundleEvent.EventId, answer); // clean exceptions
                logger.LogWarning("Partner {Partner} did not take the " + bundleEvent.Type + " of " + bundleEvent.PartnerCustomerRef, partner.Name); // leak TC1001 strings
                if ((int)response.StatusCode is >= 400 and < 500 and not 429)
                {
                    logger.LogWarning("Giving up on {@Event}", bundleEvent); // leak TC1001 logging-objects
                    meter.CreatePartnerWebhookDeliveriesCounter().Add(1, partner.PartnerId, bundleEvent.Type, "rejected", partnerResource: $"{partner.Endpoint}?customer={bundleEvent.PartnerCustomerRef}"); // leak TC1003 strings
                    return false;
                }
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Webhook {EventId} to {Partner} failed on attempt {Attempt}", bundleEvent.EventId, partner.Name, attempt); // clean exceptions
            }

            var delay = TimeSpan.FromSeconds(Math.Pow(4, attempt));
            logger.LogPartnerRetryScheduledEvent(partner.PartnerId, attempt + 1, delay.TotalSeconds, partnerNote: $"event {bundleEvent.EventId}"); // clean generated-api
            await Task.Delay(delay, cancellationToken);
        }

        meter.CreatePartnerWebhookDeliveriesCounter().Add(1, partner.PartnerId, bundleEvent.Type, "exhausted"); // clean direct
        logger.LogError("Webhook {EventId} exhausted its retries; subscriber {SubscriberId} not synced with {Partner}", bundleEvent.EventId, bundleEvent.SubscriberId, partner.Name); // leak TC1001 cross-member
        logger.LogError("Webhook exhausted for subscriber email domain {Domain}", bundleEvent.Email[(bundleEvent.Email.IndexOf('@') + 1)..]); // clean precision-about
        return false;
    }

    /// <summary>Deduplication key the partners asked for, so that a replayed event is ignored on their side.</summary>
    public string DedupKey(BundleEvent bundleEvent)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{bundleEvent.PartnerCustomerRef}|{bundleEvent.Type}|{bundleEvent.OccurredAt:O}")));
        Activity.Current?.SetTag("webhook.dedup_key", key); // leak TC1002 hashes
        var subscriberPlanTier = bundleEvent.Plan;
        Activity.Current?.SetTag("webhook.subscriber_plan", subscriberPlanTier); // clean precision-names
        return key;
    }
}

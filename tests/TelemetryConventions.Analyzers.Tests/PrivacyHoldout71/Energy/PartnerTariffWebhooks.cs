using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Energy;

public sealed record TariffChanged(string AccountNumber, string HolderEmail, string FromTariff, string ToTariff, DateOnly Effective);

/// <summary>
/// Sends <c>com.supplier.tariff.changed.v1</c> to the partners that subscribed (price comparison sites,
/// the smart-home partner), structured mode, retried with backoff. A partner's endpoint may carry a
/// query the partner asked for (<c>?account=</c>).
/// </summary>
public sealed class PartnerTariffWebhooks(
    HttpClient http,
    IReadOnlyList<WebhookSubscription> partners,
    IDeliveryLog deliveryLog,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PartnerTariffWebhooks> logger,
    TimeProvider clock)
{
    private const string Type = "com.supplier.tariff.changed.v1";
    private static readonly JsonEventFormatter Formatter = new();
    private readonly MetereventDeliveryDurationHistogram _duration = meter.CreateMetereventDeliveryDurationHistogram();
    private readonly Counter<int> _retries = meter.CreateCounter<int>("meterevent.partner.retries");

    public async Task SendAsync(TariffChanged change, CancellationToken cancellationToken)
    {
        var cloudEvent = new CloudEvent { Id = Guid.NewGuid().ToString(), Source = new Uri("urn:supplier:tariffs"), Type = Type, Subject = change.ToTariff, Data = change };
        cloudEvent["partitionkey"] = change.AccountNumber;
        var accountRef = pseudonymizer.PseudonymizeMetereventAccountId(change.AccountNumber);

        foreach (var partner in partners.Where(p => p.EventTypes.Contains(Type)))
        {
            var endpoint = partner.Owner == "compare-co" ? new Uri(partner.Endpoint, $"?account={change.AccountNumber}") : partner.Endpoint;
            using var span = source.StartMetereventDeliver(Type); // clean generated-api
            span.SetMetereventRoute(partner.Owner); // clean generated-api
            span.SetMetereventAccountId(accountRef); // clean precision-pseudonym
            span.SetMetereventPartition(cloudEvent["partitionkey"]!.ToString()!); // leak TC1001 generated-api
            span.Activity?.SetTag("url.full", endpoint.ToString()); // leak TC1001 strings
            span.Activity?.SetTag("url.path", endpoint.AbsolutePath); // clean precision-about
            span.Activity?.SetTag("tariff.change", $"{change.FromTariff}->{change.ToTariff}"); // clean direct

            for (var attempt = 1; ; attempt++)
            {
                span.SetMetereventAttempt(attempt);
                var started = clock.GetTimestamp();
                using var content = cloudEvent.ToHttpContent(ContentMode.Structured, Formatter);
                var payload = await content.ReadAsStringAsync(cancellationToken);
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(payload) };
                request.Headers.Add("Webhook-Signature", WebhookSignature.Sign(partner.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), payload));
                var response = await http.SendAsync(request, cancellationToken);
                var elapsed = clock.GetElapsedTime(started);
                _duration.Record(elapsed.TotalSeconds, partner.Owner, ((int)response.StatusCode).ToString()); // clean generated-api
                await deliveryLog.AppendAsync(new DeliveryAttempt(Guid.NewGuid().ToString("N"), partner.Id, cloudEvent.Id!, Type, attempt, (int)response.StatusCode, elapsed, null), cancellationToken);

                if (response.IsSuccessStatusCode)
                {
                    span.SetMetereventOutcome("delivered");
                    break;
                }

                if (response.StatusCode == HttpStatusCode.Gone)
                {
                    logger.LogWarning("Partner {Partner} unsubscribed (410); account {AccountRef} not notified", partner.Owner, accountRef); // clean precision-pseudonym
                    span.SetMetereventOutcome("gone");
                    break;
                }

                if (RetrySchedule.After(attempt) is not { } delay)
                {
                    var problem = await response.Content.ReadAsStringAsync(cancellationToken);
                    var failure = new WebhookDeliveryException(cloudEvent.Id!, endpoint.Host, (int)response.StatusCode, problem);
                    span.RecordException(failure, includeMessage: true); // clean exceptions
                    logger.LogError(failure, "Giving up on {Partner} after {Attempts} attempts", partner.Owner, attempt); // clean exceptions
                    logger.LogMetereventDeadLetteredEvent(Type, "exhausted", accountRef, $"{partner.Owner} answered {(int)response.StatusCode}"); // clean generated-api
                    break;
                }

                _retries.Add(1, new("partner", partner.Owner), new("holder", change.HolderEmail)); // leak TC1003 direct
                logger.LogInformation("Retrying {Partner} in {Delay} for {Payload}", partner.Owner, delay, payload); // leak TC1001 logging-objects
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    /// <summary>Partners that check deliveries by a digest of the account: MD5 in their API spec.</summary>
    public void AnnotatePartnerDigest(Activity activity, TariffChanged change) =>
        activity.SetTag("partner.account_digest", Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(change.AccountNumber)))); // leak TC1002 hashes
}

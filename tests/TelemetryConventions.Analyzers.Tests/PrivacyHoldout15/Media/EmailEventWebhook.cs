using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.SendGrid;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Media;

public interface ISuppressionList
{
    Task AddAsync(string email, string reason, CancellationToken cancellationToken);
}

public interface ISubscriberLookup
{
    Task<Guid?> SubscriberIdForEmailAsync(string email, CancellationToken cancellationToken);
}

/// <summary>Receives SendGrid's event webhook: deliveries, bounces, spam reports and unsubscribes.</summary>
public sealed class EmailEventWebhook(ISuppressionList suppressions, ISubscriberLookup subscribers, Pseudonymizer pseudonymizer, ILogger<EmailEventWebhook> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Streaming.Mail.Events");
    private readonly Counter<long> _events = meter.CreateCounter<long>("mail.events", "{event}");
    private readonly Counter<long> _bounces = meter.CreateCounter<long>("mail.bounces", "{bounce}");

    public async Task<IResult> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var events = JsonSerializer.Deserialize<List<SendGridEvent>>(request.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? new();
        using var activity = Source.StartActivity("mail.events.receive");
        activity?.SetTag("mail.events.count", events.Count);
        logger.LogDebug("Event webhook payload: {Payload}", request.Body); // leak TC1001 strings

        foreach (var evt in events)
        {
            var domain = new MailAddress(evt.Email).Host;
            _events.Add(1, new KeyValuePair<string, object?>("event", evt.Event), new KeyValuePair<string, object?>("domain", domain)); // clean precision-about
            switch (evt.Event)
            {
                case "delivered":
                    logger.LogDebug("Delivered {SgMessageId} in category {Category}", evt.SgMessageId, string.Join(",", evt.Category)); // clean precision-names
                    break;

                case "bounce":
                case "dropped":
                    await suppressions.AddAsync(evt.Email, evt.Reason ?? evt.Event, cancellationToken);
                    // The reason is the receiving server's reply, e.g. "550 5.1.1 <sam@example.org>: Recipient address rejected".
                    logger.LogWarning("{Event} for {SgMessageId}: {Reason}", evt.Event, evt.SgMessageId, evt.Reason); // leak TC1001 direct
                    logger.LogNotifyDeliveryFailedEvent(NotifyChannel.Email, evt.Reason ?? evt.Event); // leak TC1001 generated-api
                    _bounces.Add(1, new KeyValuePair<string, object?>("type", evt.Type), new KeyValuePair<string, object?>("status", evt.Status)); // clean precision-names
                    activity?.AddEvent(new ActivityEvent("mail.bounce", tags: new ActivityTagsCollection { ["mail.recipient"] = evt.Email, ["mail.bounce.type"] = evt.Type })); // leak TC1001 direct
                    break;

                case "spamreport":
                case "unsubscribe":
                    await suppressions.AddAsync(evt.Email, evt.Event, cancellationToken);
                    var subscriberId = await subscribers.SubscriberIdForEmailAsync(evt.Email, cancellationToken);
                    if (subscriberId is { } id)
                    {
                        activity?.AddEvent(new ActivityEvent("mail.unsubscribed", tags: new ActivityTagsCollection { ["subscriber.ref"] = pseudonymizer.ComputeNotifyRecipientId(id.ToString()) })); // clean precision-pseudonym
                        logger.LogInformation("Subscriber {SubscriberId} opted out via {Event}", id, evt.Event); // leak TC1001 cross-member
                        logger.LogNotifyDeliveryFailedEvent(NotifyChannel.Email, evt.Event, pseudonymizer.PseudonymizeNotifyRecipientId(id.ToString())); // clean generated-api
                    }
                    else
                    {
                        logger.LogInformation("Opt-out via {Event} for an address we do not know ({Domain})", evt.Event, domain); // clean precision-about
                    }
                    break;

                case "click":
                    logger.LogDebug("Click on {Url} from {Ip} using {UserAgent}", evt.Url, evt.Ip, evt.UserAgent); // leak TC1001 direct
                    break;

                default:
                    logger.LogDebug("Ignoring {Event} event {SgEventId}", evt.Event, evt.SgEventId); // clean precision-names
                    break;
            }

            var suppressionKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(evt.Email.ToLowerInvariant())));
            logger.LogDebug("Suppression entry {SuppressionKey} touched by {Event}", suppressionKey, evt.Event); // leak TC1002 hashes
        }

        return Results.Ok();
    }
}

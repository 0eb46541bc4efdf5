using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout8.Support;
using PrivacyHoldout8.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout8.Media;

public sealed record OutboxMessage(Guid Id, string Type, string Payload, DateTimeOffset OccurredAt);

public sealed record SubscriptionRenewed(string SubscriberId, string PlanCode, string BillingEmail, decimal Amount);

public sealed record PlaybackStalled(string SessionId, string SubscriberId, string TitleId, int BufferMs);

public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxMessage>> TakeBatchAsync(int size, CancellationToken cancellationToken);
}

public interface IEventBus
{
    Task PublishAsync(string type, string payload, IDictionary<string, string> headers, CancellationToken cancellationToken);
}

/// <summary>Publishes the outbox to the bus; one consumer span per message, linked to the producer.</summary>
public sealed class OutboxPublisher(IOutboxStore store, IEventBus bus, ILogger<OutboxPublisher> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Media");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = await store.TakeBatchAsync(50, stoppingToken);
        foreach (var message in batch)
        {
            var headers = Headers(message);
            var links = new[] { new ActivityLink(Activity.Current?.Context ?? default) };
            using var activity = Source.StartActivity("outbox.publish", ActivityKind.Consumer, default(ActivityContext), links: links);
            activity?.SetTag("messaging.message.id", message.Id); // clean precision-names
            activity?.SetTag("messaging.destination.name", message.Type); // clean direct

            if (message.Type == nameof(SubscriptionRenewed))
            {
                var renewed = JsonSerializer.Deserialize<SubscriptionRenewed>(message.Payload)!;
                activity?.SetTag("subscription.plan", renewed.PlanCode); // clean precision-names
                activity?.SetTag("subscription.subscriber", renewed.SubscriberId); // leak TC1001 direct
                activity?.SetTag("subscription.billing_domain", renewed.BillingEmail.Split('@')[1]); // clean precision-about
                activity?.SetTag("subscription.partition", Partition(renewed.SubscriberId, secrets.ShardKey)); // clean hashes
            }

            activity?.SetTag("outbox.payload", message.Payload); // leak TC1001 logging-objects
            activity?.SetTag("outbox.headers", string.Join(";", headers.Select(h => $"{h.Key}={h.Value}"))); // leak TC1001 cross-member
            await bus.PublishAsync(message.Type, message.Payload, headers, stoppingToken);
        }

        logger.LogInformation("Published {Count} outbox messages", batch.Count); // clean precision-about

        static int Partition(string subscriberId, byte[] key) =>
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subscriberId))[0] % 32;
    }

    private Dictionary<string, string> Headers(OutboxMessage message)
    {
        var headers = new Dictionary<string, string> { ["type"] = message.Type };
        if (message.Type == nameof(SubscriptionRenewed))
        {
            var renewed = JsonSerializer.Deserialize<SubscriptionRenewed>(message.Payload)!;
            headers["subscriber"] = renewed.SubscriberId;
            headers["subscriber-ref"] = pseudonymizer.Pseudonymize(TelemetryPseudonyms.StreamViewerIdDomain, renewed.SubscriberId).Value;
        }
        return headers;
    }
}

/// <summary>Handles stalls reported by players.</summary>
public sealed class StallHandler(ILogger<StallHandler> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Media.Playback");
    private static readonly Meter Meter = new("PrivacyHoldout8.Media.Playback");
    private static readonly Histogram<int> BufferMs = Meter.CreateHistogram<int>("playback.stall.buffer", "ms");

    public void Handle(PlaybackStalled stall, string viewerEmail)
    {
        var viewer = pseudonymizer.Pseudonymize(TelemetryPseudonyms.StreamViewerIdDomain, stall.SubscriberId);
        using var session = Source.StartStreamSession(viewer); // clean precision-pseudonym
        session.SetStreamSessionId(stall.SessionId); // clean generated-api
        session.AddStreamSessionStalledEvent($"""buffer {stall.BufferMs} ms on "{stall.TitleId}" """); // clean strings
        session.AddStreamSessionStalledEvent($"""stall for "{viewerEmail}" """); // leak TC1001 generated-api
        session.Activity?.SetTag(StreamAttributes.ViewerContact, viewerEmail); // leak TC1001 direct

        BufferMs.Record(stall.BufferMs, new KeyValuePair<string, object?>("title.id", stall.TitleId)); // clean precision-names
        BufferMs.Record(stall.BufferMs, new KeyValuePair<string, object?>("viewer", viewer.Value)); // leak TC1003 precision-pseudonym
        Meter.CreateStreamSessionsCounter().Add(1, streamSite: "eu-west"); // clean generated-api
        Meter.CreateStreamSessionsCounter().Add(1, streamNote: viewerEmail); // leak TC1003 generated-api

        logger.LogWarning($$"""Stall {"session":"{{stall.SessionId}}","subscriber":"{{stall.SubscriberId}}"}"""); // leak TC1001 strings
        logger.LogWarning($$"""Stall {"session":"{{stall.SessionId}}","buffer":{{stall.BufferMs}}}"""); // clean strings
        var fingerprint = new Guid(SHA1.HashData(Encoding.UTF8.GetBytes(stall.SubscriberId)).AsSpan(0, 16));
        logger.LogDebug("Stall fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes
    }
}

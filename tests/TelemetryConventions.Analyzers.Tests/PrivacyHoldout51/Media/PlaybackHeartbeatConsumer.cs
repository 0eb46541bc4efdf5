using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.Kafka;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Media;

public sealed record PlaybackHeartbeat(Guid SubscriberId, Guid ProfileId, string TitleId, string DeviceClass, int PositionSeconds, string Bitrate);

internal static class PlaybackSpans
{
    /// <summary>Puts the account on the span so support can find a subscriber's playback sessions.</summary>
    public static void TagSubscriber(Activity? activity, Guid subscriberId)
    {
        activity?.SetTag("subscriber.id", subscriberId); // leak TC1001 direct
    }
}

public interface IContinueWatchingStore
{
    Task UpsertAsync(Guid profileId, string titleId, int positionSeconds, CancellationToken cancellationToken);
}

/// <summary>
/// Consumes <c>playback.heartbeats</c>, which the players key by the subscriber's id so that one
/// account's concurrent-stream checks see its heartbeats in order.
/// </summary>
public sealed class PlaybackHeartbeatConsumer(
    IConsumer<Guid, string> consumer,
    IProducer<Guid, string> producer,
    IContinueWatchingStore continueWatching,
    Pseudonymizer pseudonymizer,
    ILogger<PlaybackHeartbeatConsumer> logger)
{
    private static readonly ActivitySource Source = new("Stream.Playback");
    private static readonly Meter Meter = new("Stream.Playback");
    private static readonly Counter<long> Heartbeats = Meter.CreateCounter<long>("playback.heartbeats", "{heartbeat}");

    public async Task HandleNextAsync(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        using var activity = Source.StartActivity("playback.heartbeats process", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.destination.partition.id", result.Partition); // clean precision-names

        var heartbeat = JsonSerializer.Deserialize<PlaybackHeartbeat>(result.Message.Value)!;
        activity?.SetTag("title.id", heartbeat.TitleId); // clean precision-names
        PlaybackSpans.TagSubscriber(activity, heartbeat.SubscriberId); // leak TC1001 cross-member
        activity?.SetTag("device.class", heartbeat.DeviceClass); // clean precision-about
        activity?.SetTag("viewer.profile_id", heartbeat.ProfileId); // leak TC1001 direct
        activity?.SetTag("viewer.profile_ref", pseudonymizer.ComputeBusSubjectId(heartbeat.ProfileId.ToString())); // clean precision-pseudonym

        // The web player adds the signed-in subscriber's email in a header for support diagnostics.
        if (result.Message.Headers.TryGetLastBytes("x-account-email", out var accountEmail))
        {
            logger.LogDebug("Heartbeat from web player signed in as {AccountEmail}", Encoding.UTF8.GetString(accountEmail)); // leak TC1001 direct
        }

        await continueWatching.UpsertAsync(heartbeat.ProfileId, heartbeat.TitleId, heartbeat.PositionSeconds, cancellationToken);
        Heartbeats.Add(1, new TagList { { "device_class", heartbeat.DeviceClass }, { "bitrate", heartbeat.Bitrate } }); // clean precision-about
        Heartbeats.Add(1, new TagList { { "device_class", heartbeat.DeviceClass }, { "subscriber", result.Message.Key.ToString() } }); // leak TC1003 direct
        consumer.StoreOffset(result);
    }

    /// <summary>Replays a window of heartbeats to the concurrency checker after an outage.</summary>
    public async Task ReplayAsync(IReadOnlyList<ConsumeResult<Guid, string>> window, CancellationToken cancellationToken)
    {
        var subscribers = window.Select(r => r.Message.Key).Distinct().ToList();
        logger.LogInformation("Replaying {Count} heartbeats for {Subscribers} subscribers", window.Count, subscribers.Count); // clean precision-about
        logger.LogDebug("Replaying for subscribers {SubscriberIds}", subscribers); // leak TC1001 logging-objects

        foreach (var record in window)
        {
            try
            {
                var delivery = await producer.ProduceAsync("playback.heartbeats.replay", record.Message, cancellationToken);
                logger.LogTrace("Replayed to partition {Partition} offset {Offset}", delivery.Partition, delivery.Offset); // clean precision-names
            }
            catch (ProduceException<Guid, string> ex)
            {
                logger.LogWarning(ex, "Replay failed ({Code})", ex.Error.Code); // clean exceptions
                logger.LogWarning("Replay failed for subscriber {SubscriberId}", ex.DeliveryResult.Key); // leak TC1001 cross-member
            }
        }
    }
}

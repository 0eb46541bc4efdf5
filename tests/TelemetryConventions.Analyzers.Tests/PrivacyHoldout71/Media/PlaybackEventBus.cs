using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Media;

public sealed record PlaybackStarted(Guid SubscriberId, string ProfileName, string TitleId, string Territory, string DeviceClass, int BitrateKbps);

public interface IEventBus
{
    Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes playback events to the analytics and recommendation topics. The heartbeat topic is
/// partitioned by subscriber (the <c>partitionkey</c> extension is the subscriber's id); the catalog
/// topic by title. Failed publishes go to the dead-letter table; the drain loop reads them back.
/// </summary>
public sealed class PlaybackEventBus(
    IEventBus bus,
    IDeadLetterStore deadLetters,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PlaybackEventBus> logger,
    TimeProvider clock)
{
    private readonly MediaeventDeliveryDurationHistogram _publishDuration = meter.CreateMediaeventDeliveryDurationHistogram();
    private readonly Histogram<int> _bitrate = meter.CreateHistogram<int>("mediaevent.playback.bitrate", "kbit/s");

    public async Task PublishStartedAsync(PlaybackStarted started, CancellationToken cancellationToken)
    {
        var subscriberRef = pseudonymizer.PseudonymizeMediaeventSubscriberId(started.SubscriberId.ToString());
        var cloudEvent = new CloudEvent
        {
            Id = Guid.NewGuid().ToString(),
            Source = new Uri("urn:player:web"),
            Type = "tv.stream.playback.started.v3",
            Subject = started.TitleId,
            Time = clock.GetUtcNow(),
            Data = started,
        };
        cloudEvent["partitionkey"] = started.SubscriberId.ToString("N");
        cloudEvent["subscriberref"] = subscriberRef.Value;

        using var span = source.StartMediaeventDeliver(cloudEvent.Type); // clean generated-api
        span.SetMediaeventEventId(cloudEvent.Id).SetMediaeventChannel("playback.heartbeats"); // clean generated-api
        span.SetMediaeventSubscriberId(subscriberRef); // clean precision-pseudonym
        span.SetMediaeventPartition((string)cloudEvent["partitionkey"]!); // leak TC1001 generated-api
        span.Activity?.SetTag("cloudevents.event_subject", cloudEvent.Subject); // clean direct
        span.Activity?.SetTag("media.subscriber_ref", cloudEvent["subscriberref"]); // clean precision-pseudonym
        span.Activity?.SetTag("media.profile", started.ProfileName); // leak TC1001 direct
        _bitrate.Record(started.BitrateKbps, new KeyValuePair<string, object?>("device.class", started.DeviceClass), new KeyValuePair<string, object?>("territory", started.Territory)); // clean precision-about
        _bitrate.Record(started.BitrateKbps, new KeyValuePair<string, object?>("subscriber", subscriberRef.Value)); // leak TC1003 precision-pseudonym

        var begun = clock.GetTimestamp();
        try
        {
            await bus.PublishAsync("playback.heartbeats", cloudEvent, cancellationToken);
            await bus.PublishAsync("catalog.plays", new CloudEvent { Id = Guid.NewGuid().ToString(), Source = cloudEvent.Source, Type = "tv.stream.title.played.v1", Subject = started.TitleId, Data = new { started.TitleId, started.Territory } }, cancellationToken);
            span.SetMediaeventOutcome("published");
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            span.SetMediaeventOutcome("dead_lettered");
            span.RecordException(ex, includeMessage: true); // clean exceptions
            await deadLetters.PutAsync(new DeadLetter(cloudEvent.Id, cloudEvent.Type, "PublishFailed", $"profile {started.ProfileName} on {started.TitleId}", JsonSerializer.Serialize(started), clock.GetUtcNow()), cancellationToken);
            logger.LogMediaeventDeadLetteredEvent(cloudEvent.Type, "publish_failed", subscriberRef, ex.GetType().Name); // clean generated-api
        }
        finally
        {
            _publishDuration.Record(clock.GetElapsedTime(begun).TotalSeconds, "playback.heartbeats"); // clean generated-api
        }
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        foreach (var letter in await deadLetters.TakeAsync(50, cancellationToken))
        {
            using var span = source.StartMediaeventDeliver(letter.EventType);
            span.SetMediaeventAttempt(2);
            span.SetMediaeventNote(letter.Detail); // leak TC1001 cross-member
            logger.LogInformation("Re-publishing {EventId} dead-lettered for {Reason} at {At}", letter.EventId, letter.Reason, letter.At); // clean precision-about
            var started = JsonSerializer.Deserialize<PlaybackStarted>(letter.Body)!;
            logger.LogDebug("Re-publishing for {Profiles}", new[] { started.ProfileName }); // leak TC1001 logging-objects
            await PublishStartedAsync(started, cancellationToken);
        }
    }
}

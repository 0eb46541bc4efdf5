namespace PrivacyHoldout64.Media;

/// <summary>A playback session. It prints the title and the device class only.</summary>
public sealed class PlaybackSession(SubscriberId subscriber, string titleId, string deviceId)
{
    public SubscriberId Subscriber => subscriber;

    public string TitleId => titleId;

    public string DeviceClass => deviceId[..4];

    public override string ToString() => $"{titleId} on {DeviceClass}";
}

/// <summary>The player's heartbeat, every few seconds of playback.</summary>
public sealed record Heartbeat(SubscriberId Subscriber, Guid ProfileId, string TitleId, TimeSpan Position, int BitrateKbps);

public interface IContinueWatching
{
    /// <summary>Stores the position under <c>continue:{profileId}</c>. Throws <see cref="StoreTimeoutException"/>.</summary>
    Task<TimeSpan> SaveAsync(Heartbeat heartbeat, CancellationToken cancellationToken);
}

/// <summary>The cache client's timeout; with detail in exceptions left on, it names the command and the key.</summary>
public sealed class StoreTimeoutException(string command, string key) : TimeoutException($"Timeout performing {command} {key} (5000ms)");

public sealed class HeartbeatProcessor(
    IContinueWatching store,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<HeartbeatProcessor> logger)
{
    private readonly Histogram<int> _bitrate = meter.CreateHistogram<int>("playback.bitrate", "kbit/s");

    public Task<Result<TimeSpan, Error>> ProcessAsync(PlaybackSession session, Heartbeat beat, CancellationToken cancellationToken) =>
        Result.TryAsync(() => store.SaveAsync(beat, cancellationToken))
            .Tap(_ => logger.LogDebug("Heartbeat for {Session}", session)) // clean logging-objects
            .Tap(_ => logger.LogDebug("Heartbeat {Beat}", beat)) // leak TC1001 logging-objects
            .Tap(_ => _bitrate.Record(beat.BitrateKbps, Dimensions(("title", beat.TitleId), ("device_class", session.DeviceClass)))) // clean precision-about
            .Tap(_ => _bitrate.Record(beat.BitrateKbps, Dimensions(("title", beat.TitleId), ("subscriber", pseudonymizer.ComputeEntitlementSubscriberId(session.Subscriber.Value.ToString()))))) // leak TC1003 precision-pseudonym
            .OnFailure(error => logger.LogWarning("Heartbeat not saved: {Error}", error)) // leak TC1001 exceptions
            .OnFailure(error => logger.LogWarning("Heartbeat not saved: {ErrorType}", error.Code)); // clean exceptions

    public void EndOfDay(IReadOnlyList<(PlaybackSession Session, TimeSpan Watched)> sessions)
    {
        foreach (var (session, watched) in sessions.Where(s => s.Watched > TimeSpan.FromHours(6)))
        {
            logger.LogInformation("Long session {Session}: {Hours:F1}h", session, watched.TotalHours); // clean logging-objects
            logger.LogInformation("Long session by {Subscriber}", session.Subscriber); // leak TC1001 direct
        }

        var perTitle = sessions.GroupBy(s => s.Session.TitleId).ToDictionary(g => g.Key, g => g.Sum(s => s.Watched.TotalMinutes));
        logger.LogInformation("Minutes watched per title {PerTitle}", perTitle); // clean precision-about
    }

    /// <summary>Collects metric dimensions; recorded by the caller.</summary>
    private static TagList Dimensions(params ReadOnlySpan<(string Key, object? Value)> dimensions)
    {
        var tags = new TagList();
        foreach (var (key, value) in dimensions)
        {
            tags.Add(key, value);
        }
        return tags;
    }
}

namespace PrivacyHoldout116.Media;

public sealed record PlaybackStart(Guid SubscriberId, Guid ProfileId, string ProfileName, string DeviceId, string DeviceClass, string TitleId, string Territory, string Plan);

public sealed class StreamLimitReachedException(Guid subscriberId, int limit)
    : Exception($"Subscriber {subscriberId} already has {limit} streams playing.");

/// <summary>
/// The concurrent-stream quota of each plan (a concurrency limiter partitioned by subscriber) and the
/// per-title licence limits of the studios, checked when a playback session starts.
/// </summary>
public sealed class StreamConcurrencyQuota(ILogger<StreamConcurrencyQuota> logger, ICounterStore counters, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Playback.Quota");
    private readonly Counter<long> _refused = meter.CreateCounter<long>("playback.streams.refused");

    public static RateLimitPartition<Guid> Partition(PlaybackStart start) =>
        RateLimitPartition.GetConcurrencyLimiter(start.SubscriberId, _ => new ConcurrencyLimiterOptions { PermitLimit = start.Plan == "premium" ? 4 : 2 });

    public async Task<bool> TryStartAsync(PlaybackStart start)
    {
        using var span = Source.StartStreamguardThrottle("concurrent-streams");
        span.SetStreamguardTerritory(start.Territory).SetStreamguardPartitionKind("subscriber"); // clean precision-names
        var limit = start.Plan == "premium" ? 4 : 2;
        var playing = await counters.AddToSetAsync($"streams:{start.SubscriberId:N}", start.DeviceId, TimeSpan.FromHours(4));
        span.SetStreamguardAttempts(playing); // clean precision-about
        if (playing <= limit)
        {
            return true;
        }

        var devices = await counters.SetMembersAsync($"streams:{start.SubscriberId:N}");
        logger.LogWarning("Stream limit of plan {Plan} reached, {Playing} devices playing", start.Plan, playing); // clean precision-about
        logger.LogWarning("Devices playing: {Devices}", string.Join(", ", devices)); // leak TC1001 strings
        logger.LogInformation("Refused start on {DeviceClass} for title {TitleId}", start.DeviceClass, start.TitleId); // clean precision-names
        span.SetStreamguardOutcome("refused").SetStreamguardSubjectId(pseudonymizer.PseudonymizeStreamguardSubjectId(start.SubscriberId.ToString())); // clean precision-pseudonym
        _refused.Add(1, new KeyValuePair<string, object?>("plan", start.Plan), new("territory", start.Territory)); // clean precision-names

        var ex = new StreamLimitReachedException(start.SubscriberId, limit);
        span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        logger.LogStreamguardRequestBlockedEvent("concurrent-streams", "refused", streamguardNote: ex.Message); // leak TC1001 generated-api
        logger.LogDebug("Refused {Start}", start); // leak TC1001 logging-objects
        logger.LogDebug("Refused start for profile {ProfileName}", start.ProfileName); // leak TC1001 direct
        Activity.Current?.SetTag("streams.partition", Partition(start).PartitionKey.ToString()); // leak TC1001 cross-member
        Activity.Current?.SetBaggage("playback.subscriber", start.SubscriberId.ToString()); // leak TC1001 direct
        var bucket = new Guid(MD5.HashData(start.ProfileId.ToByteArray()));
        Activity.Current?.SetTag("playback.profile_bucket", bucket.ToString()); // leak TC1002 hashes
        return false;
    }

    public void ReportLicenceLimit(string titleId, string territory, long concurrent, long licensed)
    {
        var key = $"licence:{titleId}:{territory}";
        Activity.Current?.SetTag("licence.key", key); // clean precision-names
        logger.LogWarning("Licence limit for {Key}: {Concurrent} of {Licensed}", key, concurrent, licensed); // clean precision-names
        var ex = new QuotaExceededException(key, concurrent, licensed);
        Activity.Current?.AddException(ex); // clean exceptions
    }
}

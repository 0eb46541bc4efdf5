namespace PrivacyHoldout116.Gaming;

public sealed record ChatMessage(Guid PlayerId, string Gamertag, string Channel, string Title, string Text);

/// <summary>
/// Throttles in-game chat: a token bucket per player and channel, an automatic five-minute mute for
/// players who keep hitting it, and a report of the channels and players that are throttled most.
/// </summary>
public sealed class ChatThrottle(ILogger<ChatThrottle> logger, ICounterStore counters, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Chat.Throttle");
    private readonly Counter<long> _throttled = meter.CreateCounter<long>("chat.throttled", "{message}");
    private readonly ConcurrentDictionary<Guid, int> _strikes = new();

    public static RateLimitPartition<string> Partition(ChatMessage message) =>
        RateLimitPartition.GetTokenBucketLimiter($"{message.Channel}:{message.PlayerId:N}",
            _ => new TokenBucketRateLimiterOptions { TokenLimit = 5, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(2) });

    public async Task<bool> OnRejectedAsync(ChatMessage message, RateLimitLease lease)
    {
        using var span = Source.StartPlayguardThrottle("chat");
        span.SetPlayguardTitle(message.Title).SetPlayguardPartitionKind("player_channel"); // clean precision-names
        var partition = Partition(message).PartitionKey;
        var strikes = _strikes.AddOrUpdate(message.PlayerId, 1, (_, n) => n + 1);
        span.SetPlayguardAttempts(strikes).SetPlayguardOutcome("throttled"); // clean precision-about
        span.SetPlayguardSubjectId(pseudonymizer.PseudonymizePlayguardSubjectId(message.PlayerId.ToString())); // clean precision-pseudonym
        _throttled.Add(1, new KeyValuePair<string, object?>("chat.channel", message.Channel), new("title", message.Title)); // clean precision-names
        logger.LogDebug("Chat partition {Partition} out of tokens", partition); // leak TC1001 strings

        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            span.SetPlayguardRetryAfter(retry.TotalSeconds);
        }

        if (strikes >= 3)
        {
            await counters.IncrementAsync($"mute:{message.PlayerId:N}", TimeSpan.FromMinutes(5));
            logger.LogInformation("Muted {Gamertag} in {Channel} for five minutes after {Strikes} strikes", message.Gamertag, message.Channel, strikes); // leak TC1001 direct
            logger.LogPlayguardRequestBlockedEvent("chat", "muted", pseudonymizer.PseudonymizePlayguardSubjectId(message.PlayerId.ToString()), playguardNote: $"auto-mute after {strikes} strikes"); // clean generated-api
            _throttled.Add(1, new KeyValuePair<string, object?>("muted.gamertag", message.Gamertag)); // leak TC1003 direct
            Activity.Current?.AddEvent(new ActivityEvent("chat.muted", tags: new ActivityTagsCollection { ["message.length"] = message.Text.Length, ["strikes"] = strikes })); // clean precision-about
            span.SetPlayguardNote($"muted, last message: {message.Text}"); // leak TC1001 generated-api
        }
        return false;
    }

    public void ReportWorstOffenders()
    {
        var worst = _strikes.OrderByDescending(p => p.Value).Take(10).ToList();
        logger.LogInformation("Most throttled players this hour: {Players}", worst); // leak TC1001 logging-objects
        logger.LogInformation("{Count} players throttled, worst had {Strikes} strikes", _strikes.Count, worst.FirstOrDefault().Value); // clean precision-about
        var cohort = BitConverter.ToUInt32(SHA1.HashData(worst.FirstOrDefault().Key.ToByteArray())) % 16;
        Activity.Current?.SetTag("chat.worst.cohort", cohort); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, worst.FirstOrDefault().Key.ToByteArray())[0] % 16;
        Activity.Current?.SetTag("chat.worst.shard", shard); // clean hashes
    }
}

namespace PrivacyHoldout100.Support;

/// <summary>
/// Which users are online, as the common presence tracker of SignalR samples keeps it: the user's identifier
/// (whatever the user id provider returns) mapped to the ids of that user's open connections.
/// </summary>
public sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _connectionsByUser = new();

    /// <summary>True when this is the user's first connection (they just came online).</summary>
    public bool UserConnected(string userId, string connectionId)
    {
        var set = _connectionsByUser.GetOrAdd(userId, _ => new HashSet<string>());
        lock (set)
        {
            set.Add(connectionId);
            return set.Count == 1;
        }
    }

    /// <summary>True when this was the user's last connection (they went offline).</summary>
    public bool UserDisconnected(string userId, string connectionId)
    {
        if (!_connectionsByUser.TryGetValue(userId, out var set))
        {
            return false;
        }
        lock (set)
        {
            set.Remove(connectionId);
            if (set.Count > 0)
            {
                return false;
            }
        }
        _connectionsByUser.TryRemove(userId, out _);
        return true;
    }

    public IReadOnlyCollection<string> OnlineUsers() => _connectionsByUser.Keys.ToList();

    public IReadOnlyCollection<string> ConnectionsOf(string userId) =>
        _connectionsByUser.TryGetValue(userId, out var set) ? set.ToList() : Array.Empty<string>();

    public int OnlineCount => _connectionsByUser.Count;
}

/// <summary>What a client sends while its user types, relayed to the others in the conversation.</summary>
public sealed record TypingIndicator(string ConversationId, string UserId, string DisplayName, bool IsTyping);

/// <summary>A position fix sent by a client over the hub.</summary>
public sealed record LocationUpdate(double Latitude, double Longitude, double AccuracyMetres, double? HeadingDegrees, double? SpeedMetresPerSecond, DateTimeOffset CapturedAt);

/// <summary>A chat message as the hubs receive and relay it.</summary>
public sealed record ChatMessage(string ConversationId, string SenderId, string Body, DateTimeOffset SentAt)
{
    public string MessageId { get; init; } = Guid.NewGuid().ToString("N");
}

/// <summary>Geohash encoding, as the services use to coarsen or key positions.</summary>
public static class Geohash
{
    private const string Base32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static string Encode(double latitude, double longitude, int precision)
    {
        var (latMin, latMax, lonMin, lonMax) = (-90.0, 90.0, -180.0, 180.0);
        var text = new StringBuilder(precision);
        var even = true;
        var bit = 0;
        var ch = 0;
        while (text.Length < precision)
        {
            if (even)
            {
                var mid = (lonMin + lonMax) / 2;
                if (longitude >= mid) { ch |= 1 << (4 - bit); lonMin = mid; } else { lonMax = mid; }
            }
            else
            {
                var mid = (latMin + latMax) / 2;
                if (latitude >= mid) { ch |= 1 << (4 - bit); latMin = mid; } else { latMax = mid; }
            }
            even = !even;
            if (++bit == 5)
            {
                text.Append(Base32[ch]);
                bit = 0;
                ch = 0;
            }
        }
        return text.ToString();
    }
}

/// <summary>Thrown by the services' per-partition message limiter; quotes the partition it throttled.</summary>
public sealed class RateLimitExceededException(string partitionKey, int permitLimit, TimeSpan window)
    : Exception($"Rate limit of {permitLimit} messages per {window.TotalSeconds:0}s exceeded for partition '{partitionKey}'.")
{
    public string PartitionKey { get; } = partitionKey;

    public int PermitLimit { get; } = permitLimit;
}

/// <summary>A fixed-window limiter keyed by a partition the caller chooses.</summary>
public sealed class MessageRateLimiter(int permitLimit, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _windows = new();

    public void Acquire(string partitionKey)
    {
        var now = DateTimeOffset.UtcNow;
        var entry = _windows.AddOrUpdate(partitionKey, _ => (now, 1), (_, e) => now - e.Start > window ? (now, 1) : (e.Start, e.Count + 1));
        if (entry.Count > permitLimit)
        {
            throw new RateLimitExceededException(partitionKey, permitLimit, window);
        }
    }
}

/// <summary>The real-time settings every service binds from configuration.</summary>
public sealed class RealtimeOptions
{
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ClientTimeoutInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan TypingTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public long MaximumReceiveMessageSize { get; init; } = 32 * 1024;

    public int MessagesPerWindow { get; init; } = 20;
}

/// <summary>Keyed shards for spreading work, computed with the injected shard key.</summary>
public static class Shards
{
    public static int Of(byte[] shardKey, string value, int shards) =>
        (int)(BitConverter.ToUInt32(HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(value)), 0) % (uint)shards);
}

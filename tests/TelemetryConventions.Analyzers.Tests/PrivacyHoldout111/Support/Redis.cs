namespace RedisKit;

// Stand-ins in the shape of StackExchange.Redis.

public readonly struct RedisKey : IEquatable<RedisKey>
{
    private readonly string? _value;

    public RedisKey(string? value) => _value = value;

    public static implicit operator RedisKey(string? value) => new(value);

    public static implicit operator string?(RedisKey key) => key._value;

    public RedisKey Append(RedisKey suffix) => new(_value + suffix._value);

    public bool Equals(RedisKey other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RedisKey other && Equals(other);

    public override int GetHashCode() => _value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => _value ?? "(null)";
}

public readonly struct RedisValue
{
    private readonly string? _value;

    public RedisValue(string? value) => _value = value;

    public static RedisValue Null => default;

    public bool IsNull => _value is null;

    public bool HasValue => _value is not null;

    public static implicit operator RedisValue(string? value) => new(value);

    public static implicit operator RedisValue(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static implicit operator RedisValue(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static implicit operator string?(RedisValue value) => value._value;

    public static explicit operator long(RedisValue value) => long.Parse(value._value ?? "0", CultureInfo.InvariantCulture);

    public override string ToString() => _value ?? string.Empty;
}

public readonly struct HashEntry
{
    public HashEntry(RedisValue name, RedisValue value)
    {
        Name = name;
        Value = value;
    }

    public RedisValue Name { get; }

    public RedisValue Value { get; }

    public override string ToString() => Name + ": " + Value;
}

public readonly struct SortedSetEntry
{
    public SortedSetEntry(RedisValue element, double score)
    {
        Element = element;
        Score = score;
    }

    public RedisValue Element { get; }

    public double Score { get; }

    public override string ToString() => Element + ": " + Score.ToString(CultureInfo.InvariantCulture);
}

public enum When
{
    Always,
    Exists,
    NotExists,
}

public enum Order
{
    Ascending,
    Descending,
}

public readonly struct RedisChannel
{
    private readonly string _value;

    private RedisChannel(string value) => _value = value;

    public static RedisChannel Literal(string value) => new(value);

    public static RedisChannel Pattern(string value) => new(value);

    public override string ToString() => _value;
}

public sealed class ChannelMessage
{
    public ChannelMessage(RedisChannel channel, RedisValue message)
    {
        Channel = channel;
        Message = message;
    }

    public RedisChannel Channel { get; }

    public RedisValue Message { get; }
}

public interface IDatabase
{
    Task<RedisValue> StringGetAsync(RedisKey key);

    Task<bool> StringSetAsync(RedisKey key, RedisValue value, TimeSpan? expiry = null, When when = When.Always);

    Task<long> StringIncrementAsync(RedisKey key, long value = 1);

    Task<bool> KeyDeleteAsync(RedisKey key);

    Task<bool> KeyExpireAsync(RedisKey key, TimeSpan? expiry);

    Task<TimeSpan?> KeyTimeToLiveAsync(RedisKey key);

    Task HashSetAsync(RedisKey key, HashEntry[] hashFields);

    Task<bool> HashSetAsync(RedisKey key, RedisValue hashField, RedisValue value, When when = When.Always);

    Task<RedisValue> HashGetAsync(RedisKey key, RedisValue hashField);

    Task<HashEntry[]> HashGetAllAsync(RedisKey key);

    Task<long> HashIncrementAsync(RedisKey key, RedisValue hashField, long value = 1);

    Task<long> HashLengthAsync(RedisKey key);

    Task<bool> SetAddAsync(RedisKey key, RedisValue value);

    Task<bool> SetRemoveAsync(RedisKey key, RedisValue value);

    Task<RedisValue[]> SetMembersAsync(RedisKey key);

    Task<long> SetLengthAsync(RedisKey key);

    Task<bool> SetContainsAsync(RedisKey key, RedisValue value);

    Task<bool> SortedSetAddAsync(RedisKey key, RedisValue member, double score);

    Task<SortedSetEntry[]> SortedSetRangeByRankWithScoresAsync(RedisKey key, long start = 0, long stop = -1, Order order = Order.Ascending);

    Task<bool> LockTakeAsync(RedisKey key, RedisValue value, TimeSpan expiry);

    Task<bool> LockReleaseAsync(RedisKey key, RedisValue value);
}

public interface ISubscriber
{
    Task<long> PublishAsync(RedisChannel channel, RedisValue message);

    Task SubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue> handler);
}

public interface IConnectionMultiplexer
{
    IDatabase GetDatabase(int db = -1);

    ISubscriber GetSubscriber();

    string ClientName { get; }
}

public class RedisException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>With IncludeDetailInExceptions on (the default), the message names the command and its key.</summary>
public sealed class RedisTimeoutException(string message) : TimeoutException(message)
{
    public static RedisTimeoutException For(string command, RedisKey key, int timeoutMs) =>
        new($"Timeout performing {command} (timeout {timeoutMs}ms), next: {command} {key}, inst: 1, qu: 0, qs: 3");
}

public enum ConnectionFailureType
{
    None,
    UnableToConnect,
    SocketFailure,
    AuthenticationFailure,
}

public sealed class RedisConnectionException(ConnectionFailureType failureType, string message) : RedisException(message)
{
    public ConnectionFailureType FailureType { get; } = failureType;
}

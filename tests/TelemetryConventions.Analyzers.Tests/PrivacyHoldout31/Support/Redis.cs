using System;
using System.Threading.Tasks;

namespace PrivacyHoldout31.Support.Redis;

// Stand-ins with the shapes of StackExchange.Redis. Only the shapes matter.

public readonly struct RedisKey(string? key)
{
    private readonly string? _key = key;

    public static implicit operator RedisKey(string key) => new(key);

    public static implicit operator string?(RedisKey key) => key._key;

    public override string ToString() => _key ?? "(null)";
}

public readonly struct RedisValue(string? value)
{
    private readonly string? _value = value;

    public static RedisValue Null => default;

    public bool HasValue => _value is not null;

    public bool IsNullOrEmpty => string.IsNullOrEmpty(_value);

    public static implicit operator RedisValue(string? value) => new(value);

    public static implicit operator RedisValue(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static implicit operator string?(RedisValue value) => value._value;

    public static explicit operator long(RedisValue value) => long.Parse(value._value ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => _value ?? string.Empty;
}

public readonly struct RedisChannel
{
    private readonly string _name;

    private RedisChannel(string name) => _name = name;

    public static RedisChannel Literal(string name) => new(name);

    public static RedisChannel Pattern(string pattern) => new(pattern);

    public override string ToString() => _name;
}

public enum When
{
    Always,
    Exists,
    NotExists,
}

public interface IDatabase
{
    Task<RedisValue> StringGetAsync(RedisKey key);

    Task<bool> StringSetAsync(RedisKey key, RedisValue value, TimeSpan? expiry = null, When when = When.Always);

    Task<long> StringIncrementAsync(RedisKey key, long value = 1);

    Task<bool> KeyDeleteAsync(RedisKey key);

    Task<bool> KeyExpireAsync(RedisKey key, TimeSpan? expiry);

    Task<TimeSpan?> KeyTimeToLiveAsync(RedisKey key);

    Task<bool> LockTakeAsync(RedisKey key, RedisValue value, TimeSpan expiry);

    Task<bool> LockExtendAsync(RedisKey key, RedisValue value, TimeSpan expiry);

    Task<bool> LockReleaseAsync(RedisKey key, RedisValue value);

    Task<RedisValue> LockQueryAsync(RedisKey key);

    Task<long> SetAddAsync(RedisKey key, RedisValue value);

    Task<RedisValue[]> SetMembersAsync(RedisKey key);
}

public interface ISubscriber
{
    Task<long> PublishAsync(RedisChannel channel, RedisValue message);

    Task SubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue> handler);
}

public interface IConnectionMultiplexer
{
    string ClientName { get; }

    IDatabase GetDatabase(int db = -1);

    ISubscriber GetSubscriber();
}

public enum ConnectionFailureType
{
    None,
    UnableToConnect,
    SocketFailure,
    AuthenticationFailure,
}

public class RedisException(string message) : Exception(message);

/// <summary>
/// Thrown when a command times out. As in StackExchange.Redis, it is a <see cref="TimeoutException"/>, and with
/// <c>IncludeDetailInExceptions</c> left on (the default) its message names the command and its key:
/// <c>Timeout performing GET (5000ms), next: GET presence:…, inst: 0, qu: 0, qs: 1, …</c>.
/// </summary>
public sealed class RedisTimeoutException(string message) : TimeoutException(message);

/// <summary>Thrown when no connection is available; the message names the endpoint and the failure.</summary>
public sealed class RedisConnectionException(ConnectionFailureType failureType, string message) : RedisException(message)
{
    public ConnectionFailureType FailureType { get; } = failureType;
}

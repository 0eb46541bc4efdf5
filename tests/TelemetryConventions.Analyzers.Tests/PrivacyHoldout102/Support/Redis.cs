// Stand-ins in the shape of StackExchange.Redis: a multiplexer, a database, keys and values, and its exceptions.
namespace StackExchange.Redis
{
    /// <summary>A key; converts from and to its text.</summary>
    public readonly struct RedisKey(string? key)
    {
        public static implicit operator RedisKey(string? key) => new(key);

        public static implicit operator string?(RedisKey key) => key.ToString();

        public override string ToString() => key ?? string.Empty;
    }

    /// <summary>A value; converts from and to text and numbers.</summary>
    public readonly struct RedisValue(string? value)
    {
        public static RedisValue Null => new(null);

        public bool IsNull => value is null;

        public bool HasValue => value is not null;

        public static implicit operator RedisValue(string? value) => new(value);

        public static implicit operator RedisValue(long value) => new(value.ToString(CultureInfo.InvariantCulture));

        public static implicit operator string?(RedisValue value) => value.ToString();

        public override string ToString() => value ?? string.Empty;
    }

    public readonly struct HashEntry(RedisValue name, RedisValue value)
    {
        public RedisValue Name { get; } = name;

        public RedisValue Value { get; } = value;
    }

    public enum When
    {
        Always,
        Exists,
        NotExists,
    }

    public interface IDatabase
    {
        int Database { get; }

        Task<RedisValue> StringGetAsync(RedisKey key);

        Task<bool> StringSetAsync(RedisKey key, RedisValue value, TimeSpan? expiry = null, When when = When.Always);

        Task<long> StringIncrementAsync(RedisKey key, long value = 1);

        Task<bool> KeyDeleteAsync(RedisKey key);

        Task<long> KeyDeleteAsync(RedisKey[] keys);

        Task<TimeSpan?> KeyTimeToLiveAsync(RedisKey key);

        Task<HashEntry[]> HashGetAllAsync(RedisKey key);

        Task HashSetAsync(RedisKey key, HashEntry[] hashFields);

        Task<long> PublishAsync(RedisChannel channel, RedisValue message);
    }

    public readonly struct RedisChannel(string name)
    {
        public static RedisChannel Literal(string name) => new(name);

        public override string ToString() => name;
    }

    public interface IServer
    {
        IAsyncEnumerable<RedisKey> KeysAsync(int database = -1, RedisValue pattern = default, int pageSize = 250);
    }

    public interface IConnectionMultiplexer
    {
        IDatabase GetDatabase(int db = -1, object? asyncState = null);

        IServer GetServer(string hostAndPort);

        string ClientName { get; }
    }

    /// <summary>
    /// A command that did not complete in time. With <c>IncludeDetailInExceptions</c> (the default) the message names the
    /// command and its key: <c>Timeout performing GET (5000ms), next: GET cart:C1234, inst: 0, qu: 0, ...</c>.
    /// </summary>
    public sealed class RedisTimeoutException(string message, CommandStatus status) : TimeoutException(message)
    {
        public CommandStatus Commandstatus { get; } = status;
    }

    public enum CommandStatus
    {
        Unknown,
        WaitingToBeSent,
        Sent,
    }

    /// <summary>No connection to the server: the message names the endpoint and the failure type.</summary>
    public sealed class RedisConnectionException(ConnectionFailureType failureType, string message) : Exception(message)
    {
        public ConnectionFailureType FailureType { get; } = failureType;
    }

    public enum ConnectionFailureType
    {
        None,
        UnableToConnect,
        SocketFailure,
        AuthenticationFailure,
    }
}

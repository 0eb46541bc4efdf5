namespace PrivacyHoldout102.Support;

/// <summary>The data settings every service binds from configuration.</summary>
public sealed class DataAccessOptions
{
    public TimeSpan SlowQueryThreshold { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan CacheLifetime { get; init; } = TimeSpan.FromMinutes(10);

    public int CommandTimeoutSeconds { get; init; } = 30;

    public int MaxConcurrencyRetries { get; init; } = 3;

    public int FixBatchSize { get; init; } = 500;
}

/// <summary>The platform team's unit of work: a transaction around a context's SaveChanges.</summary>
public interface IUnitOfWork
{
    Guid Id { get; }

    Task<int> CommitAsync(CancellationToken cancellationToken = default);

    Task RollbackAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The SQL Server provider's error, as <c>SqlException</c> carries it: a number and the server's message. Unique-key
/// violations (2601, 2627) quote the duplicate key value: <c>Cannot insert duplicate key row in object 'dbo.Players' with
/// unique index 'IX_Players_Gamertag'. The duplicate key value is (Zed).</c>; timeouts (-2) and deadlocks (1205) are
/// fixed text.
/// </summary>
public sealed class SqlServerException(int number, string message) : DbException(message)
{
    public int Number { get; } = number;

    public string? IndexName { get; init; }

    public static SqlServerException DuplicateKey(string table, string index, string value) =>
        new(2601, $"Cannot insert duplicate key row in object '{table}' with unique index '{index}'. The duplicate key value is ({value}).") { IndexName = index };

    public static SqlServerException Timeout() =>
        new(-2, "Execution Timeout Expired. The timeout period elapsed prior to completion of the operation or the server is not responding.");

    public static SqlServerException Deadlock() =>
        new(1205, "Transaction was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.");
}

/// <summary>A keyed digest for shards and buckets, with the injected <see cref="TelemetrySecrets.ShardKey"/>.</summary>
public static class KeyedShard
{
    public static int Of(byte[] key, string value, int buckets)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }
}

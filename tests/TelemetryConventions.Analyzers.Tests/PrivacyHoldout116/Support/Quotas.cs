namespace AbuseKit.Quotas;

// Quota counters as the services keep them in Redis (INCR with an expiry per window, in the shape of
// StackExchange.Redis' StringIncrementAsync and KeyExpireAsync), the quota policies of their plans and
// the API keys clients send. Only the shapes matter.

public interface ICounterStore
{
    /// <summary>Increments the counter under <paramref name="key"/>, creating it with the window as its expiry.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window, long by = 1);

    Task<long> GetAsync(string key);

    Task<TimeSpan?> TimeToLiveAsync(string key);

    Task<bool> DeleteAsync(string key);

    /// <summary>Adds a member to a set that expires with the window and returns the set's size.</summary>
    Task<long> AddToSetAsync(string key, string member, TimeSpan window);

    Task<IReadOnlyList<string>> SetMembersAsync(string key);
}

public sealed record QuotaPolicy(string Name, long Limit, TimeSpan Window);

/// <summary>What a quota check found. Its key is the counter's key, built by the service.</summary>
public sealed record QuotaUsage(string Key, string Policy, long Used, long Limit, DateTimeOffset ResetsAt)
{
    public long Remaining => Math.Max(0, Limit - Used);

    public bool Exceeded => Used > Limit;
}

public sealed class QuotaExceededException(string key, long used, long limit)
    : Exception($"Quota exceeded for '{key}': {used} of {limit} used.")
{
    public string Key { get; } = key;

    public long Used { get; } = used;

    public long Limit { get; } = limit;
}

/// <summary>An API key record as the key store keeps it. The key itself is only ever shown once.</summary>
public sealed record ApiKeyRecord(string KeyId, string Prefix, string OwnerId, string OwnerKind, string Plan, DateTimeOffset CreatedAt)
{
    /// <summary>True when the key was issued to an organisation (a partner, a developer company), not a person.</summary>
    public bool IssuedToOrganisation => OwnerKind == "organisation";
}

public interface IApiKeyStore
{
    /// <summary>Looks a presented key up by its SHA-256, as stores of API keys do.</summary>
    Task<ApiKeyRecord?> FindAsync(string presentedKey);
}

public sealed class InvalidApiKeyException(string prefix)
    : Exception($"No active API key starts with '{prefix}'.")
{
    public string Prefix { get; } = prefix;
}

/// <summary>A problem response returned to the caller (not telemetry).</summary>
public sealed record ThrottleProblem(int Status, string Title, double RetryAfterSeconds, string? Detail);

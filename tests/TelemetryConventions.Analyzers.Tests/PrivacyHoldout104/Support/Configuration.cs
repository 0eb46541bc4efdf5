namespace TenantKit.Configuration;

// Per-tenant options and limits, as a multi-tenant options cache provides them, and a partitioned
// rate limiter in the shape of System.Threading.RateLimiting's.

/// <summary>A tenant's limits: a record, printed with its members.</summary>
public sealed record TenantLimits(int MaxSeats, int RequestsPerMinute, int StorageGb, int MaxApiKeys);

/// <summary>
/// A tenant's settings as key/value pairs (feature flags, integrations, contacts). Its <c>ToString</c>
/// prints the keys only.
/// </summary>
public sealed class TenantSettings
{
    public string TenantId { get; init; } = string.Empty;

    public IDictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? this[string key] => Values.TryGetValue(key, out var value) ? value : null;

    public override string ToString() => $"TenantSettings({TenantId}: {string.Join(", ", Values.Keys)})";
}

public interface ITenantSettingsStore
{
    Task<TenantSettings> GetAsync(string tenantId);

    Task<TenantLimits> GetLimitsAsync(string tenantId);

    Task SetAsync(string tenantId, string key, string value);
}

public sealed class RateLimitLease(bool isAcquired, TimeSpan? retryAfter)
{
    public bool IsAcquired { get; } = isAcquired;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>A limiter partitioned by a key the service builds per request.</summary>
public interface IPartitionedRateLimiter
{
    RateLimitLease AttemptAcquire(string partitionKey, int permits = 1);
}

/// <summary>Thrown when a tenant is over one of its limits: quotes the tenant, the limit and the value.</summary>
public sealed class TenantQuotaExceededException(string tenantId, string limit, long allowed, long requested)
    : Exception($"Tenant {tenantId} is over its {limit} limit ({requested} > {allowed}).")
{
    public string TenantId { get; } = tenantId;

    public string Limit { get; } = limit;
}

/// <summary>Thrown when a setting's value does not parse: quotes the key and the value.</summary>
public sealed class InvalidTenantSettingException(string tenantId, string key, string value)
    : Exception($"Setting '{key}' of tenant {tenantId} has an invalid value '{value}'.")
{
    public string Key { get; } = key;
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout3.Support;

// Stand-ins for Microsoft.Extensions.Hosting, Options, Caching and Diagnostics.HealthChecks, so that
// the corpus compiles without those packages. Only the shapes matter.

public abstract class BackgroundService
{
    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
}

public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}

public interface IMemoryCache
{
    bool TryGetValue(object key, out object? value);

    void Set(object key, object? value, TimeSpan absoluteExpirationRelativeToNow);

    void Remove(object key);
}

public interface IDistributedCache
{
    Task<byte[]?> GetAsync(string key, CancellationToken token = default);

    Task SetAsync(string key, byte[] value, TimeSpan absoluteExpirationRelativeToNow, CancellationToken token = default);

    Task RemoveAsync(string key, CancellationToken token = default);
}

public enum HealthStatus
{
    Unhealthy = 0,
    Degraded = 1,
    Healthy = 2,
}

public readonly record struct HealthCheckResult(HealthStatus Status, string? Description = null, Exception? Exception = null, IReadOnlyDictionary<string, object>? Data = null)
{
    public static HealthCheckResult Healthy(string? description = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Healthy, description, null, data);

    public static HealthCheckResult Degraded(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Degraded, description, exception, data);

    public static HealthCheckResult Unhealthy(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Unhealthy, description, exception, data);
}

public sealed class HealthCheckContext
{
    public string RegistrationName { get; init; } = string.Empty;
}

public interface IHealthCheck
{
    Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default);
}

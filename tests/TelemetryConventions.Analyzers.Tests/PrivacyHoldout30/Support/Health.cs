using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout30.Support.Health;

// Stand-ins for Microsoft.Extensions.Diagnostics.HealthChecks.

public enum HealthStatus
{
    Unhealthy = 0,
    Degraded = 1,
    Healthy = 2,
}

public readonly struct HealthCheckResult(HealthStatus status, string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null)
{
    private static readonly IReadOnlyDictionary<string, object> Empty = new Dictionary<string, object>();

    public HealthStatus Status { get; } = status;

    public string? Description { get; } = description;

    public Exception? Exception { get; } = exception;

    public IReadOnlyDictionary<string, object> Data { get; } = data ?? Empty;

    public static HealthCheckResult Healthy(string? description = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Healthy, description, null, data);

    public static HealthCheckResult Degraded(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Degraded, description, exception, data);

    public static HealthCheckResult Unhealthy(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Unhealthy, description, exception, data);
}

public sealed class HealthCheckRegistration(string name)
{
    public string Name { get; } = name;

    public ISet<string> Tags { get; } = new HashSet<string>();
}

public sealed class HealthCheckContext
{
    public HealthCheckRegistration Registration { get; init; } = new("unnamed");
}

public interface IHealthCheck
{
    Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default);
}

public readonly struct HealthReportEntry(HealthStatus status, string? description, TimeSpan duration, Exception? exception, IReadOnlyDictionary<string, object>? data, IEnumerable<string>? tags = null)
{
    public HealthStatus Status { get; } = status;

    public string? Description { get; } = description;

    public TimeSpan Duration { get; } = duration;

    public Exception? Exception { get; } = exception;

    public IReadOnlyDictionary<string, object> Data { get; } = data ?? new Dictionary<string, object>();

    public IEnumerable<string> Tags { get; } = tags ?? Array.Empty<string>();
}

public sealed class HealthReport(IReadOnlyDictionary<string, HealthReportEntry> entries, HealthStatus status, TimeSpan totalDuration)
{
    public IReadOnlyDictionary<string, HealthReportEntry> Entries { get; } = entries;

    public HealthStatus Status { get; } = status;

    public TimeSpan TotalDuration { get; } = totalDuration;
}

public interface IHealthCheckPublisher
{
    Task PublishAsync(HealthReport report, CancellationToken cancellationToken);
}

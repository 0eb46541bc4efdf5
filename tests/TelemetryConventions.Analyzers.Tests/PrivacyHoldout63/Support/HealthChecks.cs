using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Microsoft.Extensions.Diagnostics.HealthChecks. A check's result goes to the health
// endpoint's response writer and to the registered publishers; only the shapes matter.

namespace Microsoft.Extensions.Diagnostics.HealthChecks
{
    public enum HealthStatus
    {
        Unhealthy = 0,
        Degraded = 1,
        Healthy = 2,
    }

    public sealed class HealthCheckRegistration(string name, HealthStatus failureStatus, IEnumerable<string>? tags)
    {
        public string Name { get; } = name;

        public HealthStatus FailureStatus { get; } = failureStatus;

        public ISet<string> Tags { get; } = new HashSet<string>(tags ?? Array.Empty<string>());

        public TimeSpan Timeout { get; set; } = System.Threading.Timeout.InfiniteTimeSpan;
    }

    public sealed class HealthCheckContext
    {
        public HealthCheckRegistration Registration { get; set; } = null!;
    }

    public readonly struct HealthCheckResult(HealthStatus status, string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null)
    {
        public HealthStatus Status { get; } = status;

        public string? Description { get; } = description;

        public Exception? Exception { get; } = exception;

        public IReadOnlyDictionary<string, object> Data { get; } = data ?? new Dictionary<string, object>();

        public static HealthCheckResult Healthy(string? description = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Healthy, description, null, data);

        public static HealthCheckResult Degraded(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Degraded, description, exception, data);

        public static HealthCheckResult Unhealthy(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Unhealthy, description, exception, data);
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

    /// <summary>Receives the report of every registered check, periodically.</summary>
    public interface IHealthCheckPublisher
    {
        Task PublishAsync(HealthReport report, CancellationToken cancellationToken);
    }

    public sealed class HealthCheckPublisherOptions
    {
        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(5);

        public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(30);

        public Func<HealthCheckRegistration, bool>? Predicate { get; set; }
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    using Microsoft.Extensions.Diagnostics.HealthChecks;

    public interface IHealthChecksBuilder
    {
        IServiceCollection Services { get; }

        IHealthChecksBuilder AddCheck<THealthCheck>(string name, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
            where THealthCheck : class, IHealthCheck;
    }

    public static class HealthCheckServiceCollectionExtensions
    {
        public static IHealthChecksBuilder AddHealthChecks(this IServiceCollection services) => new Builder(services);

        private sealed class Builder(IServiceCollection services) : IHealthChecksBuilder
        {
            public IServiceCollection Services { get; } = services;

            public IHealthChecksBuilder AddCheck<THealthCheck>(string name, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
                where THealthCheck : class, IHealthCheck => this;
        }
    }
}

using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 where a health report reaches telemetry: an entry's description, data and exception are
/// what the source's health checks put in their results, wherever the report is published.
/// </summary>
public class TC1001HealthReportTests
{
    private const string HealthChecks = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Diagnostics.HealthChecks;
        using Microsoft.Extensions.Logging;

        namespace Microsoft.Extensions.Diagnostics.HealthChecks
        {
            public enum HealthStatus { Unhealthy, Degraded, Healthy }

            public readonly struct HealthCheckResult(HealthStatus status, string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null)
            {
                public string? Description { get; } = description;
                public static HealthCheckResult Healthy(string? description = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Healthy, description, null, data);
                public static HealthCheckResult Degraded(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Degraded, description, exception, data);
            }

            public interface IHealthCheck
            {
                Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken = default);
            }

            public readonly struct HealthReportEntry
            {
                public HealthStatus Status { get; init; }
                public string? Description { get; init; }
                public IReadOnlyDictionary<string, object> Data { get; init; }
                public TimeSpan Duration { get; init; }
            }

            public sealed class HealthReport
            {
                public IReadOnlyDictionary<string, HealthReportEntry> Entries { get; init; } = null!;
            }

            public interface IHealthCheckPublisher
            {
                Task PublishAsync(HealthReport report, CancellationToken cancellationToken);
            }
        }

        """;

    [Fact]
    public async Task A_published_entry_holds_the_description_and_data_a_check_of_the_source_gives()
    {
        await VerifyCS.AnalyzerAsync(HealthChecks + """
            namespace Wards
            {
                public sealed record Rejected(string HospitalNumber, string Reason);

                public sealed class AdtFeedCheck(Func<Rejected?> lastRejected) : IHealthCheck
                {
                    public Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken = default)
                    {
                        var data = new Dictionary<string, object> { ["rejected"] = 1 };
                        if (lastRejected() is { } last)
                        {
                            data["last_hospital_number"] = last.HospitalNumber;
                            return Task.FromResult(HealthCheckResult.Degraded($"Last rejected: {last.HospitalNumber}", data: data));
                        }
                        return Task.FromResult(HealthCheckResult.Healthy("ADT feed current", data));
                    }
                }

                public sealed class Publisher(ILogger<Publisher> logger) : IHealthCheckPublisher
                {
                    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
                    {
                        foreach (var (name, entry) in report.Entries)
                        {
                            logger.LogInformation("Check {Check} is {Status} after {Ms} ms", name, entry.Status, entry.Duration.TotalMilliseconds);
                            logger.LogInformation("Check {Check}: {Description}", name, {|TC1001:entry.Description|});
                            logger.LogDebug("Check {Check} data: {Data}", name, {|TC1001:string.Join("; ", entry.Data.Select(kv => $"{kv.Key}={kv.Value}"))|});
                            logger.LogDebug("Check {Check} has {Count} data items", name, entry.Data.Count);
                        }
                        return Task.CompletedTask;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Checks_that_describe_only_counts_and_states_leave_their_service_s_report_clean()
    {
        // Another service in the same compilation describes a patient; the gate service's
        // publisher sees its own namespace's checks only.
        await VerifyCS.AnalyzerAsync(HealthChecks + """
            namespace Wards
            {
                public sealed class BedCheck(Func<string?> lastHospitalNumber) : IHealthCheck
                {
                    public Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken = default) =>
                        Task.FromResult(HealthCheckResult.Degraded($"Last admitted: {lastHospitalNumber()}"));
                }
            }

            namespace Gates
            {
                public sealed class ReaderCheck(Func<IReadOnlyCollection<string>> offlineReaders) : IHealthCheck
                {
                    public Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken = default)
                    {
                        var offline = offlineReaders();
                        var data = new Dictionary<string, object> { ["offline"] = offline.Count };
                        return Task.FromResult(offline.Count == 0
                            ? HealthCheckResult.Healthy("All readers online", data)
                            : HealthCheckResult.Degraded($"{offline.Count} readers offline", data: data));
                    }
                }

                public sealed class Publisher(ILogger<Publisher> logger) : IHealthCheckPublisher
                {
                    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
                    {
                        foreach (var (name, entry) in report.Entries)
                        {
                            logger.LogInformation("Check {Check}: {Description}", name, entry.Description);
                            Activity.Current?.SetTag("health.data", string.Join(",", entry.Data.Select(kv => $"{kv.Key}={kv.Value}")));
                        }
                        return Task.CompletedTask;
                    }
                }
            }
            """);
    }
}

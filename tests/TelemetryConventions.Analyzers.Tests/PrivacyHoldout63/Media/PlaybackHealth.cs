using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyHoldout63.Media;

public interface ICdnProbe
{
    Task<IReadOnlyDictionary<string, double>> ErrorRatesAsync(CancellationToken cancellationToken);
}

public interface IContinueWatchingStore
{
    /// <summary>A random key of the store, <c>continue:{profileId}</c>, read back to time the store.</summary>
    Task<(string Key, TimeSpan Elapsed)> SampleReadAsync(CancellationToken cancellationToken);
}

public sealed class CdnEdgeHealthCheck(ICdnProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var rates = await probe.ErrorRatesAsync(cancellationToken);
        var worst = rates.OrderByDescending(r => r.Value).FirstOrDefault();
        var data = new Dictionary<string, object> { ["edges_probed"] = rates.Count, ["worst_edge"] = worst.Key ?? "none", ["worst_error_rate"] = worst.Value };
        return worst.Value > 0.05
            ? HealthCheckResult.Degraded($"Edge {worst.Key} failing {worst.Value:P0} of probes", data: data)
            : HealthCheckResult.Healthy($"{rates.Count} edges ok", data);
    }
}

public sealed class ContinueWatchingHealthCheck(IContinueWatchingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (key, elapsed) = await store.SampleReadAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["sampled_key"] = key, ["read_ms"] = elapsed.TotalMilliseconds }; // clean direct
        return elapsed > TimeSpan.FromMilliseconds(250)
            ? HealthCheckResult.Degraded($"Read {key} in {elapsed.TotalMilliseconds:0} ms", data: data)
            : HealthCheckResult.Healthy($"Read in {elapsed.TotalMilliseconds:0} ms", data);
    }
}

/// <summary>Publishes the playback host's report (the CDN edges and the continue-watching store) as metrics and logs.</summary>
public sealed class PlaybackHealthPublisher : IHealthCheckPublisher
{
    private readonly ConcurrentDictionary<string, HealthStatus> _status = new(StringComparer.Ordinal);
    private readonly Histogram<double> _storeRead;
    private readonly ILogger<PlaybackHealthPublisher> _logger;

    public PlaybackHealthPublisher(Meter meter, ILogger<PlaybackHealthPublisher> logger)
    {
        _logger = logger;
        _storeRead = meter.CreateHistogram<double>("playback.continue_watching.read", "ms");
        meter.CreateObservableGauge("playback.health.status", () => _status.Select(kv => new Measurement<int>((int)kv.Value, new KeyValuePair<string, object?>("check", kv.Key)))); // clean precision-about
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            _status[name] = entry.Status;
            _logger.LogInformation("{Check} {Status}: {Description}", name, entry.Status, entry.Description); // leak TC1001 cross-member

            if (entry.Data.TryGetValue("read_ms", out var readMs) && readMs is double ms)
            {
                _storeRead.Record(ms, new KeyValuePair<string, object?>("status", entry.Status.ToString()));
            }

            if (entry.Data.TryGetValue("worst_edge", out var edge))
            {
                _logger.LogInformation("Worst CDN edge {Edge} at {ErrorRate}", edge, entry.Data.GetValueOrDefault("worst_error_rate")); // clean precision-about
            }

            if (entry.Data.TryGetValue("sampled_key", out var sampledKey))
            {
                Activity.Current?.SetTag("playback.health.sampled_key", sampledKey); // leak TC1001 cross-member
            }
        }

        return Task.CompletedTask;
    }
}

public sealed class PlaybackOptions
{
    public string LicenceServerUrl { get; set; } = string.Empty;

    /// <summary>The QA team's own streaming accounts (their work emails), which skip the paywall on staging builds.</summary>
    public List<string> QaBypassAccounts { get; set; } = new();

    /// <summary>The playback team's shared support mailbox.</summary>
    public string SupportMailbox { get; set; } = "playback-support@streamco.example";

    public int MaxConcurrentStreams { get; set; } = 3;
}

public sealed class PlaybackOptionsValidator : IValidateOptions<PlaybackOptions>
{
    public ValidateOptionsResult Validate(string? name, PlaybackOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.LicenceServerUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"LicenceServerUrl '{options.LicenceServerUrl}' must be an https URL");
        }

        foreach (var account in options.QaBypassAccounts.Where(a => !a.EndsWith("@streamco.example", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"QA bypass account {account} is outside the company domain");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class PlaybackStartupLog(IOptions<PlaybackOptions> options, IValidateOptions<PlaybackOptions> validator, IHostEnvironment environment, ILogger<PlaybackStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var result = validator.Validate(null, settings);
        foreach (var failure in result.Failures ?? Array.Empty<string>())
        {
            logger.LogError("Playback settings: {Failure}", failure); // leak TC1001 cross-member
        }

        logger.LogInformation("Playback API in {Environment}; licence server {LicenceHost}", environment.EnvironmentName, Uri.TryCreate(settings.LicenceServerUrl, UriKind.Absolute, out var uri) ? uri.Host : "(invalid)"); // clean precision-about
        if (!environment.IsProduction())
        {
            logger.LogInformation("QA bypass accounts: {QaAccounts}", settings.QaBypassAccounts); // leak TC1001 logging-objects
        }

        logger.LogInformation("QA bypass enabled for {QaAccountCount} accounts", settings.QaBypassAccounts.Count); // clean precision-names
        logger.LogInformation("Support via {SupportMailbox}; {MaxConcurrentStreams} streams per subscriber", settings.SupportMailbox, settings.MaxConcurrentStreams); // clean precision-names
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

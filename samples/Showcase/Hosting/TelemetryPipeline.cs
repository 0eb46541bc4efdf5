using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Hosting;

/// <summary>What the SDK side of the showcase exports to, besides its own in-memory copy.</summary>
public sealed record PipelineOptions
{
    /// <summary>The <c>service.name</c> of the resource.</summary>
    public string ServiceName { get; init; } = "telemetry-conventions-showcase";

    /// <summary>
    /// Also export spans, metrics and log records over OTLP. The exporter reads its endpoint, protocol and headers
    /// from the standard <c>OTEL_EXPORTER_OTLP_*</c> environment variables.
    /// </summary>
    public bool Otlp { get; init; }

    /// <summary>Serve metrics for Prometheus to scrape at <see cref="PrometheusPrefixes"/>.</summary>
    public bool Prometheus { get; init; }

    /// <summary>
    /// The host name the listener answers to; when null, <c>OTEL_EXPORTER_PROMETHEUS_HOST</c> or
    /// <c>localhost</c>. The listener answers only requests addressed to this name, so a scraper
    /// must use it too (<c>localhost:9464</c>, not <c>127.0.0.1:9464</c>).
    /// </summary>
    public string? PrometheusHost { get; init; }

    /// <summary>The listener's port; when null, <c>OTEL_EXPORTER_PROMETHEUS_PORT</c> or 9464.</summary>
    public int? PrometheusPort { get; init; }

    /// <summary>The scrape URL that the options and environment give.</summary>
    public string PrometheusEndpoint
    {
        get
        {
            var host = PrometheusHost ?? FromEnvironment("OTEL_EXPORTER_PROMETHEUS_HOST") ?? "localhost";
            var port = PrometheusPort?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ?? FromEnvironment("OTEL_EXPORTER_PROMETHEUS_PORT") ?? "9464";
            return $"http://{host}:{port}/metrics";
        }
    }

    private static string? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

/// <summary>
/// The OpenTelemetry SDK wired to the showcase's source and meter: spans and metric snapshots are
/// kept in memory for the console rendering and for tests, and optionally exported over OTLP and
/// served to Prometheus.
/// </summary>
public sealed class TelemetryPipeline : IDisposable
{
    private readonly List<Activity> _activities = new();
    private readonly List<MetricSnapshot> _metrics = new();
    private readonly TracerProvider _tracerProvider;
    private readonly MeterProvider _meterProvider;
    private readonly List<LogRecord> _logRecords = new();
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Builds the tracer and meter providers; listening starts at once.</summary>
    /// <exception cref="System.Net.HttpListenerException">The Prometheus port is in use.</exception>
    public TelemetryPipeline(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The service entities of the upstream registry, through the generated resource helpers: the
        // identifying attributes are parameters, so none can be forgotten or misspelt.
        var resource = ResourceBuilder.CreateDefault()
            .AddAttributes(TelemetryResources.Service(options.ServiceName, serviceVersion: ShowcaseTelemetry.SourceVersion))
            .AddAttributes(TelemetryResources.ServiceInstance(Guid.NewGuid().ToString()));

        var traces = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ShowcaseTelemetry.SourceName)
            // Every simulated span is wanted: the showcase is about what a span carries.
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_activities);

        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(ShowcaseTelemetry.SourceName)
            .AddView(HistogramBuckets)
            .AddInMemoryExporter(_metrics);

        if (options.Otlp)
        {
            traces.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }
        if (options.Prometheus)
        {
            metrics.AddPrometheusHttpListener(listener =>
            {
                // Left unset, the exporter takes OTEL_EXPORTER_PROMETHEUS_HOST/PORT or localhost:9464.
                if (options.PrometheusHost is { } host)
                {
                    listener.Host = host;
                }
                if (options.PrometheusPort is { } port)
                {
                    listener.Port = port;
                }
            });
        }

        _tracerProvider = traces.Build();
        try
        {
            _meterProvider = metrics.Build();
        }
        catch
        {
            _tracerProvider.Dispose();
            throw;
        }

        // Log records (the scenarios' audit records and alerts) go through ILogger, as in a real
        // host: kept in memory for the console and the tests, and over OTLP on request.
        _loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.AddOpenTelemetry(logs =>
        {
            logs.SetResourceBuilder(resource);
            logs.AddInMemoryExporter(_logRecords);
            if (options.Otlp)
            {
                logs.AddOtlpExporter();
            }
        }));
    }

    /// <summary>The factory whose loggers the scenarios write their log events to.</summary>
    public ILoggerFactory LoggerFactory => _loggerFactory;

    /// <summary>The log records written since the last call, in order; the buffer is emptied.</summary>
    public IReadOnlyList<LogRecord> TakeLogRecords()
    {
        var taken = _logRecords.ToList();
        _logRecords.Clear();
        return taken;
    }

    /// <summary>
    /// Bucket boundaries in the histogram's own unit. The SDK's defaults (0 to 10 000) suit
    /// milliseconds; the conventions measure durations in seconds (and shipment delays in hours),
    /// where those defaults would put almost everything in the first bucket or two.
    /// </summary>
    private static MetricStreamConfiguration? HistogramBuckets(System.Diagnostics.Metrics.Instrument instrument)
    {
        if (instrument is not System.Diagnostics.Metrics.Histogram<double>)
        {
            return null;
        }
        return instrument.Unit switch
        {
            "s" => new ExplicitBucketHistogramConfiguration { Boundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600, 7200] },
            "h" => new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2, 4, 8, 12, 24, 48, 72, 120] },
            _ => null,
        };
    }

    /// <summary>The spans ended since the last call, in the order they ended; the buffer is emptied.</summary>
    public IReadOnlyList<Activity> TakeActivities()
    {
        _tracerProvider.ForceFlush();
        var taken = _activities.ToList();
        _activities.Clear();
        return taken;
    }

    /// <summary>
    /// The current value of every metric stream: cumulative sums, last gauge values and histogram
    /// buckets since the pipeline started.
    /// </summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        // The periodic reader may have exported earlier snapshots; only the fresh collection counts.
        _metrics.Clear();
        _meterProvider.ForceFlush();
        var collected = _metrics.ToList();
        _metrics.Clear();
        return collected;
    }

    /// <summary>Flushes and shuts down both providers, which also flushes OTLP.</summary>
    public void Dispose()
    {
        _loggerFactory.Dispose();
        _tracerProvider.Dispose();
        _meterProvider.Dispose();
    }
}

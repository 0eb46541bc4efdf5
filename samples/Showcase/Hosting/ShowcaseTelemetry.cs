using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Hosting;

/// <summary>
/// The instrumented side of the showcase: the activity source and meter the scenarios write to,
/// and the pseudonymizer for identifiers of people.
/// </summary>
/// <remarks>
/// The OpenTelemetry SDK is not referenced here: it only listens (see <see cref="TelemetryPipeline"/>),
/// as in a real service where the library code knows the API and the host wires the SDK.
/// </remarks>
public sealed class ShowcaseTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "TelemetryConventions.Samples.Showcase";

    /// <summary>The version of the activity source and of the meter, and of the service.</summary>
    public const string SourceVersion = "1.0.0";

    private readonly ConcurrentDictionary<Type, object> _services = new();

    /// <summary>Creates the source and meter; the pseudonymizer holds the key for identifiers of people.</summary>
    /// <param name="pseudonymizer">Turns identifiers of people into keyed pseudonyms.</param>
    /// <param name="loggerFactory">Where log records go (the host's factory); nowhere when null.</param>
    public ShowcaseTelemetry(Pseudonymizer pseudonymizer, ILoggerFactory? loggerFactory = null)
    {
        Pseudonymizer = pseudonymizer ?? throw new ArgumentNullException(nameof(pseudonymizer));
        // Created by the generated helpers, so that every span and instrument declares the schema URL of the conventions it follows.
        Source = TelemetrySchema.CreateActivitySource(SourceName, SourceVersion);
        Meter = TelemetrySchema.CreateMeter(SourceName, SourceVersion);
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(SourceName);
    }

    /// <summary>Where scenarios write their log events (audit records, alerts).</summary>
    public ILogger Logger { get; }

    /// <summary>Where scenarios start their spans.</summary>
    public ActivitySource Source { get; }

    /// <summary>Where scenario instruments are created.</summary>
    public Meter Meter { get; }

    /// <summary>Turns identifiers of people into keyed pseudonyms.</summary>
    public Pseudonymizer Pseudonymizer { get; }

    /// <summary>
    /// A long-lived service of the showcase, one of each type, created from the meter on first use:
    /// what a host registers as a singleton. Scenarios that sample state keep their latest readings
    /// in one, which registers its observable instruments once, when it is created.
    /// </summary>
    public T Service<T>(Func<Meter, T> create) where T : class =>
        (T)_services.GetOrAdd(typeof(T), static (_, state) => state.create(state.meter), (create, meter: Meter));

    /// <summary>Disposes the source and meter, which also ends the instruments.</summary>
    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}

namespace TelemetryConventions.Generators.Planning;

/// <summary>The MSBuild options the generator reads (see the README's "MSBuild options").</summary>
// ObservableForAll is TelemetryConventionsObservableInstruments=all: every counter, up-down counter
// and gauge without an `observable` annotation also gets an observable registration.
internal sealed record GenerationOptions(string Namespace, bool StableOnly, bool Public, EventMethods EventMethods = EventMethods.Auto, bool ObservableForAll = false)
{
    public const string NamespaceProperty = "TelemetryConventionsNamespace";
    public const string EventMethodsProperty = "TelemetryConventionsEventMethods";
    public const string StabilityProperty = "TelemetryConventionsStability";
    public const string VisibilityProperty = "TelemetryConventionsVisibility";
    public const string ObservableInstrumentsProperty = "TelemetryConventionsObservableInstruments";

    public static readonly GenerationOptions Default = new("Telemetry", false, true);

    public string Accessibility => Public ? "public" : "internal";
}

/// <summary>
/// What the consuming project's target framework offers. Read from the compilation once per
/// change; it compares equal across edits, so nothing downstream re-runs.
/// </summary>
internal sealed record TargetPlatform(bool HasSynchronousGauge, bool HasInstrumentAdvice, bool HasLogging = true, bool HasTelemetrySchemaUrl = true)
{
    public const string GaugeMetadataName = "System.Diagnostics.Metrics.Gauge`1";
    public const string InstrumentAdviceMetadataName = "System.Diagnostics.Metrics.InstrumentAdvice`1";
    public const string LoggerMetadataName = "Microsoft.Extensions.Logging.ILogger";
    /// <summary>Arrived with <c>TelemetrySchemaUrl</c> (and the same on <c>MeterOptions</c>) in System.Diagnostics.DiagnosticSource 9.</summary>
    public const string ActivitySourceOptionsMetadataName = "System.Diagnostics.ActivitySourceOptions";

    public static readonly TargetPlatform Current = new(true, true);
}

/// <summary>
/// The <c>TelemetryConventionsEventMethods</c> option: which methods events get when their
/// conventions do not say (the <c>log.signals</c> annotation wins).
/// </summary>
internal enum EventMethods
{
    /// <summary>A log method for every event; a span-event method where a span declares the event.</summary>
    Auto,
    /// <summary>Log methods only; span wrappers get no event methods.</summary>
    Log,
    /// <summary>Span-event methods only, for every event (no log methods).</summary>
    SpanEvent,
    /// <summary>Both, for every event.</summary>
    Both,
}

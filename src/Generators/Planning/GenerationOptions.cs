namespace TelemetryConventions.Generators.Planning;

/// <summary>The MSBuild options the generator reads (see the README's "MSBuild options").</summary>
internal sealed record GenerationOptions(string Namespace, bool StableOnly, bool Public)
{
    public const string NamespaceProperty = "TelemetryConventionsNamespace";
    public const string StabilityProperty = "TelemetryConventionsStability";
    public const string VisibilityProperty = "TelemetryConventionsVisibility";

    public static readonly GenerationOptions Default = new("Telemetry", false, true);

    public string Accessibility => Public ? "public" : "internal";
}

/// <summary>
/// What the consuming project's target framework offers. Read from the compilation once per
/// change; it compares equal across edits, so nothing downstream re-runs.
/// </summary>
internal sealed record TargetPlatform(bool HasSynchronousGauge, bool HasInstrumentAdvice)
{
    public const string GaugeMetadataName = "System.Diagnostics.Metrics.Gauge`1";
    public const string InstrumentAdviceMetadataName = "System.Diagnostics.Metrics.InstrumentAdvice`1";

    public static readonly TargetPlatform Current = new(true, true);
}

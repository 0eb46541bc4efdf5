namespace TelemetryConventions.Generators.Planning;

/// <summary>The MSBuild options the generator reads (see docs/msbuild-options.md).</summary>
internal sealed record GenerationOptions(string Namespace, bool StableOnly, bool Public)
{
    public const string NamespaceProperty = "TelemetryConventionsNamespace";
    public const string StabilityProperty = "TelemetryConventionsStability";
    public const string VisibilityProperty = "TelemetryConventionsVisibility";

    public static readonly GenerationOptions Default = new("Telemetry", false, true);

    public string Accessibility => Public ? "public" : "internal";
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TelemetryConventions.Analyzers.Tests.Infrastructure;

/// <summary>
/// References for test compilations, taken from the running .NET runtime and the telemetry packages
/// the test project references: no package download, so the tests run the same offline and in CI.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(() =>
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal));
        var telemetry = new[]
        {
            typeof(OpenTelemetry.Trace.TelemetrySpan).Assembly.Location,
            typeof(OpenTelemetry.Baggage).Assembly.Location,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
        };
        return framework.Concat(telemetry)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => All.Value;

    /// <summary>An empty set: every reference is added explicitly, nothing is resolved from a feed.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");
}

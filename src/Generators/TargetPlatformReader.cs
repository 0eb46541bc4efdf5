using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators;

/// <summary>
/// Reads what the consuming project's references offer from the references alone. The generator feeds it
/// the collected <c>MetadataReferencesProvider</c>, whose items stay cached while the references do, so the
/// look-ups run when a reference changes (a restore, a new target framework), not on every edit of the code.
/// </summary>
internal static class TargetPlatformReader
{
    public static TargetPlatform Read(ImmutableArray<MetadataReference> references)
    {
        // A compilation with no source over the same references answers exactly as the project's would for
        // types that live in references. It costs binding the references once more, once per change of them.
        var probe = CSharpCompilation.Create("TelemetryConventions.TargetPlatformProbe", references: references);
        return new TargetPlatform(
            probe.GetTypeByMetadataName(TargetPlatform.GaugeMetadataName) is not null,
            probe.GetTypeByMetadataName(TargetPlatform.InstrumentAdviceMetadataName) is not null,
            probe.GetTypeByMetadataName(TargetPlatform.LoggerMetadataName) is not null,
            probe.GetTypeByMetadataName(TargetPlatform.ActivitySourceOptionsMetadataName) is not null);
    }
}

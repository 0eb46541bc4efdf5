using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators;

/// <summary>
/// Reads the names file of a registry the project does not import, passed by the package targets
/// when the upstream registry is turned off, so that TC0009 says where such an attribute is defined.
/// </summary>
internal static class UnimportedRegistryReader
{
    public static UnimportedRegistry? Read(AdditionalText text, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue(UnimportedRegistryNames.NamesOfOption, out var registry) || string.IsNullOrWhiteSpace(registry))
        {
            return null;
        }
        options.TryGetValue(UnimportedRegistryNames.HowToImportOption, out var howToImport);
        return UnimportedRegistryNames.Read(registry, howToImport, text.Path, text.GetText(cancellationToken)?.ToString() ?? "");
    }
}

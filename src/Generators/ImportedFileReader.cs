using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators;

/// <summary>
/// Reads the item metadata that marks a convention file as part of a registry the project did not
/// write: <c>&lt;TelemetryConvention Include="…" Registry="name" Generate="referenced|all" /&gt;</c>,
/// passed to the compiler by the package targets through CompilerVisibleItemMetadata.
/// </summary>
internal static class ImportedFileReader
{
    public const string RegistryMetadata = "build_metadata.AdditionalFiles.TelemetryConventionRegistry";
    public const string GenerateMetadata = "build_metadata.AdditionalFiles.TelemetryConventionGenerate";

    public static ImportedFile? Read(string path, AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(RegistryMetadata, out var registry) || string.IsNullOrWhiteSpace(registry))
        {
            return null;
        }
        var generateAll = options.TryGetValue(GenerateMetadata, out var generate)
            && string.Equals(generate?.Trim(), "all", System.StringComparison.OrdinalIgnoreCase);
        return new ImportedFile(path, registry.Trim(), generateAll);
    }
}

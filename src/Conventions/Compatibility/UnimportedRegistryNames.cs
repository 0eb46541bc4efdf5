using System;
using System.Linq;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Compatibility;

/// <summary>
/// The names file of a registry the project does not import. It is written in the baseline format
/// (<c>TelemetryConventions.Tool baseline</c> over the registry), so one reader serves both; only
/// the attribute names are kept.
/// </summary>
public static class UnimportedRegistryNames
{
    /// <summary>Item metadata (on AdditionalFiles) that names the registry a names file lists.</summary>
    public const string NamesOfMetadata = "TelemetryConventionNamesOf";

    /// <summary>Item metadata that says how to import that registry, for the diagnostics to repeat.</summary>
    public const string HowToImportMetadata = "TelemetryConventionHowToImport";

    public static UnimportedRegistry Read(string registry, string? howToImport, string path, string content) =>
        new(
            registry.Trim(),
            string.IsNullOrWhiteSpace(howToImport) ? "import it" : howToImport!.Trim(),
            BaselineFormat.Read(path, content).Attributes.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
}

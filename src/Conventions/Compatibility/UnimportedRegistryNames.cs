using System;
using System.Collections.Generic;
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

    /// <summary>
    /// Item metadata that says how to import that registry, for the diagnostics to repeat; <c>{name}</c>
    /// in it stands for the attribute in question.
    /// </summary>
    public const string HowToImportMetadata = "TelemetryConventionHowToImport";

    /// <summary>The keys under which the compiler hands that metadata to analyzers and generators.</summary>
    public const string NamesOfOption = "build_metadata.AdditionalFiles." + NamesOfMetadata;

    public const string HowToImportOption = "build_metadata.AdditionalFiles." + HowToImportMetadata;

    /// <summary>
    /// For a name the project does not know: where it is defined, when one of <paramref name="registries"/>
    /// has it exactly (TC0009, TC2001 say this rather than a near name of the project's).
    /// </summary>
    public static string? DefinedIn(IEnumerable<UnimportedRegistry> registries, string name) =>
        registries.FirstOrDefault(r => r.Attributes.Contains(name)) is { } registry
            ? $"; it is defined by '{registry.Registry}', which the project's conventions do not bring in: {HowToImport(registry, name)}, or declare it in the project's conventions"
            : null;

    /// <summary>For a name the project does not know: a near name of one of <paramref name="registries"/>, and where that is defined.</summary>
    public static string? NearName(IEnumerable<UnimportedRegistry> registries, string name)
    {
        foreach (var registry in registries)
        {
            if (Resolution.NameDistance.Closest(name, registry.Attributes) is { } near)
            {
                return $"; did you mean '{near}'? It is defined by '{registry.Registry}', which the project's conventions do not bring in: {HowToImport(registry, near)}";
            }
        }
        return null;
    }

    private static string HowToImport(UnimportedRegistry registry, string name) => registry.HowToImport.Replace("{name}", name);

    public static UnimportedRegistry Read(string registry, string? howToImport, string path, string content) =>
        new(
            registry.Trim(),
            string.IsNullOrWhiteSpace(howToImport) ? "import it" : howToImport!.Trim(),
            BaselineFormat.Read(path, content).Attributes.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Yaml;

namespace TelemetryConventions.Generators.Planning;

/// <summary>The telemetry schema URL of the project's conventions and how its creation helpers are written.</summary>
/// <param name="Url">The schema URL.</param>
/// <param name="Origin">Where it comes from, for the generated docs: the option or the manifest's file name.</param>
/// <param name="HasSchemaUrlOption">Whether the target has <c>ActivitySourceOptions</c>/<c>MeterOptions.TelemetrySchemaUrl</c>.</param>
internal sealed record SchemaSpec(string Url, string Origin, bool HasSchemaUrlOption, GenerationOptions Options)
{
    public const string HintName = "TelemetrySchema.g.cs";
}

internal sealed record SchemaPlan(SchemaSpec? Spec, EquatableArray<ConventionDiagnostic> Diagnostics);

/// <summary>
/// Chooses the schema URL: the <c>TelemetryConventionsSchemaUrl</c> option, else the manifest of the
/// project's own registry, else the manifest of a registry it imports (the upstream registry's
/// <c>schema_url</c>). Without any, no helpers are generated.
/// </summary>
internal static class SchemaPlanner
{
    public const string SchemaClass = "TelemetrySchema";
    public const string SchemaUrlProperty = "TelemetryConventionsSchemaUrl";

    public static SchemaPlan Plan(ImmutableArray<RegistryManifest> manifests, string? option, GenerationOptions options, TargetPlatform platform)
    {
        var diagnostics = manifests.OrderBy(m => m.Path, StringComparer.Ordinal).SelectMany(m => m.Diagnostics).ToList();
        string? url = null;
        string? origin = null;
        var location = SourceSpan.FileStart("");
        if (option is not null)
        {
            if (RegistryManifestParser.IsSchemaUrl(option))
            {
                (url, origin) = (option, "the " + SchemaUrlProperty + " option");
            }
            else
            {
                diagnostics.Add(ConventionDiagnostic.Create(ConventionRules.InvalidOption, SourceSpan.FileStart(""), SchemaUrlProperty, option, "an absolute http(s) URL such as https://opentelemetry.io/schemas/1.44.0"));
            }
        }
        if (url is null
            && manifests.Where(m => m.SchemaUrl is not null).OrderBy(m => m.Imported).ThenBy(m => m.Path, StringComparer.Ordinal).FirstOrDefault() is { } manifest)
        {
            (url, origin, location) = (manifest.SchemaUrl!, System.IO.Path.GetFileName(manifest.Path), manifest.Location);
        }
        if (url is null)
        {
            return new SchemaPlan(null, diagnostics.ToEquatableArray());
        }
        if (!platform.HasTelemetrySchemaUrl)
        {
            diagnostics.Add(ConventionDiagnostic.Create(ConventionRules.SchemaUrlUnsupported, location, url));
        }
        return new SchemaPlan(new SchemaSpec(url, origin!, platform.HasTelemetrySchemaUrl, options), diagnostics.ToEquatableArray());
    }
}

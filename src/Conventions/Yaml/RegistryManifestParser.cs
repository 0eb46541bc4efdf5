using System;
using System.IO;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Conventions.Yaml;

/// <summary>
/// What a registry's manifest (<c>manifest.yaml</c>, or Weaver's <c>registry_manifest.yaml</c>) says
/// about the telemetry schema its conventions make up.
/// </summary>
/// <param name="Path">The manifest file.</param>
/// <param name="SchemaUrl">The schema URL, when the manifest gives one.</param>
/// <param name="Imported">Whether the manifest belongs to a registry the project did not write.</param>
/// <param name="Location">Where the URL is written (the base URL when it is composed, the file start when absent).</param>
/// <param name="Diagnostics">Problems found in the manifest.</param>
public sealed record RegistryManifest(string Path, string? SchemaUrl, bool Imported, SourceSpan Location, EquatableArray<ConventionDiagnostic> Diagnostics);

/// <summary>
/// Reads the schema URL of a registry manifest: <c>schema_url</c> as the upstream registry writes it,
/// or <c>schema_base_url</c> (older manifests: <c>repository_url</c>) joined with
/// <c>semconv_version</c> (or <c>version</c>). Never throws; a URL that is not absolute http(s) is a
/// located TC0002 and is not used.
/// </summary>
public static class RegistryManifestParser
{
    public static RegistryManifest Parse(string path, string text, bool imported)
    {
        var context = new ParseContext(path);
        string? url = null;
        var location = SourceSpan.FileStart(path);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                if (Scalar(root, "schema_url") is { } direct)
                {
                    url = direct.Value;
                    location = context.Span(direct);
                }
                else if ((Scalar(root, "schema_base_url") ?? Scalar(root, "repository_url")) is { } baseUrl
                    && (Scalar(root, "semconv_version") ?? Scalar(root, "version")) is { } version)
                {
                    url = baseUrl.Value!.TrimEnd('/') + "/" + version.Value!.TrimStart('v');
                    location = context.Span(baseUrl);
                }
            }
        }
        catch (YamlException exception)
        {
            context.Report(ConventionRules.YamlSyntax, context.Span(exception.Start, exception.End), exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            context.Report(ConventionRules.YamlSyntax, location, "The manifest could not be read: " + exception.Message);
        }
        if (url is not null && !IsSchemaUrl(url))
        {
            context.Report(ConventionRules.InvalidFileStructure, location,
                $"'{url}' is not an absolute http(s) URL, so it cannot be the telemetry schema URL; no schema URL is taken from this manifest");
            url = null;
        }
        return new RegistryManifest(path, url, imported, location, context.Diagnostics.ToEquatableArray());
    }

    public static bool IsSchemaUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static YamlScalarNode? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } } scalar ? scalar : null;
}

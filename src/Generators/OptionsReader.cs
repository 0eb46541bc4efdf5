using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators;

/// <summary>The options with any problems in them; bad values fall back to the defaults.</summary>
internal sealed record ReadOptions(GenerationOptions Options, EquatableArray<ConventionDiagnostic> Diagnostics);

/// <summary>Reads the MSBuild properties exposed through CompilerVisibleProperty.</summary>
internal static class OptionsReader
{
    private static readonly Regex DottedIdentifier = new("^@?[A-Za-z_][A-Za-z0-9_]*(\\.@?[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);

    public static ReadOptions Read(AnalyzerConfigOptions options)
    {
        var diagnostics = new List<ConventionDiagnostic>();
        var defaults = GenerationOptions.Default;

        var @namespace = Property(options, GenerationOptions.NamespaceProperty);
        if (@namespace is null)
        {
            @namespace = Property(options, "RootNamespace") is { } root && DottedIdentifier.IsMatch(root) ? root + ".Telemetry" : defaults.Namespace;
        }
        else if (!DottedIdentifier.IsMatch(@namespace))
        {
            diagnostics.Add(Invalid(GenerationOptions.NamespaceProperty, @namespace, "a C# namespace such as Contoso.Telemetry"));
            @namespace = defaults.Namespace;
        }

        var stableOnly = defaults.StableOnly;
        switch (Property(options, GenerationOptions.StabilityProperty)?.ToLowerInvariant())
        {
            case null:
                break;
            case "stable":
                stableOnly = true;
                break;
            case "all":
            case "development":
                stableOnly = false;
                break;
            case var other:
                diagnostics.Add(Invalid(GenerationOptions.StabilityProperty, other!, "'stable' or 'all'"));
                break;
        }

        var isPublic = defaults.Public;
        switch (Property(options, GenerationOptions.VisibilityProperty)?.ToLowerInvariant())
        {
            case null:
                break;
            case "public":
                isPublic = true;
                break;
            case "internal":
                isPublic = false;
                break;
            case var other:
                diagnostics.Add(Invalid(GenerationOptions.VisibilityProperty, other!, "'public' or 'internal'"));
                break;
        }

        var eventMethods = EventMethods.Auto;
        switch (Property(options, GenerationOptions.EventMethodsProperty)?.ToLowerInvariant())
        {
            case null:
            case "auto":
                break;
            case "log":
                eventMethods = EventMethods.Log;
                break;
            case "span_event":
            case "spanevent":
                eventMethods = EventMethods.SpanEvent;
                break;
            case "both":
                eventMethods = EventMethods.Both;
                break;
            case var other:
                diagnostics.Add(Invalid(GenerationOptions.EventMethodsProperty, other!, "'auto', 'log', 'span_event' or 'both'"));
                break;
        }

        var observableForAll = false;
        switch (Property(options, GenerationOptions.ObservableInstrumentsProperty)?.ToLowerInvariant())
        {
            case null:
            case "annotated":
                break;
            case "all":
                observableForAll = true;
                break;
            case var other:
                diagnostics.Add(Invalid(GenerationOptions.ObservableInstrumentsProperty, other!, "'annotated' or 'all'"));
                break;
        }

        return new ReadOptions(new GenerationOptions(@namespace, stableOnly, isPublic, eventMethods, observableForAll), diagnostics.ToEquatableArray());
    }

    private static string? Property(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static ConventionDiagnostic Invalid(string property, string value, string expected) =>
        ConventionDiagnostic.Create(ConventionRules.InvalidOption, SourceSpan.FileStart(""), property, value, expected);
}

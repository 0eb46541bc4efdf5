using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2005: an attribute the conventions deprecate. Dashboards and alerts move to the new name; data
/// sent under the old one stops showing up where people look.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeprecatedAttributeAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.DeprecatedAttribute,
        "Attribute is deprecated",
        "Attribute '{0}' is deprecated{1}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Warning,
        "The conventions deprecate this attribute; send the attribute it was renamed to, or stop sending it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool ShouldAnalyze(TelemetryCompilation compilation) => compilation.HasConventionFiles;

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        if (!site.IsAttribute || site.Key is null || site.KeyName is not { } key)
        {
            return;
        }
        if (compilation.Conventions.Find(key) is not { Deprecated: { } deprecation } declared || declared.Name != key)
        {
            return;
        }
        var properties = ImmutableDictionary<string, string?>.Empty;
        string detail;
        if (deprecation.RenamedTo is { Length: > 0 } renamedTo)
        {
            properties = properties.Add(PropertyNames.AttributeName, renamedTo);
            detail = $"; it was renamed to '{renamedTo}'";
        }
        else
        {
            // Notes are YAML prose over several lines; a diagnostic message is one line.
            detail = deprecation.Note is { Length: > 0 } note
                ? ": " + string.Join(" ", note.Split(new[] { ' ', '\r', '\n', '\t' }, System.StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.')
                : "";
        }
        context.ReportDiagnostic(Diagnostic.Create(Rule, site.Key.Syntax.GetLocation(), properties, key, detail));
    }
}

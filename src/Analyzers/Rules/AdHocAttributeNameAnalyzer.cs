using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Conventions.Compatibility;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2001: an attribute key that the conventions do not declare. Names drift between services one
/// ad hoc string at a time (<c>patient_id</c> here, <c>patientId</c> there); the conventions are the
/// one list of names, so an attribute that is not on it is either misspelt or missing from the YAML.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdHocAttributeNameAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.AdHocAttributeName,
        "Attribute name is not declared in the conventions",
        "Attribute '{0}' is not declared in the conventions{1}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Warning,
        "Every attribute key sent on spans, events, links and metrics should be declared in the project's semantic-convention YAML, so that names and types agree across services.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool ShouldAnalyze(TelemetryCompilation compilation) => compilation.HasConventionFiles;

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        if (!site.IsAttribute || site.Key is null || site.KeyName is not { } key)
        {
            return;
        }
        var conventions = compilation.Conventions;
        if (!conventions.HasAttributes || conventions.Find(key) is not null)
        {
            return;
        }
        // An exact name of a registry the project does not import says more than a near declared one.
        var definedIn = UnimportedRegistryNames.DefinedIn(compilation.UnimportedRegistries, key);
        var suggestion = definedIn is null ? conventions.Suggest(key) : null;
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.AttributeName, suggestion);
        var hint = definedIn
            ?? (suggestion is not null ? $"; did you mean '{suggestion}'?" : UnimportedRegistryNames.NearName(compilation.UnimportedRegistries, key) ?? "");
        context.ReportDiagnostic(Diagnostic.Create(Rule, site.Key.Syntax.GetLocation(), properties, key, hint));
    }
}

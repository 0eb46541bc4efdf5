using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC1003: a person's identifier used as a metric tag, raw or pseudonymised. Every distinct tag value
/// is a time series: one per patient is unbounded cardinality (memory, cost, dropped series), and a
/// per-person series says who was treated when even under a pseudonym. Metrics count; spans and
/// events carry who.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentifierAsMetricTagAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.IdentifierAsMetricTag,
        "Personal identifier used as a metric tag",
        "'{0}' identifies a person and is used as the {1}: one time series per person",
        RuleIds.PrivacyCategory,
        DiagnosticSeverity.Warning,
        "Metric tags must have a small, bounded set of values. An identifier of a person (even pseudonymised) gives one time series per person: unbounded cardinality and a per-person activity record. Put identifiers on spans or events instead.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool FollowsCalls => true;

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        if (!site.IsMetric || OperationTree.Unwrap(site.Value).ConstantValue.HasValue || IsFlag(site.Value))
        {
            return;
        }
        var options = compilation.OptionsFor(site.Value.Syntax.SyntaxTree);
        var declared = SiteKeys.Declared(compilation, site);
        FlowResult? evaluated = null;
        FlowResult Flow() => evaluated ??= compilation.Flow.EvaluateSite(site, options, context.CancellationToken);
        string? what = null;
        if (declared?.Privacy is { Classification: PrivacyClassification.PersonalIdentifier })
        {
            what = site.KeyName;
        }
        else if (declared is null && site.KeyName is { } key && options.IsIdentifierName(NameWords.Split(key), out var keyDomain) && !SiteKeys.IsCredentialDomain(keyDomain)
            && !IsShownToBeAbout(Flow()))
        {
            what = key;
        }
        else
        {
            var flow = Flow();
            // A pseudonym is still one value per person: as many series as people.
            what = flow.Identifier?.Origin ?? flow.Hash?.Input?.Origin ?? (flow.Sanitized ? Describe(site.Value) : null);
        }
        if (what is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, (site.ReportAt ?? site.Key ?? site.Value).Syntax.GetLocation(), what, site.Describe()));
        }
    }

    /// <summary>
    /// A value the flow shows to be about the identifier the key names, not the identifier
    /// (<c>card[^4..]</c> under <c>travel.card</c>): a few characters are a bounded set of series.
    /// </summary>
    private static bool IsShownToBeAbout(FlowResult flow) =>
        flow is { Identifier: null, Hash: null, Sanitized: false, Proven: true, Parameters.IsEmpty: true };

    /// <summary>A true or false under a key named for a person (drt.mobility_needs) is two series, not one per person.</summary>
    private static bool IsFlag(IOperation value)
    {
        var type = OperationTree.Unwrap(value).Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        return type?.SpecialType == SpecialType.System_Boolean;
    }

    private static string Describe(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}

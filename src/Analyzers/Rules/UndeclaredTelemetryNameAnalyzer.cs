using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Conventions.Resolution;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2006: a span, instrument or event created under a constant name that the conventions do not
/// declare. Only kinds the conventions declare at all are checked: a project whose YAML has no
/// metrics gets no instrument-name diagnostics.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredTelemetryNameAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.UndeclaredTelemetryName,
        "Span, instrument or event name is not declared in the conventions",
        "The {0} name '{1}' is not declared in the conventions{2}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Info,
        "Spans, metric instruments and events should be declared in the semantic-convention YAML, so that their names, attributes and units are documented and shared.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool ShouldAnalyze(TelemetryCompilation compilation) => compilation.HasConventionFiles;

    private protected override void AnalyzeName(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetryName name)
    {
        if (OperationTree.Unwrap(name.Name).ConstantValue is not { HasValue: true, Value: string text } || text.Length == 0)
        {
            return;
        }
        var conventions = compilation.Conventions;
        string kind;
        System.Collections.Generic.IEnumerable<string> candidates;
        switch (name.Kind)
        {
            case TelemetryNameKind.Span when conventions.HasSpans && !conventions.IsDeclaredSpan(text):
                kind = "span";
                candidates = conventions.SpanNames;
                break;
            case TelemetryNameKind.Instrument when conventions.HasMetrics && !conventions.IsDeclaredMetric(text):
                kind = "instrument";
                candidates = conventions.MetricNames;
                break;
            case TelemetryNameKind.Event when conventions.HasEvents && !conventions.IsDeclaredEvent(text):
                kind = "event";
                candidates = conventions.EventNames;
                break;
            default:
                return;
        }
        var closest = NameDistance.Closest(text, candidates);
        context.ReportDiagnostic(Diagnostic.Create(Rule, name.Name.Syntax.GetLocation(), kind, text, closest is null ? "" : $"; did you mean '{closest}'?"));
    }
}

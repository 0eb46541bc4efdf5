using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2003: an attribute key computed at run time (<c>$"location.{step}"</c>, <c>"location." + step</c>,
/// <c>string.Format(...)</c>). Every distinct value is a new attribute: backends index each key,
/// dashboards cannot name it, and the set has no bound. The varying part belongs in a value (or an
/// event per step) under one declared key.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DynamicAttributeKeyAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.DynamicAttributeKey,
        "Attribute key is built at run time",
        "The {0} key is built at run time ({1}): an unbounded set of attribute names",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Warning,
        "Attribute keys should be fixed names declared in the conventions; put the varying part in the value, or record an event per step.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        if (site.Key is null || site.KeyName is not null || !(site.IsAttribute || site.Kind == SinkKind.Baggage))
        {
            return;
        }
        var key = OperationTree.Unwrap(site.Key);
        var how = HowBuilt(key);
        if (how is null && key is ILocalReferenceOperation local)
        {
            // var key = $"location.{step}"; activity.SetTag(key, …)
            var writes = OperationTree.WritesOf(local.Local, OperationTree.Root(local));
            foreach (var write in writes)
            {
                how ??= HowBuilt(OperationTree.Unwrap(write));
            }
        }
        if (how is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, site.Key.Syntax.GetLocation(), site.Kind == SinkKind.Baggage ? "baggage" : "attribute", how));
        }
    }

    private static string? HowBuilt(IOperation key) => key switch
    {
        { ConstantValue.HasValue: true } => null,
        IInterpolatedStringOperation => "string interpolation",
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } => "concatenation",
        IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String, Name: "Format" or "Concat" or "Join" } } invocation => "string." + invocation.TargetMethod.Name,
        _ => null,
    };
}

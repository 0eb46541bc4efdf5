using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC3002: a generated observable instrument registered on every iteration of a loop over the same
/// meter. Each registration is a new .NET instrument whose callback runs at every collection until
/// the meter is disposed, so a loop that registers adds instruments and callbacks without end.
/// </summary>
/// <remarks>
/// The rule once reported synchronous wrappers created per call. The generated <c>Create…()</c>
/// factories of counters, histograms and gauges now return one wrapper per meter, so calling them
/// where a measurement is made is the intended use and the rule no longer looks at them. An
/// observable factory takes a callback, which no cache can merge, so only its registration in a
/// loop is reported: the one case where repetition is certain. A meter that changes per iteration
/// (one per shard or tenant) is left alone.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InstrumentPerCallAnalyzer : GeneratedApiAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.InstrumentPerCall,
        "Observable instrument registered in a loop",
        "'{0}' registers another observable instrument and callback on every iteration of the loop: register it once per Meter",
        RuleIds.UsageCategory,
        DiagnosticSeverity.Warning,
        "A generated Create…Observable…() method creates a new .NET observable instrument on each call, and its callback runs at every collection until the meter is disposed. Register it once per Meter (in a constructor, an initializer or a singleton registration), with a callback that reports every series.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, GeneratedApi api, IInvocationOperation invocation)
    {
        if (!api.IsMetricFactory(invocation.TargetMethod) || !TakesCallback(invocation.TargetMethod))
        {
            return;
        }
        var meterArgument = api.MeterArgument(invocation);
        var meter = FreshMeter(meterArgument, OperationTree.Root(invocation), depth: 0);
        if (OperationTree.EnclosingLoopBody(invocation) is { Parent: { } loop } body && !ChangesPerIteration(meterArgument, meter, loop, body))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name));
        }
    }

    /// <summary>
    /// An observable factory takes the callback that reports its measurements; the synchronous
    /// factories take only the meter, and return the meter's one wrapper.
    /// </summary>
    private static bool TakesCallback(IMethodSymbol method)
    {
        foreach (var parameter in (method.ReducedFrom ?? method).Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Delegate)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether each iteration may use another meter: one made in the body, or an expression over a
    /// variable of the loop (<c>foreach (var meter in meters)</c>, <c>shards[i].Meter</c>). One
    /// registration per meter is then what the loop makes.
    /// </summary>
    private static bool ChangesPerIteration(IOperation? meterArgument, IOperation? freshMeter, IOperation loop, IOperation body)
    {
        if (meterArgument is null || (freshMeter is not null && body.Syntax.Span.Contains(freshMeter.Syntax.Span)))
        {
            return true;
        }
        foreach (var operation in OperationTree.Descendants(meterArgument))
        {
            if (operation is ILocalReferenceOperation reference)
            {
                foreach (var declaration in reference.Local.DeclaringSyntaxReferences)
                {
                    if (declaration.SyntaxTree == loop.Syntax.SyntaxTree && loop.Syntax.Span.Contains(declaration.Span))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The creation of the meter when it is made in the same method: <c>new Meter(…)</c>, a local
    /// assigned one, or a member of a local object made here (a test's own telemetry fixture). The
    /// instrument is then created once for that meter.
    /// </summary>
    private static IOperation? FreshMeter(IOperation? meter, IOperation root, int depth)
    {
        if (meter is null || depth > 3)
        {
            return null;
        }
        switch (OperationTree.Unwrap(meter))
        {
            case IObjectCreationOperation creation:
                return creation;
            case ILocalReferenceOperation reference:
                foreach (var write in OperationTree.WritesOf(reference.Local, root))
                {
                    if (OperationTree.Unwrap(write) is IObjectCreationOperation created)
                    {
                        return created;
                    }
                }
                return null;
            case IPropertyReferenceOperation { Instance: { } owner }:
                return FreshMeter(owner, root, depth + 1);
            case IFieldReferenceOperation { Instance: { } owner }:
                return FreshMeter(owner, root, depth + 1);
            default:
                return null;
        }
    }
}

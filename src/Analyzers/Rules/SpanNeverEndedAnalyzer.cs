using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC3001: a generated span wrapper that nothing ends. The wrapper's <c>Dispose</c> is the only thing
/// that stops its activity; an activity has no finalizer, so one that is never stopped stays
/// <c>Activity.Current</c> for the rest of the flow, keeps a zero duration and never reaches the
/// exporters. Only what is certain in the method is reported: the wrapper thrown away by a
/// statement, or kept in a local that is then neither disposed nor handed to anything else.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpanNeverEndedAnalyzer : GeneratedApiAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.SpanNeverEnded,
        "Span is never ended",
        "The span started by '{0}' is never ended: it stays open until garbage collection and its duration is wrong",
        RuleIds.UsageCategory,
        DiagnosticSeverity.Warning,
        "A generated span ends when its wrapper is disposed. Start it with 'using var span = source.Start…(…)', dispose it explicitly, or hand it to code that does; otherwise the activity is never stopped, is never exported and stays the parent of later spans.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private static readonly ImmutableDictionary<string, string?> DiscardedProperties =
        ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.Discarded, "");

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, GeneratedApi api, IInvocationOperation invocation)
    {
        if (!GeneratedApi.IsSpanStart(invocation.TargetMethod, out var span))
        {
            return;
        }
        var properties = ImmutableDictionary<string, string?>.Empty;
        switch (Follow(invocation, span, out var local))
        {
            case Fate.Discarded:
                properties = DiscardedProperties;
                break;
            case Fate.Dropped:
                break;
            case Fate.Local when local is not null && !IsEndedOrHandedOn(local, span, OperationTree.Root(invocation)):
                break;
            default:
                return;
        }
        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), properties, invocation.TargetMethod.Name));
    }

    private enum Fate
    {
        /// <summary>Disposed, or declared by a using.</summary>
        Ended,

        /// <summary>Returned, stored, passed on, or used in a way the rule does not follow: someone else may end it.</summary>
        Escaped,

        /// <summary>Read (<c>IsRecording</c>) and then forgotten.</summary>
        Dropped,

        /// <summary>Thrown away by an expression statement or a discard.</summary>
        Discarded,

        /// <summary>Kept in a local, whose own uses decide.</summary>
        Local,
    }

    /// <summary>
    /// What becomes of a wrapper value. The generated setters return the same wrapper (a copy over
    /// the same activity), so <c>source.StartX(…).SetY(…)</c> is followed to the end of the chain.
    /// </summary>
    private static Fate Follow(IOperation value, INamedTypeSymbol span, out ILocalSymbol? local)
    {
        local = null;
        while (true)
        {
            switch (value.Parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    value = value.Parent;
                    break;
                case IConditionalAccessOperation access when access.WhenNotNull == value:
                    // source?.StartX(…): the wrapper as a nullable value.
                    value = access;
                    break;
                case IConditionalAccessOperation access when access.Operation == value:
                    return OperationTree.Unwrap(access.WhenNotNull) is IInvocationOperation { Instance: IConditionalAccessInstanceOperation } conditional && IsDispose(conditional.TargetMethod)
                        ? Fate.Ended
                        : Fate.Escaped;
                case IInvocationOperation call when call.Instance == value:
                    if (IsDispose(call.TargetMethod))
                    {
                        return Fate.Ended;
                    }
                    if (!IsFluent(call.TargetMethod, span))
                    {
                        return Fate.Escaped;
                    }
                    value = call;
                    break;
                case IPropertyReferenceOperation { Property.Name: "IsRecording" } property when property.Instance == value:
                    return Fate.Dropped;
                case IExpressionStatementOperation:
                    return Fate.Discarded;
                case ISimpleAssignmentOperation assignment when assignment.Value == value:
                    switch (assignment.Target)
                    {
                        case IDiscardOperation when assignment.Parent is IExpressionStatementOperation:
                            return Fate.Discarded;
                        case ILocalReferenceOperation when assignment.Parent is IUsingOperation:
                            return Fate.Ended;
                        case ILocalReferenceOperation target when assignment.Parent is IExpressionStatementOperation:
                            local = target.Local;
                            return Fate.Local;
                        default:
                            // A field, property, element or out parameter keeps it for later.
                            return Fate.Escaped;
                    }
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    if (IsUsingDeclared(declarator))
                    {
                        return Fate.Ended;
                    }
                    local = declarator.Symbol;
                    return Fate.Local;
                case IUsingOperation:
                    return Fate.Ended;
                default:
                    return Fate.Escaped;
            }
        }
    }

    /// <summary>
    /// Whether any read of the local ends the span or lets it go somewhere the rule cannot see
    /// (a return, an argument, a field, a capture by another local, <c>Activity</c>): only a local
    /// that is merely configured and read is reported.
    /// </summary>
    private static bool IsEndedOrHandedOn(ILocalSymbol local, INamedTypeSymbol span, IOperation root)
    {
        foreach (var reference in OperationTree.ReferencesOf(local, root))
        {
            if (OperationTree.IsWritten(reference))
            {
                continue;
            }
            switch (Follow(reference, span, out var target))
            {
                case Fate.Dropped or Fate.Discarded:
                    continue;
                case Fate.Local when SymbolEqualityComparer.Default.Equals(target, local):
                    // span = span.SetY(…)
                    continue;
                default:
                    return true;
            }
        }
        return false;
    }

    private static bool IsUsingDeclared(IVariableDeclaratorOperation declarator) =>
        declarator.Parent is IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group }
        && (group.Parent is IUsingDeclarationOperation || (group.Parent is IUsingOperation usingOperation && usingOperation.Resources == group));

    private static bool IsDispose(IMethodSymbol method) => method is { Name: "Dispose", Parameters.Length: 0 };

    /// <summary>
    /// The wrapper's own setters, event adders and <c>RecordException</c>: instance methods that
    /// return the wrapper. A hand-written method of another name on a partial wrapper might end the
    /// span, so it counts as handing it on.
    /// </summary>
    private static bool IsFluent(IMethodSymbol method, INamedTypeSymbol span) =>
        !method.IsStatic
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, span)
        && SymbolEqualityComparer.Default.Equals(method.ReturnType, span)
        && (method.Name.StartsWith("Set", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Add", System.StringComparison.Ordinal)
            || method.Name == "RecordException");
}

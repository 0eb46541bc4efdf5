using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC3002: a generated metric wrapper created where it is used and then dropped. The wrapper's
/// constructor creates the .NET instrument, so every call allocates a wrapper and goes through the
/// meter's instrument creation: a locked lookup in the meter's instrument cache on current .NET, a
/// new instrument announced to every listener on older System.Diagnostics.DiagnosticSource
/// versions. That is work meant to happen once per meter. Reported only where the waste is
/// certain: in a loop body, when the wrapper records once in the same expression, or when a local
/// holding it is used and dropped in an ordinary method. Code that runs once (constructors,
/// initializers, the entry point, dependency-injection factories) and a meter created in the same
/// method are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InstrumentPerCallAnalyzer : GeneratedApiAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.InstrumentPerCall,
        "Metric instrument created per call",
        "'{0}' creates a new metric instrument {1}: create it once per Meter and keep it",
        RuleIds.UsageCategory,
        DiagnosticSeverity.Warning,
        "Each call of a generated Create…() method allocates a wrapper and creates the .NET instrument again (a locked cache lookup on current .NET, a new instrument announced to every listener on older versions). Create the wrapper once per Meter (in a constructor, a field or property initializer, or a singleton registration) and keep it in a field or property.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, GeneratedApi api, IInvocationOperation invocation)
    {
        if (!api.IsMetricFactory(invocation.TargetMethod))
        {
            return;
        }
        var root = OperationTree.Root(invocation);
        var fate = Follow(invocation, out var local);
        var uses = 0;
        var dropped = fate switch
        {
            Fate.Used or Fate.Discarded => true,
            Fate.Local => local is not null && IsUsedAndDropped(local, invocation, root, out uses),
            _ => false,
        };
        if (!dropped)
        {
            return;
        }
        var meterArgument = api.MeterArgument(invocation);
        var meter = FreshMeter(meterArgument, root, depth: 0);
        string? how = null;
        if (OperationTree.EnclosingLoopBody(invocation) is { Parent: { } loop } body && !ChangesPerIteration(meterArgument, meter, loop, body))
        {
            how = "on every iteration of the loop";
        }
        else if ((fate == Fate.Used || uses > 0) && meter is null && !RunsOnce(invocation, context.ContainingSymbol))
        {
            // Outside loops a discarded or never-read wrapper is pointless but not repeated work the
            // rule can be sure of; a wrapper that records and is dropped is.
            how = fate == Fate.Used ? "for a single use" : "on every call and drops it";
        }
        if (how is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name, how));
        }
    }

    private enum Fate
    {
        /// <summary>Stored, returned, passed on, or used in a way the rule does not follow.</summary>
        Kept,

        /// <summary>Records once in the same expression: <c>meter.CreateXCounter().Add(1)</c>.</summary>
        Used,

        /// <summary>Thrown away by an expression statement or a discard.</summary>
        Discarded,

        /// <summary>Held in a local, whose own uses decide.</summary>
        Local,
    }

    /// <summary>
    /// What becomes of a wrapper. Recording methods return nothing, so a void call on the wrapper
    /// (or on its <c>Instrument</c>) ends its use; anything that yields a value might keep it.
    /// </summary>
    private static Fate Follow(IOperation value, out ILocalSymbol? local)
    {
        local = null;
        var member = false;
        while (true)
        {
            switch (value.Parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    value = value.Parent;
                    break;
                case IPropertyReferenceOperation property when property.Instance == value:
                    // .Instrument: the underlying instrument, which could itself be kept.
                    value = property;
                    member = true;
                    break;
                case IInvocationOperation call when call.Instance == value:
                    return call.TargetMethod.ReturnsVoid ? Fate.Used : Fate.Kept;
                case IExpressionStatementOperation:
                    return Fate.Discarded;
                case ISimpleAssignmentOperation assignment when assignment.Value == value && assignment.Parent is IExpressionStatementOperation:
                    switch (assignment.Target)
                    {
                        case IDiscardOperation:
                            return Fate.Discarded;
                        case ILocalReferenceOperation target when !member:
                            local = target.Local;
                            return Fate.Local;
                        default:
                            return Fate.Kept;
                    }
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when !member:
                    local = declarator.Symbol;
                    return Fate.Local;
                default:
                    return Fate.Kept;
            }
        }
    }

    /// <summary>
    /// Whether every read of the local records through it, in the function that created it. A read
    /// that passes it on, returns it, stores it or copies it, or one inside another lambda or local
    /// function (which may outlive the call), keeps it.
    /// </summary>
    private static bool IsUsedAndDropped(ILocalSymbol local, IOperation creation, IOperation root, out int uses)
    {
        uses = 0;
        var function = OperationTree.EnclosingFunction(creation);
        foreach (var reference in OperationTree.ReferencesOf(local, root))
        {
            if (OperationTree.IsWritten(reference))
            {
                continue;
            }
            if (OperationTree.EnclosingFunction(reference) != function || Follow(reference, out _) != Fate.Used)
            {
                return false;
            }
            uses++;
        }
        return true;
    }

    /// <summary>
    /// Whether each iteration may use another meter: one made in the body, or an expression over a
    /// variable of the loop (<c>foreach (var meter in meters)</c>, <c>shards[i].Meter</c>). One
    /// instrument per meter is then what the loop makes, and only the per-call checks apply.
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

    /// <summary>
    /// Code that runs once per object or per process, where creating the wrapper and using it on the
    /// spot is still once per meter: constructors, field and property initializers, the entry point,
    /// and factories that receive an <see cref="System.IServiceProvider"/> (dependency-injection
    /// registrations).
    /// </summary>
    private static bool RunsOnce(IOperation operation, ISymbol containingSymbol)
    {
        switch (OperationTree.EnclosingFunction(operation))
        {
            case IAnonymousFunctionOperation lambda:
                return TakesServiceProvider(lambda.Symbol);
            case ILocalFunctionOperation function:
                return TakesServiceProvider(function.Symbol);
        }
        if (OperationTree.Root(operation) is IFieldInitializerOperation or IPropertyInitializerOperation)
        {
            return true;
        }
        return containingSymbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => true,
            IMethodSymbol { IsStatic: true, Name: "Main" or WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => true,
            IMethodSymbol method => TakesServiceProvider(method),
            IFieldSymbol or IPropertySymbol => true,
            _ => false,
        };
    }

    private static bool TakesServiceProvider(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is { Name: "IServiceProvider", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }
        return false;
    }
}

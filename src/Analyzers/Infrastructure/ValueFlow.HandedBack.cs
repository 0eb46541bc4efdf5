using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: exceptions a framework hands back to the source (an exception handler's
// parameter, a filter context's Exception, a catch around the pipeline's next delegate) and exceptions
// matched by type. What they say is what the source throws of that type.
internal sealed partial class ValueFlow
{
    /// <summary>An exception the source throws whose message carries an identifier.</summary>
    private sealed class ThrownIdentifier
    {
        public ThrownIdentifier(ITypeSymbol? type, IdentifierFinding identifier, bool reachesHost)
        {
            Type = type;
            Identifier = identifier;
            ReachesHost = reachesHost;
        }

        public ITypeSymbol? Type { get; }

        public IdentifierFinding Identifier { get; }

        /// <summary>No catch of the source takes it: the framework's handlers, filters and callbacks see it.</summary>
        public bool ReachesHost { get; }
    }

    private IReadOnlyList<ThrownIdentifier>? _thrownIdentifiers;

    [ThreadStatic]
    private static bool s_listingThrown;

    /// <summary>
    /// The identifiers that exceptions of <paramref name="type"/> (or of a type derived from it) carry
    /// where the source throws them; with <paramref name="reachingHost"/>, only those no catch of the
    /// source takes, which are the ones a framework hands to its handlers.
    /// </summary>
    /// <param name="caught">For a catch clause, what the clauses before it take first.</param>
    private FlowResult ThrownAs(ITypeSymbol? type, bool reachingHost, IOperation target, CancellationToken cancellationToken, CaughtTypes? caught = null)
    {
        if (type is null)
        {
            return FlowResult.Unknown;
        }
        if (s_listingThrown)
        {
            // Asked while the list is being made: a throw whose message is itself a handed-back exception's.
            return FlowResult.Unknown;
        }
        var handledAbove = HandledAbove(target);
        foreach (var thrown in ThrownIdentifiers(cancellationToken))
        {
            if ((thrown.ReachesHost || !reachingHost) && ExceptionTypes.CanBeCaughtAs(thrown.Type, type)
                && !handledAbove.Any(handled => ExceptionTypes.IsOrDerivesFrom(thrown.Type, handled)) && (caught is null || caught.Takes(thrown.Type)))
            {
                var origin = $"{Describe(target)} (the source throws {thrown.Type?.Name ?? "an exception"} with {thrown.Identifier.Origin})";
                return new FlowResult(new IdentifierFinding(origin, thrown.Identifier.Domain, target), null, proven: false);
            }
        }
        return FlowResult.Unknown;
    }

    /// <summary>
    /// The exception types that earlier branches took when <paramref name="reference"/> is in the
    /// branch that is left (<c>default:</c>, <c>_ =></c>, the <c>else</c> of <c>if (ex is T t)</c>):
    /// a handler's last branch sees only the exceptions its other branches did not match.
    /// </summary>
    private static List<ITypeSymbol> HandledAbove(IOperation reference)
    {
        var handled = new List<ITypeSymbol>();
        var symbol = ReferencedSymbol(OperationTree.Unwrap(reference));
        if (symbol is null)
        {
            return handled;
        }
        IOperation child = reference;
        for (var parent = reference.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ISwitchCaseOperation { Parent: ISwitchOperation statement } section
                    when section.Clauses.Any(c => c is IDefaultCaseClauseOperation) && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(statement.Value)), symbol):
                    foreach (var other in statement.Cases)
                    {
                        foreach (var clause in other.Clauses.OfType<IPatternCaseClauseOperation>())
                        {
                            // case T t when …: only some of the T are taken.
                            if (clause.Guard is null)
                            {
                                AddMatched(clause.Pattern, handled);
                            }
                        }
                    }
                    break;
                case ISwitchExpressionArmOperation { Pattern: IDiscardPatternOperation } arm when arm.Parent is ISwitchExpressionOperation expression
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(expression.Value)), symbol):
                    foreach (var other in expression.Arms)
                    {
                        if (other.Guard is null)
                        {
                            AddMatched(other.Pattern, handled);
                        }
                    }
                    break;
                case IConditionalOperation { Condition: IIsPatternOperation test } conditional when conditional.WhenFalse == child
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(test.Value)), symbol):
                    AddMatched(test.Pattern, handled);
                    break;
                case IConditionalOperation { Condition: IIsTypeOperation typeTest } conditional when conditional.WhenFalse == child
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(typeTest.ValueOperand)), symbol):
                    handled.Add(typeTest.TypeOperand);
                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return handled;
            }
        }
        return handled;
    }

    private static void AddMatched(IPatternOperation pattern, List<ITypeSymbol> handled)
    {
        var matched = pattern switch
        {
            IDeclarationPatternOperation { MatchedType: { } type } => type,
            ITypePatternOperation { MatchedType: { } type } => type,
            IRecursivePatternOperation { MatchedType: { } type, PropertySubpatterns.Length: 0, DeconstructionSubpatterns.Length: 0 } => type,
            _ => null,
        };
        if (matched is not null)
        {
            handled.Add(matched);
        }
    }

    private IReadOnlyList<ThrownIdentifier> ThrownIdentifiers(CancellationToken cancellationToken)
    {
        if (_thrownIdentifiers is { } known)
        {
            return known;
        }
        var found = new List<ThrownIdentifier>();
        s_listingThrown = true;
        try
        {
            foreach (var thrown in _index.ThrownExceptions(cancellationToken))
            {
                var message = Evaluate(thrown, _optionsFor(thrown.Syntax.SyntaxTree), cancellationToken);
                if (message.Identifier is { } identifier)
                {
                    var type = OperationTree.Unwrap(thrown).Type;
                    found.Add(new ThrownIdentifier(type, identifier, ReachesHost(thrown, IsException(type) ? type : null, MaxEscapeCallers, cancellationToken)));
                }
            }
        }
        finally
        {
            s_listingThrown = false;
        }
        return Interlocked.CompareExchange(ref _thrownIdentifiers, found, null) ?? found;
    }

    /// <summary>
    /// An exception the source does not create or catch itself but is handed by a framework: a
    /// property of a framework's context (<c>context.Exception</c>, <c>feature.Error</c>) that the source
    /// never writes, or a parameter of a handler no source code calls (<c>IExceptionHandler</c>, an
    /// <c>EnrichWithException</c> callback).
    /// </summary>
    private bool IsHandedBack(IOperation exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case IPropertyReferenceOperation { Property: var property, Instance: { } instance } when !IsException(instance.Type):
                return property.DeclaringSyntaxReferences.IsEmpty || _index.WritesOf(property, cancellationToken).Count == 0;
            case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol method }:
                return IsCalledByFramework(method, cancellationToken);
            default:
                return false;
        }
    }

    private bool IsCalledByFramework(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            // A callback: options.EnrichWithException = (activity, exception) => …
            return true;
        }
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }
        // Handed to a framework as a method group (app.UseExceptionHandler(Handle)), an override or an
        // implementation of a framework's member, or never called: the framework calls it.
        foreach (var calledAs in CalledAs(method.OriginalDefinition))
        {
            if (_index.ReferencesOf(calledAs, cancellationToken).Any(reference => reference is IInvocationOperation))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A local a type pattern declares (<c>case PatientNotFoundException notFound:</c>,
    /// <c>error.Exception is ProfileLockedException locked</c>): what the source throws of that type.
    /// </summary>
    /// <returns>Null when neither the type nor what was matched says more than the local's writes do.</returns>
    private FlowResult? MatchedException(ILocalSymbol local, IOperation reference, Frame frame, int depth)
    {
        var type = local.Type;
        var byType = FlowResult.Combine(TypeMessage(type, frame, depth), ThrownAs(type, reachingHost: false, reference, frame.CancellationToken));
        if (!type.DeclaringSyntaxReferences.IsEmpty)
        {
            return Rewrapped(byType, reference);
        }
        // A framework's type (InvalidOperationException conflict): narrowed from what was matched.
        foreach (var (input, _) in LocalWrites(local, OperationTree.Root(reference)))
        {
            var matched = OperationTree.Unwrap(input);
            if (matched is ILocalReferenceOperation caughtLocal && IsCaught(caughtLocal, frame.CancellationToken, out var tryBlock))
            {
                return Rewrapped(FlowResult.Combine(MayThrow(tryBlock, CaughtTypes.Of(type), frame, depth, MaxThrowingCalls), TypeMessage(type, frame, depth)), reference);
            }
            if (IsHandedBack(matched, frame.CancellationToken))
            {
                return ThrownAs(type, reachingHost: true, reference, frame.CancellationToken);
            }
        }
        return null;
    }

    private static bool IsDeclaredByPattern(ILocalSymbol local, CancellationToken cancellationToken) =>
        local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is SingleVariableDesignationSyntax { Parent: DeclarationPatternSyntax or RecursivePatternSyntax };

    /// <summary>Whether a call runs the rest of a framework's pipeline (<c>await next(context)</c>): everything the handlers after it throw comes back through it.</summary>
    private static bool CallsPipeline(IInvocationOperation invocation) =>
        invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke
        && OperationTree.Unwrap(invocation.Instance!) is IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation;
}

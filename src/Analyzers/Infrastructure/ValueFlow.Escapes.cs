using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: whether an exception thrown in the source leaves it for the host, which
// logs it with its message and records it on the request's span.
internal sealed partial class ValueFlow
{
    /// <summary>How many callers up an uncaught exception is followed before it is taken to reach the host.</summary>
    private const int MaxEscapeCallers = 3;

    private readonly ConcurrentDictionary<(IMethodSymbol Method, ITypeSymbol? Thrown, int Callers), bool> _escapes = new();

    [ThreadStatic]
    private static HashSet<IMethodSymbol>? s_escapesUnderWay;

    /// <summary>A thrown exception's message, judged only when the exception reaches the host.</summary>
    private FlowResult EvaluateThrown(TelemetrySite site, TelemetryOptions options, CancellationToken cancellationToken)
    {
        var result = Evaluate(site.Value, options, cancellationToken);
        if (result.Identifier is null && result.Hash is null)
        {
            return result;
        }
        // At a throw the exception's own type decides which catches take it; at the call of a helper
        // that throws, any catch around the call is taken to handle it.
        var type = OperationTree.Unwrap(site.Value).Type;
        return ReachesHost(site.Value, IsException(type) ? type : null, MaxEscapeCallers, cancellationToken) ? result : FlowResult.Safe;
    }

    /// <summary>
    /// Whether an exception raised at <paramref name="raised"/> (a throw, or the call of a method that
    /// throws it) reaches the host: no <c>try</c> of the method catches it, and the method is called by
    /// a framework (no call in the source, an override or an implementation, a method group handed on)
    /// or by a caller that does not catch it either, a few callers up.
    /// </summary>
    private bool ReachesHost(IOperation raised, ITypeSymbol? thrown, int callers, CancellationToken cancellationToken)
    {
        if (TelemetrySinks.IsCaughtWhereRaised(raised, thrown, out var deferred))
        {
            return false;
        }
        return deferred
            || _index.ContainingMethod(raised.Syntax, cancellationToken) is not { } method
            || Escapes(method, thrown, callers, cancellationToken);
    }

    private bool Escapes(IMethodSymbol method, ITypeSymbol? thrown, int callers, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (callers <= 0 || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction))
        {
            // A constructor, an accessor or an operator is called in ways a name search does not find.
            return true;
        }
        var key = (method, thrown, callers);
        if (_escapes.TryGetValue(key, out var known))
        {
            return known;
        }
        // A recursive method is answered "caught" while it is being asked about: its other callers decide.
        var underWay = s_escapesUnderWay ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!underWay.Add(method))
        {
            return false;
        }
        try
        {
            var called = false;
            var escapes = false;
            foreach (var name in CalledAs(method))
            {
                foreach (var reference in _index.ReferencesOf(name, cancellationToken))
                {
                    called = true;
                    if (reference is IMethodReferenceOperation || ReachesHost(reference, thrown, callers - 1, cancellationToken))
                    {
                        escapes = true;
                        break;
                    }
                }
                if (escapes)
                {
                    break;
                }
            }
            // Never called in the source: a framework calls it (an action, a consumer, a job).
            return _escapes.GetOrAdd(key, escapes || !called);
        }
        finally
        {
            underWay.Remove(method);
        }
    }

    /// <summary>The methods a call of <paramref name="method"/> may be written as: itself, what it overrides, the interface members it implements.</summary>
    private static IEnumerable<IMethodSymbol> CalledAs(IMethodSymbol method)
    {
        yield return method;
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden.OriginalDefinition;
        }
        if (method.ContainingType is not { } type || method.MethodKind == MethodKind.LocalFunction)
        {
            yield break;
        }
        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, method))
                {
                    yield return candidate.OriginalDefinition;
                }
            }
        }
    }
}

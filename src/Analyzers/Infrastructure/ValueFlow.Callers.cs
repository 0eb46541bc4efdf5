using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a helper's own line, when what it sends is only what it is handed. Its
// callers are told where they hand it an identifier; the helper's line sends that identifier on those
// calls too, so it is told as well, naming a caller.
internal sealed partial class ValueFlow
{
    /// <summary>How many calls of a helper are looked at for one that hands it an identifier.</summary>
    private const int MaxCallersLookedAt = 16;

    /// <summary>
    /// For a value that depends on its method's parameters and holds no identifier of its own: the
    /// first identifier a source call of that method hands to one of those parameters, or null.
    /// Only ordinary methods and local functions are asked about: a lambda's caller is a framework.
    /// </summary>
    public IdentifierFinding? HandedByACaller(FlowResult flow, IOperation sinkValue, TelemetryOptions options, CancellationToken cancellationToken)
    {
        if (flow.Identifier is not null || flow.Hash is not null || flow.Sanitized || flow.Parameters.IsEmpty)
        {
            return null;
        }
        foreach (var parameter in flow.Parameters)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method
                || method.DeclaringSyntaxReferences.IsEmpty || IsGenerated(method))
            {
                continue;
            }
            foreach (var (call, argument) in ArgumentsHandedTo(parameter, cancellationToken))
            {
                var handed = Evaluate(argument, options, cancellationToken);
                if (handed.Identifier is { } identifier && !handed.Sanitized)
                {
                    var where = call.Syntax.GetLocation().GetLineSpan();
                    return new IdentifierFinding(
                        $"{parameter.Name} (given {identifier.Origin} by the call at line {where.StartLinePosition.Line + 1} of {System.IO.Path.GetFileName(where.Path)})",
                        identifier.Domain,
                        sinkValue);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The arguments the source's calls of a method (the first <see cref="MaxCallersLookedAt"/>) give
    /// one of its parameters, written out: a default value is no argument.
    /// </summary>
    private IEnumerable<(IInvocationOperation Call, IOperation Argument)> ArgumentsHandedTo(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            yield break;
        }
        // Calls through the interface member it implements or the method it overrides reach it too: a
        // decorator's or repository's method is called as the interface's.
        foreach (var reference in CalledAs(method.OriginalDefinition).SelectMany(calledAs => _index.ReferencesOf(calledAs, cancellationToken)).Take(MaxCallersLookedAt))
        {
            if (reference is IInvocationOperation call
                && call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal && a.ArgumentKind != ArgumentKind.DefaultValue) is { } argument)
            {
                yield return (call, argument.Value);
            }
        }
    }
}

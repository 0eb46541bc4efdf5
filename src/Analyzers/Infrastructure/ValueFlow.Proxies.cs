using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: the arguments a dispatch proxy is handed.
internal sealed partial class ValueFlow
{
    /// <summary>How many calls through a proxied interface are read for the arguments they pass.</summary>
    private const int MaxProxiedCalls = 32;

    /// <summary>
    /// The <c>args</c> of a <c>DispatchProxy.Invoke</c> override: the arguments of every call made through
    /// the interfaces the source creates the proxy for (<c>Create&lt;IPatientRecords, AuditProxy&gt;()</c>),
    /// and what those interfaces' parameters are named for. A generic proxy over any <c>T</c> that the
    /// source never makes for a named interface is judged by nothing: what it sends depends on where it
    /// is registered. Null for any other parameter.
    /// </summary>
    private FlowResult? ProxiedArguments(IParameterReferenceOperation reference, Frame frame, int depth)
    {
        if (reference.Parameter is not { Ordinal: 1, ContainingSymbol: IMethodSymbol { Name: "Invoke", IsOverride: true } invoke } || !OverridesDispatchProxy(invoke))
        {
            return null;
        }
        var proxy = invoke.ContainingType.OriginalDefinition;
        var result = FlowResult.Unknown;
        var found = false;
        var calls = 0;
        foreach (var create in invoke.OverriddenMethod!.ContainingType.GetMembers("Create").OfType<IMethodSymbol>().Where(m => m.TypeParameters.Length == 2))
        {
            foreach (var creation in _index.ReferencesOf(create, frame.CancellationToken).OfType<IInvocationOperation>())
            {
                if (creation.TargetMethod.TypeArguments is not [INamedTypeSymbol { TypeKind: TypeKind.Interface } proxied, var made]
                    || !SymbolEqualityComparer.Default.Equals(made.OriginalDefinition, proxy))
                {
                    continue;
                }
                foreach (var method in proxied.GetMembers().OfType<IMethodSymbol>())
                {
                    // Its parameters' names say what every call hands it (IPatientRecords.FindAsync(string nhsNumber)).
                    foreach (var parameter in method.Parameters)
                    {
                        if (!found && CarriesIdentifier(parameter.Type) && IsIdentifierSymbol(parameter, frame.Options, out var domain))
                        {
                            result = FlowResult.Combine(result, Found(reference, domain, $"{reference.Parameter.Name} (the {parameter.Name} of {proxied.Name}.{method.Name}, proxied)"));
                            found = true;
                        }
                    }
                    foreach (var call in _index.ReferencesOf(method.OriginalDefinition, frame.CancellationToken).OfType<IInvocationOperation>())
                    {
                        if (++calls > MaxProxiedCalls)
                        {
                            return Rewrapped(result, reference);
                        }
                        foreach (var argument in call.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue))
                        {
                            result = FlowResult.Combine(result, Evaluate(argument.Value, frame, depth + 1).WithoutParameters());
                        }
                    }
                }
            }
        }
        return Rewrapped(result, reference);
    }

    private static bool OverridesDispatchProxy(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (overridden.ContainingType is { Name: "DispatchProxy", ContainingNamespace: { Name: "Reflection", ContainingNamespace.Name: "System" } })
            {
                return true;
            }
        }
        return false;
    }
}

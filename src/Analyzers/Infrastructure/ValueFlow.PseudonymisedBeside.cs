using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a value the same method pseudonymises elsewhere is the person's.
internal sealed partial class ValueFlow
{
    /// <summary>The values each method body hands a sanitizer, with the domain it pseudonymises them in.</summary>
    private readonly ConcurrentDictionary<IOperation, ImmutableArray<(IOperation Value, string Domain)>> _pseudonymisedIn = new();

    /// <summary>
    /// A value the method hands a pseudonymiser at one place, sent raw at another:
    /// <c>span.SetMeterId(pseudonymizer.PseudonymizeMeterId(result.Message.Key))</c> beside
    /// <c>SetTag("messaging.kafka.message.key", result.Message.Key)</c>. Its name may say nothing
    /// (a message key, a session id, a subject), but the code itself treats it as a person's. Not when one
    /// of those places is on another branch of a choice than the raw one: there the code decided.
    /// </summary>
    private FlowResult? PseudonymisedBeside(IOperation operation, Frame frame)
    {
        if (!IsReadChain(operation))
        {
            return null;
        }
        string? pseudonymisedIn = null;
        foreach (var (value, domain) in _pseudonymisedIn.GetOrAdd(OperationTree.Root(operation), root => SanitizedValues(root, frame)))
        {
            if (!SameRead(value, operation))
            {
                continue;
            }
            if (OnOtherBranch(value, operation))
            {
                // personal ? Pseudonymize(raw) : raw: the code chose where it is a person's.
                return null;
            }
            pseudonymisedIn ??= domain;
        }
        return pseudonymisedIn is null ? null : Found(operation, pseudonymisedIn, $"{Describe(operation)} (pseudonymised elsewhere in this method)");
    }

    /// <summary>
    /// Whether two operations sit on different branches of one choice (<c>personal ? Pseudonymize(raw) : raw</c>,
    /// an <c>if</c> and its <c>else</c>, two arms of a <c>switch</c>): the code chose to pseudonymise on one only.
    /// </summary>
    private static bool OnOtherBranch(IOperation left, IOperation right)
    {
        var leftPath = new Dictionary<IOperation, IOperation>();
        for (IOperation? child = left, parent = left.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            leftPath[parent] = child;
        }
        for (IOperation? child = right, parent = right.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (!leftPath.TryGetValue(parent, out var leftChild))
            {
                continue;
            }
            if (ReferenceEquals(leftChild, child))
            {
                return false;
            }
            return parent switch
            {
                IConditionalOperation choice => !ReferenceEquals(leftChild, choice.Condition) && !ReferenceEquals(child, choice.Condition),
                ISwitchExpressionOperation or ISwitchOperation => true,
                _ => false,
            };
        }
        return false;
    }

    private ImmutableArray<(IOperation Value, string Domain)> SanitizedValues(IOperation root, Frame frame)
    {
        var values = ImmutableArray.CreateBuilder<(IOperation, string)>();
        foreach (var call in OperationTree.Descendants(root).OfType<IInvocationOperation>())
        {
            if (!IsSanitizerMethod(call.TargetMethod, frame.Options))
            {
                continue;
            }
            var domain = SanitizerDomain(call);
            foreach (var argument in call.Arguments)
            {
                if (NamesTheSpace(argument))
                {
                    // Compute(pseudonymised.Domain, raw): the domain says where the value is pseudonymised, it is not the value.
                    continue;
                }
                var value = OperationTree.Unwrap(argument.Value);
                if (value is IInvocationOperation reshaped && UnaryInput(reshaped) is { } input)
                {
                    // pseudonymizer.Pseudonymize("player", id.ToString()): id is what is pseudonymised.
                    value = OperationTree.Unwrap(input);
                }
                if (IsReadChain(value))
                {
                    values.Add((value, domain));
                }
                else if (ElementsOf(value) is { } elements && IsReadChain(elements))
                {
                    // ticket.Roster.Select(p => pseudonymizer.Compute(p.ToString())): the roster's elements are
                    // what is pseudonymised, so the roster sent raw elsewhere is theirs.
                    values.Add((elements, domain));
                }
            }
        }
        return values.ToImmutable();
    }

    /// <summary>The collection a LINQ lambda's parameter stands for an element of: <c>ticket.Roster</c> for <c>p</c> in <c>ticket.Roster.Select(p => …)</c>.</summary>
    private static IOperation? ElementsOf(IOperation value)
    {
        if (value is not IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } owner })
        {
            return null;
        }
        var lambda = value.Parent;
        while (lambda is not null && !(lambda is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, owner)))
        {
            lambda = lambda.Parent;
        }
        return lambda?.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.ContainingType.Name: "Enumerable" } query } }
            ? ReceiverOf(query)
            : null;
    }

    /// <summary>An argument that names the identifier space or carries the key, not the value pseudonymised.</summary>
    private static bool NamesTheSpace(IArgumentOperation argument) =>
        argument.Parameter is { Name: var name }
        && (name.IndexOf("domain", System.StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("space", System.StringComparison.OrdinalIgnoreCase) >= 0
            || name is "salt" or "secret" or "keyId" or "purpose");

    /// <summary>The domain a pseudonymiser call names: the generated helper's, or a literal first argument.</summary>
    private static string SanitizerDomain(IInvocationOperation call)
    {
        var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
        var space = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "IdentifierSpaceAttribute");
        if (space is { ConstructorArguments.Length: 2 } && space.ConstructorArguments[1].Value is string spaceDomain)
        {
            return spaceDomain;
        }
        return call.Arguments.FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_String && a.Value.ConstantValue.Value is string)
            ?.Value.ConstantValue.Value as string ?? "pseudonymised";
    }

    /// <summary>
    /// A local, or a chain of fields and properties read from a local, a parameter or <c>this</c>
    /// (<c>result.Message.Key</c>, <c>_moderator</c>): a value that two places of a method can be seen to read alike.
    /// </summary>
    private static bool IsReadChain(IOperation operation)
    {
        for (var current = operation; ;)
        {
            switch (current)
            {
                case ILocalReferenceOperation:
                    return true;
                case IParameterReferenceOperation or IInstanceReferenceOperation:
                    // A bare parameter is left to its name: a helper may pseudonymise it on one branch and
                    // send it as it is on another, by design.
                    return current != operation;
                case IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: { } instance }:
                    current = OperationTree.Unwrap(instance);
                    break;
                case IFieldReferenceOperation { Instance: { } instance }:
                    current = OperationTree.Unwrap(instance);
                    break;
                case IFieldReferenceOperation { Field.IsStatic: true }:
                    return current != operation || !((IFieldReferenceOperation)current).Field.IsConst;
                default:
                    return false;
            }
        }
    }

    private static bool SameRead(IOperation left, IOperation right)
    {
        left = OperationTree.Unwrap(left);
        right = OperationTree.Unwrap(right);
        return (left, right) switch
        {
            (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
            (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
            (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
            (IPropertyReferenceOperation a, IPropertyReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Property, b.Property) && SameRead(a.Instance!, b.Instance!),
            (IFieldReferenceOperation { Instance: null } a, IFieldReferenceOperation { Instance: null } b) => SymbolEqualityComparer.Default.Equals(a.Field, b.Field),
            (IFieldReferenceOperation { Instance: { } ia } a, IFieldReferenceOperation { Instance: { } ib } b) => SymbolEqualityComparer.Default.Equals(a.Field, b.Field) && SameRead(ia, ib),
            _ => false,
        };
    }
}

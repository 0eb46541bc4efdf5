using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: helpers that send a member of what they are given (Trace(request) where
// the helper tags command.AccountNumber), judged at each call by what the caller hands over.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// The members of the method's own parameters that a sink's value is, or is built from:
    /// <c>command.AccountNumber</c>, <c>$"late {visit.PatientId}"</c>.
    /// </summary>
    private static IEnumerable<(IParameterSymbol Parameter, ISymbol Member)> ParameterMembersSent(IOperation value, IMethodSymbol method)
    {
        // Most values sent are a single read, not text built from pieces: judged without the walk.
        var unwrapped = OperationTree.Unwrap(value);
        if (unwrapped is not (IInterpolatedStringOperation or IBinaryOperation or IInvocationOperation { TargetMethod.Name: "ToString" }))
        {
            if (MemberOfParameter(unwrapped, method) is { } single)
            {
                yield return single;
            }
            yield break;
        }
        foreach (var part in TextParts(value))
        {
            if (MemberOfParameter(part, method) is { } sent)
            {
                yield return sent;
            }
        }
    }

    /// <summary><c>command.AccountNumber</c> where <c>command</c> is a parameter of <paramref name="method"/>.</summary>
    private static (IParameterSymbol Parameter, ISymbol Member)? MemberOfParameter(IOperation part, IMethodSymbol method) =>
        part is IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } read && !read.Member.IsStatic
        && read.Instance is { } instance && OperationTree.Unwrap(instance) is IParameterReferenceOperation owner
        && SymbolEqualityComparer.Default.Equals(owner.Parameter.ContainingSymbol.OriginalDefinition, method)
        && CarriesIdentifier(read.Type)
            ? (owner.Parameter.OriginalDefinition, read.Member.OriginalDefinition)
            : null;

    /// <summary>A value and, when it is text built from pieces (interpolation, concatenation, <c>ToString()</c>), the pieces.</summary>
    private static IEnumerable<IOperation> TextParts(IOperation value)
    {
        var pending = new Stack<IOperation>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            var operation = OperationTree.Unwrap(pending.Pop());
            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var hole in interpolated.Parts.OfType<IInterpolationOperation>())
                    {
                        pending.Push(hole.Expression);
                    }
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    pending.Push(concatenation.LeftOperand);
                    pending.Push(concatenation.RightOperand);
                    break;
                case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } printed, Arguments.Length: 0 }:
                    pending.Push(printed);
                    break;
                default:
                    yield return operation;
                    break;
            }
        }
    }

    /// <summary>
    /// At a call of a helper that sends members of a parameter: one site per argument, judged by
    /// those members (grouped, so that a helper sending three members of its argument reports once).
    /// </summary>
    private static void AddSitesOfSentMembers(IInvocationOperation invocation, ImmutableArray<ForwardedSink> forwarded, List<TelemetrySite> sites)
    {
        foreach (var group in forwarded.Where(s => s.Member is not null).GroupBy(s => (s.Parameter, s.Kind)))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter
                    || !SymbolEqualityComparer.Default.Equals(parameter.OriginalDefinition, group.Key.Parameter))
                {
                    continue;
                }
                sites.Add(new TelemetrySite(group.Key.Kind, null, argument.Value, group.First().KeyName)
                {
                    SentMembers = group.Select(s => s.Member!).Distinct<ISymbol>(SymbolEqualityComparer.Default).ToImmutableArray(),
                });
            }
        }
    }

    /// <summary>What the members a helper sends hold in the argument this call hands it.</summary>
    private FlowResult SentMembersOf(TelemetrySite site, TelemetryOptions options, CancellationToken cancellationToken)
    {
        var frame = new Frame(options, new HashSet<object>(), cancellationToken);
        FlowResult? result = null;
        foreach (var member in site.SentMembers)
        {
            var held = MemberOfArgument(site.Value, member, frame, 0);
            result = result is null ? held : FlowResult.Combine(result, held);
        }
        return result ?? FlowResult.Unknown;
    }

    /// <summary>
    /// A member of what a caller hands a helper: what the caller's creation of it put there when it is
    /// built in sight (<c>Raise(new MissedDose(dose.HospitalNumber, …))</c>), otherwise what the member
    /// of the argument's type is named for (<c>Trace(request)</c> and <c>SwitchTariff.AccountNumber</c>).
    /// </summary>
    private FlowResult MemberOfArgument(IOperation argument, ISymbol member, Frame frame, int depth)
    {
        var operation = OperationTree.Unwrap(argument);
        if (operation is ILocalReferenceOperation local && LocalWrites(local.Local, OperationTree.Root(local)) is { Count: 1 } writes
            && writes[0].Element < 0 && writes[0].Value is not IArgumentOperation && OperationTree.Unwrap(writes[0].Value) is IObjectCreationOperation madeHere)
        {
            operation = madeHere;
        }
        var resolved = MemberOn(operation.Type, member) ?? member;
        if (operation is IWithOperation copy)
        {
            // request with { AccountNumber = pseudonym }: what the copy sets, else what the original held.
            var replaced = copy.Initializer.Initializers.OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(i => i.Target is IMemberReferenceOperation target && target.Member.Name == resolved.Name)?.Value;
            return replaced is not null ? Evaluate(replaced, frame, depth + 1).WithoutParameters() : MemberOfArgument(copy.Operand, member, frame, depth + 1);
        }
        if (operation is IObjectCreationOperation creation && GivenAtCreation(creation, resolved) is { } given)
        {
            return Evaluate(given, frame, depth + 1).WithoutParameters();
        }
        if (depth < MaxCopyChain && ComputedFrom(resolved, frame.CancellationToken) is { } underlying)
        {
            // public string Subject => HospitalNumber: the member it returns, of the same argument.
            return MemberOfArgument(argument, underlying, frame, depth + 1);
        }
        if (!CarriesIdentifier(TypeOf(resolved)))
        {
            return FlowResult.Unknown;
        }
        if (IsIdentifierSymbol(resolved, frame.Options, out var domain) && !HoldsOnlyPseudonyms(resolved, frame, depth + 1))
        {
            return Found(argument, domain, $"{Describe(argument)}.{resolved.Name}");
        }
        // vehicle.Plate, student.Id: an identity word on its own is the owner's, when the owner's type says whose.
        var words = NameWords.Split(resolved.Name);
        if (words.Count > 0 && !IsDate(TypeOf(resolved)) && words.All(w => TelemetryOptions.IdentityWords.Contains(w) || TelemetryOptions.Qualifiers.Contains(w))
            && TelemetryOptions.IdentityWords.Contains(words[words.Count - 1]) && operation.Type is { } owner
            && frame.Options.IsIdentifierName(NameWords.Split(owner.Name).Concat(words).ToList(), out domain))
        {
            return Found(argument, domain, $"{Describe(argument)}.{resolved.Name}");
        }
        return FlowResult.Unknown;
    }

    /// <summary>The field or property of its own object that a computed property returns (<c>string Subject => HospitalNumber</c>).</summary>
    private ISymbol? ComputedFrom(ISymbol member, CancellationToken cancellationToken)
    {
        if (member is not IPropertySymbol { IsStatic: false } property || property.DeclaringSyntaxReferences.Length != 1
            || property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody.Expression: { } returned }
            || _index.OperationOf(returned, cancellationToken) is not { } operation)
        {
            return null;
        }
        return OperationTree.Unwrap(operation) is IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: IInstanceReferenceOperation } read
            && !SymbolEqualityComparer.Default.Equals(read.Member, member)
            ? read.Member
            : null;
    }

    /// <summary>
    /// The field or property of a type (or its bases) named as a member a helper reads: the helper may
    /// read it through an interface or a type parameter's constraint.
    /// </summary>
    private static ISymbol? MemberOn(ITypeSymbol? type, ISymbol member)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(member.Name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: raw text the method itself reads as a type (a webhook's body, a queue
// message), which holds every member the type is read with.
internal sealed partial class ValueFlow
{
    private static readonly ConditionalWeakTable<IOperation, List<IInvocationOperation>> Deserializations = new();

    /// <summary>
    /// Text (or <c>BinaryData</c>, or bytes) that the same method deserialises into a type with an identifier
    /// member: <c>JsonSerializer.Deserialize&lt;BounceWebhook&gt;(request.Body)</c> shows that
    /// <c>request.Body</c> holds the bounced address, so logging the body sends it. Null otherwise.
    /// </summary>
    private FlowResult? ReadAsType(IOperation operation, Frame frame)
    {
        if (operation is not (ILocalReferenceOperation or IParameterReferenceOperation or IMemberReferenceOperation)
            || !(operation.Type?.SpecialType == SpecialType.System_String || operation.Type?.Name == "BinaryData"
                || operation.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }))
        {
            return null;
        }
        foreach (var reading in Deserializations.GetValue(OperationTree.Root(operation), FindDeserializations))
        {
            var read = reading.Instance ?? (reading.Arguments.Length > 0 ? reading.Arguments[0].Value : null);
            if (read is null || !SameValue(Unreshaped(read), operation) || reading.Type is not { } target
                || SerializedIdentifier(target, frame) is not { } member)
            {
                continue;
            }
            return Found(operation, member.Domain, $"{Describe(operation)} (read as {target.Name}, its member {member.Origin})");
        }
        return null;
    }

    /// <summary>
    /// The value under the conversions a body goes through on its way to a deserialiser:
    /// <c>message.Body.ToString()</c>, <c>body.ToArray()</c>, <c>Encoding.UTF8.GetString(bytes)</c> read <c>message.Body</c>, <c>body</c>, <c>bytes</c>.
    /// </summary>
    private static IOperation Unreshaped(IOperation read)
    {
        var current = OperationTree.Unwrap(read);
        while (true)
        {
            switch (current)
            {
                case IInvocationOperation { TargetMethod.Name: "ToString" or "ToArray" or "ToMemory" or "ToStream", Instance: { } converted, Arguments.Length: 0 }:
                    current = OperationTree.Unwrap(converted);
                    break;
                case IInvocationOperation { TargetMethod: { Name: "GetString", ContainingType.Name: "Encoding" or "UTF8Encoding" }, Arguments.Length: 1 } decoded:
                    current = OperationTree.Unwrap(decoded.Arguments[0].Value);
                    break;
                case IPropertyReferenceOperation { Property.Name: "Span", Instance: { } spanned }:
                    current = OperationTree.Unwrap(spanned);
                    break;
                default:
                    return current;
            }
        }
    }

    private static List<IInvocationOperation> FindDeserializations(IOperation root) =>
        // Most methods deserialise nothing: their tokens say so without walking their operations.
        root.Syntax.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText is "Deserialize" or "DeserializeObject" or "ToObjectFromJson")
            ? OperationTree.Descendants(root).OfType<IInvocationOperation>()
                .Where(i => i.TargetMethod.Name is "Deserialize" or "DeserializeObject" or "ToObjectFromJson" && i.TargetMethod.IsGenericMethod)
                .ToList()
            : new List<IInvocationOperation>();

    /// <summary>The same local or parameter, or the same member of the same local, parameter or <c>this</c>.</summary>
    private static bool SameValue(IOperation left, IOperation right)
    {
        if (!SymbolEqualityComparer.Default.Equals(ReferencedSymbol(left), ReferencedSymbol(right)))
        {
            return false;
        }
        if (left is IMemberReferenceOperation leftMember && right is IMemberReferenceOperation rightMember)
        {
            var leftHolder = leftMember.Instance is null ? null : OperationTree.Unwrap(leftMember.Instance);
            var rightHolder = rightMember.Instance is null ? null : OperationTree.Unwrap(rightMember.Instance);
            return (leftHolder is null or IInstanceReferenceOperation && rightHolder is null or IInstanceReferenceOperation)
                || (leftHolder is not null && rightHolder is not null && ReferencedSymbol(leftHolder) is { } holder
                    && SymbolEqualityComparer.Default.Equals(holder, ReferencedSymbol(rightHolder)));
        }
        return left is ILocalReferenceOperation or IParameterReferenceOperation;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: text the code itself takes an identifier out of.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// Per method body: the text a local named for an identifier was cut from, by a key naming that
    /// text (<c>message.Topic</c> for <c>var imei = message.Topic.Split('/')[1]</c>).
    /// </summary>
    private static readonly ConditionalWeakTable<IOperation, Dictionary<string, (string Domain, string Local, int Segment, bool ThroughLocal)>> TakenFromByRoot = new();

    /// <summary>
    /// A topic, path or URL whose segment the method reads into a local named for an identifier
    /// (<c>var meterSerial = message.Topic.Split('/')[1]</c>) holds that identifier: the code says
    /// what the segment is, so the whole text sent elsewhere in the method carries it. Only text
    /// that reaches a local by cutting (split, substring, slice, regex group, query parameter)
    /// counts; a copy is followed by the flow itself.
    /// </summary>
    private FlowResult IdentifierTakenFrom(IOperation operation, TelemetryOptions options)
    {
        if (!IsText(operation.Type))
        {
            return FlowResult.Unknown;
        }
        // Called for most text the flow cannot judge otherwise: the common answer (no identifier is cut
        // in this method) is found once per body.
        var taken = TakenFromIn(OperationTree.Root(operation), options);
        if (taken.Count == 0 || ReferenceKey(operation) is not { } key)
        {
            return FlowResult.Unknown;
        }
        if (taken.TryGetValue(key, out var found) && !(found.ThroughLocal && IsCutHere(operation)))
        {
            return Found(operation, found.Domain, $"{Describe(operation)} (the identifier '{found.Local}' is taken from it)");
        }
        if (operation.Type?.Name == "Uri")
        {
            // request.Url, when the token was read from request.Url.Query.
            foreach (var entry in taken)
            {
                if (entry.Key.StartsWith(key + ".", StringComparison.Ordinal))
                {
                    return Found(operation, entry.Value.Domain, $"{Describe(operation)} (the identifier '{entry.Value.Local}' is taken from it)");
                }
            }
        }
        return FlowResult.Unknown;
    }

    /// <summary>
    /// Whether the text is being cut right here (<c>line.Split('|')</c> read for one of its cells): a cell
    /// other than the identifier's, reached through the array that holds the cut, is not the identifier.
    /// </summary>
    private static bool IsCutHere(IOperation operation)
    {
        var node = operation;
        while (node.Parent is IConversionOperation or IParenthesizedOperation)
        {
            node = node.Parent;
        }
        return node.Parent is IInvocationOperation call && call.Instance == node && CutBy(call) is not null;
    }

    private static bool IsText(ITypeSymbol? type) =>
        type is not null && (type.SpecialType == SpecialType.System_String || (type.Name == "Uri" && type.ContainingNamespace?.ToDisplayString() == "System"));

    /// <summary>
    /// The text each identifier-named local of a method body was cut from, found once per body; a body
    /// already read is answered without allocating (the finding lambda is made only on a miss).
    /// </summary>
    private static Dictionary<string, (string Domain, string Local, int Segment, bool ThroughLocal)> TakenFromIn(IOperation root, TelemetryOptions options) =>
        TakenFromByRoot.TryGetValue(root, out var taken) ? taken : KeepTakenFrom(root, options);

    private static Dictionary<string, (string Domain, string Local, int Segment, bool ThroughLocal)> KeepTakenFrom(IOperation root, TelemetryOptions options) =>
        TakenFromByRoot.GetValue(root, r => FindTakenFrom(r, options));

    private static Dictionary<string, (string Domain, string Local, int Segment, bool ThroughLocal)> FindTakenFrom(IOperation root, TelemetryOptions options)
    {
        var taken = new Dictionary<string, (string Domain, string Local, int Segment, bool ThroughLocal)>(StringComparer.Ordinal);
        var assigned = AssignedLocals(root).ToList();
        // Locals that hold a cut of other text (var cells = line.Split(',')): an identifier cut from them
        // was cut from that text too.
        var cutLocals = new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default);
        foreach (var (local, value) in assigned)
        {
            if (!cutLocals.ContainsKey(local) && CutFrom(value) is { } whole)
            {
                cutLocals.Add(local, whole);
            }
        }
        foreach (var (local, value) in assigned)
        {
            if (!IsText(local.Type) || !IsIdentifierSymbol(local, options, out var domain) || CutFrom(value) is not { } source)
            {
                continue;
            }
            var segment = SplitSegment(OperationTree.Unwrap(value))?.Index ?? -1;
            for (var hop = 0; hop < 4 && source is not null; hop++)
            {
                if (ReferenceKey(source) is { } key && !taken.ContainsKey(key))
                {
                    taken.Add(key, (domain, local.Name, hop == 0 ? segment : -1, hop > 0));
                }
                source = source is ILocalReferenceOperation through && !SymbolEqualityComparer.Default.Equals(through.Local, local)
                    && cutLocals.TryGetValue(through.Local, out var further) ? further : null;
            }
        }
        return taken;
    }

    /// <summary>
    /// Each local given a value in the body: declared with one, assigned one, or deconstructed from a
    /// tuple (<c>var (nhsNumber, name) = (cells[0], cells[1])</c>).
    /// </summary>
    private static IEnumerable<(ILocalSymbol Local, IOperation Value)> AssignedLocals(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator:
                    yield return (declarator.Symbol, initial);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    yield return (target.Local, assignment.Value);
                    break;
                case IDeconstructionAssignmentOperation deconstruction
                    when TupleOf(deconstruction.Target) is { } targets && TupleOf(deconstruction.Value) is { } values && targets.Elements.Length == values.Elements.Length:
                    for (var i = 0; i < targets.Elements.Length; i++)
                    {
                        if (OperationTree.Unwrap(targets.Elements[i]) is ILocalReferenceOperation element)
                        {
                            yield return (element.Local, values.Elements[i]);
                        }
                    }
                    break;
            }
        }

        static ITupleOperation? TupleOf(IOperation operation) => OperationTree.Unwrap(operation) switch
        {
            IDeclarationExpressionOperation { Expression: var declared } => OperationTree.Unwrap(declared) as ITupleOperation,
            ITupleOperation tuple => tuple,
            _ => null,
        };
    }

    /// <summary>
    /// <c>text.Split(':')[1]</c>, or <c>cells[1]</c> of a local array: the text split (or the array) and the
    /// constant index of the segment taken; null for any other shape.
    /// </summary>
    private static (IOperation Text, int Index)? SplitSegment(IOperation operation)
    {
        if (operation is not IArrayElementReferenceOperation { Indices.Length: 1 } element
            || element.Indices[0].ConstantValue is not { HasValue: true, Value: int index })
        {
            return null;
        }
        return OperationTree.Unwrap(element.ArrayReference) switch
        {
            IInvocationOperation { TargetMethod.Name: "Split", Instance: { Type.SpecialType: SpecialType.System_String } text } => (OperationTree.Unwrap(text), index),
            ILocalReferenceOperation cells => (cells, index),
            _ => null,
        };
    }

    /// <summary>
    /// Another segment of text an identifier was split out of (<c>fired.Name.Split(':')[0]</c> where
    /// <c>var moderator = fired.Name.Split(':')[1]</c>): the code says which segment is the identifier.
    /// </summary>
    private static bool IsOtherSegmentOfTakenText(IArrayElementReferenceOperation element, TelemetryOptions options)
    {
        if (SplitSegment(element) is not { } segment || ReferenceKey(segment.Text) is not { } key)
        {
            return false;
        }
        return TakenFromIn(OperationTree.Root(element), options).TryGetValue(key, out var found) && found.Segment >= 0 && found.Segment != segment.Index;
    }

    /// <summary>What <paramref name="value"/> was cut from, when it was cut at least once.</summary>
    private static IOperation? CutFrom(IOperation value)
    {
        var operation = OperationTree.Unwrap(value);
        var cut = false;
        for (var step = 0; step < 8; step++)
        {
            IOperation? next = operation switch
            {
                IArrayElementReferenceOperation element => element.ArrayReference,
                IImplicitIndexerReferenceOperation slice => slice.Instance,
                IPropertyReferenceOperation { Property.Name: "Value" } matched when IsRegexResult(matched.Instance?.Type) => matched.Instance,
                IPropertyReferenceOperation { Property.IsIndexer: true } indexed when IsRegexResult(indexed.Instance?.Type) || IsParsedQuery(indexed.Instance) => indexed.Instance,
                IPropertyReferenceOperation { Property.Name: "Groups" } groups when IsRegexResult(groups.Type) => groups.Instance,
                IInvocationOperation call => CutBy(call),
                _ => null,
            };
            if (next is null)
            {
                break;
            }
            operation = OperationTree.Unwrap(next);
            cut = true;
        }
        return cut ? operation : null;
    }

    private static IOperation? CutBy(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (call.Instance is { Type.SpecialType: SpecialType.System_String } text
            && method.Name is "Split" or "Substring" or "Trim" or "TrimStart" or "TrimEnd" or "ToLowerInvariant" or "ToUpperInvariant" or "ToLower" or "ToUpper")
        {
            return text;
        }
        if (call.Arguments.Length == 0)
        {
            return null;
        }
        var first = call.Arguments[0].Value;
        if (method.IsStatic && method.ReturnType.SpecialType == SpecialType.System_String && call.Arguments.Length > 1
            && first.Type?.SpecialType == SpecialType.System_String && !first.ConstantValue.HasValue
            && call.Arguments.Skip(1).All(a => a.Value.ConstantValue.HasValue && a.Value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Char))
        {
            // TopicFilter.Segment(message.Topic, 2), Part(path, '/', 1): a helper handed the text and where to cut it.
            return first;
        }
        return method.ContainingType?.Name switch
        {
            "Enumerable" when method.Name is "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault" or "Single" or "SingleOrDefault" => first,
            "Regex" when method.Name == "Match" && (method.IsStatic || call.Instance is not null) => first,
            "HttpUtility" or "QueryHelpers" when method.Name is "ParseQueryString" or "ParseQuery" => first,
            "Path" when method.Name is "GetFileName" or "GetFileNameWithoutExtension" => first,
            _ => null,
        };
    }

    private static bool IsRegexResult(ITypeSymbol? type) =>
        type?.Name is "Match" or "Group" or "GroupCollection" && type.ContainingNamespace?.ToDisplayString() == "System.Text.RegularExpressions";

    private static bool IsParsedQuery(IOperation? instance) =>
        instance is not null && OperationTree.Unwrap(instance) is IInvocationOperation { TargetMethod.Name: "ParseQueryString" or "ParseQuery" };

    /// <summary>A key naming a chain of references (<c>message.Topic</c>, <c>this._topic</c>), or null for anything computed.</summary>
    private static string? ReferenceKey(IOperation operation)
    {
        var builder = new StringBuilder();
        return AppendKey(OperationTree.Unwrap(operation), builder, 0) ? builder.ToString() : null;
    }

    private static bool AppendKey(IOperation operation, StringBuilder builder, int depth)
    {
        if (depth > 6)
        {
            return false;
        }
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                builder.Append("p:").Append(parameter.Parameter.Name);
                return true;
            case ILocalReferenceOperation local:
                builder.Append("l:").Append(local.Local.Name);
                return true;
            case IInstanceReferenceOperation:
                builder.Append("this");
                return true;
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when member is not IPropertyReferenceOperation { Property.IsIndexer: true }:
                if (member.Instance is { } instance)
                {
                    if (!AppendKey(OperationTree.Unwrap(instance), builder, depth + 1))
                    {
                        return false;
                    }
                }
                else
                {
                    builder.Append(member.Member.ContainingType?.Name);
                }
                builder.Append('.').Append(member.Member.Name);
                return true;
            default:
                return false;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: the values of a dictionary, apart from its keys.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// What a dictionary holds as values, without its keys: <c>count</c> in
    /// <c>foreach (var (card, count) in perCard.Take(5))</c> and <c>pair.Value</c> of
    /// <c>taps.GroupBy(t => t.CardNumber).ToDictionary(g => g.Key, g => g.Count())</c> are counts, whatever
    /// the keys are. Answered for a dictionary made in sight by <c>ToDictionary</c> (its element selector)
    /// or an initializer, held in a local assigned once; null otherwise, and the dictionary is judged whole.
    /// </summary>
    private FlowResult? DictionaryValuesOf(IOperation collection, Frame frame, int depth)
    {
        var dictionary = PairsSource(OperationTree.Unwrap(collection));
        if (dictionary is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            if (writes.Count != 1 || writes[0].Element != -1 || OperationTree.Unwrap(writes[0].Value) is not { } made
                || made is ILocalReferenceOperation || made.Parent is IForEachLoopOperation)
            {
                return null;
            }
            dictionary = made;
        }
        switch (dictionary)
        {
            case IInvocationOperation { TargetMethod: { Name: "ToDictionary", ContainingType.Name: "Enumerable" } } made when made.Arguments.Length >= 2:
                var source = made.Arguments[0].Value;
                if (made.Arguments.Length < 3 || AnonymousFunction(made.Arguments[2].Value) is not { } selector)
                {
                    // ToDictionary(r => r.Key) or a method group: the elements are the values.
                    return made.Arguments.Length < 3 ? Evaluate(source, frame, depth + 1) : null;
                }
                var returned = LambdaReturns(selector, frame, depth);
                return ReturnsItsElement(returned, selector)
                    ? FlowResult.Combine(returned.WithoutParameters(), Evaluate(source, frame, depth + 1))
                    : returned.WithoutParameters();
            case IObjectCreationOperation { Initializer: { } contents } when IsDictionary(dictionary.Type):
                return CombineAll(InitializedEntries(contents).Select(e => e.Value), frame, depth);
            case IMemberReferenceOperation bag when KeyedIdentifierEntry(bag, frame) is { } entry:
                // form.Fields.Select(f => $"{f.Key}={f.Value}") where the code reads form.Fields["email"].
                return entry;
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } kept when !kept.Member.DeclaringSyntaxReferences.IsEmpty && IsDictionary(kept.Type)
                && SequenceElement(kept.Type!) is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair && IsScalar(pair.TypeArguments[1]):
                // Only text and numbers: a dictionary of objects is judged by what is read from them.
                return KeptDictionaryValues(kept.Member, frame, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>
    /// The values the code of a type puts into a dictionary it keeps in a field or property:
    /// <c>_waitingByHospitalNumber[number] = referral.PatientName</c>, <c>_names.TryAdd(id, name)</c>.
    /// Values a call computes from the existing entry (<c>AddOrUpdate</c>, <c>GetOrAdd</c>'s factory) are
    /// not followed.
    /// </summary>
    private FlowResult? KeptDictionaryValues(ISymbol dictionary, Frame frame, int depth) =>
        // Null when the type's code puts nothing in it: the dictionary is filled elsewhere (a library's,
        // a caller's), and other readings of it apply.
        KeptDictionaryWrites(dictionary, "values", ValueWrittenAt, frame, depth);

    /// <summary>The value expression where a name is indexed for a write or given to an adding call: <c>name[key] = value</c>, <c>name.TryAdd(key, value)</c>.</summary>
    private static ExpressionSyntax? ValueWrittenAt(IdentifierNameSyntax name) => EntryWrittenAt(name)?.Value;

    /// <summary>
    /// The dictionary behind a chain that keeps its pairs (<c>perCard.OrderBy(…).Take(5)</c>), or the operation
    /// itself. A filter stops the walk: it may be an allow list (<c>values.Where(p => Safe.Contains(p.Key))</c>),
    /// and what it keeps is judged as the filter's own result.
    /// </summary>
    private static IOperation PairsSource(IOperation operation)
    {
        for (var step = 0; step < 8 && operation is IInvocationOperation { TargetMethod.ContainingType.Name: "Enumerable" or "Queryable" } call
            && call.TargetMethod.Name is "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Take" or "Skip" or "ToList" or "ToArray" or "AsEnumerable" or "Reverse"
            && call.Arguments.Length > 0 && ElementType(call.TargetMethod.ReturnType) is { Name: "KeyValuePair" }; step++)
        {
            operation = OperationTree.Unwrap(call.Arguments[0].Value);
        }
        return operation;
    }

    /// <summary>
    /// A filter of a dictionary's pairs by an allow list of keys (<c>properties.Where(p => TelemetrySafe.Contains(p.Key))</c>):
    /// what it keeps is the entries under those keys. When the keys are all constants in sight (a static or local set,
    /// array or list initialised with them) and none names an identifier, it keeps none of the entries the code reads
    /// elsewhere by a personal key; otherwise it is judged as the dictionary it filters. Null for any other call.
    /// </summary>
    private FlowResult? KeyAllowListFilter(IInvocationOperation invocation, Frame frame, int depth)
    {
        if (TelemetrySinks.AllowListedKeys(invocation) is not { } allowList)
        {
            return null;
        }
        if (ConstantKeysOf(OperationTree.Unwrap(allowList), frame) is { } keys && keys.All(k => !IsIdentifierKeyText(k, frame.Options, out _)))
        {
            return FlowResult.Unknown;
        }
        return Rewrapped(Evaluate(invocation.Arguments[0].Value, frame, depth + 1), invocation);
    }

    /// <summary>The constant strings a set, array or list is initialised with, when it is a field or local initialised once in sight.</summary>
    private List<string>? ConstantKeysOf(IOperation collection, Frame frame)
    {
        IOperation? made = collection switch
        {
            IFieldReferenceOperation { Field: { IsReadOnly: true } field } => FieldInitializer(field, frame),
            IPropertyReferenceOperation { Property: { SetMethod: null } property } when IsAutoProperty(property) => FieldInitializer(property, frame),
            ILocalReferenceOperation local when LocalWrites(local.Local, OperationTree.Root(local)) is { Count: 1 } writes && writes[0].Element == -1 => writes[0].Value,
            _ => null,
        };
        if (made is null)
        {
            return null;
        }
        made = OperationTree.Unwrap(made);
        IEnumerable<IOperation>? elements = made switch
        {
            IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers.Select(i => i is IInvocationOperation add && add.Arguments.Length == 1 ? add.Arguments[0].Value : i),
            IArrayCreationOperation { Initializer: { } array } => array.ElementValues,
            _ when IsCollectionExpression(made.Kind) => made.ChildOperations,
            _ => null,
        };
        if (elements is null)
        {
            return null;
        }
        var keys = new List<string>();
        foreach (var element in elements)
        {
            if (OperationTree.Unwrap(element).ConstantValue is not { HasValue: true, Value: string key })
            {
                return null;
            }
            keys.Add(key);
        }
        return keys;
    }

    private IOperation? FieldInitializer(ISymbol member, Frame frame) =>
        _index.WritesOf(member, frame.CancellationToken) is { Count: 1 } writes ? writes[0] : null;
}

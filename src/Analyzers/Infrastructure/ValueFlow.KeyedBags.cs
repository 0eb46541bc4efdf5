using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: shared bags read by a constant key. A request's Items, a resilience
// context's properties, a job's data map: one method stores a value under a key, another reads it back
// (context.Items[PatientKeys.Ref] = pseudonymizer.Compute…(number) in a middleware,
// items.TryGetValue(PatientKeys.Ref, out var reference) in a log enricher). What is read is what the
// source stores under that key in the same member of any object.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// What the source stores under <paramref name="key"/> in the bag <paramref name="bag"/> reads, or
    /// null when the bag is not a member or the key not a constant, or when nothing is stored under it.
    /// </summary>
    private FlowResult? KeptUnderKey(IOperation bag, IOperation key, Frame frame, int depth)
    {
        if (BagMember(bag, 0) is not { } member || KeyIdentity(key) is not { } wanted || depth > MaxDepth)
        {
            return null;
        }
        var guard = ("kept under key", (object)member, wanted);
        if (!frame.Active.Add(guard))
        {
            return FlowResult.Unknown;
        }
        try
        {
            FlowResult? result = null;
            foreach (var write in _index.WritesOf(member, frame.CancellationToken))
            {
                IOperation written;
                switch (write.Parent)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } entry } assignment when assignment.Value == write:
                        written = entry.Arguments[0].Value;
                        break;
                    case IArgumentOperation { Parameter.Ordinal: 1, Parent: IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" or "Set", Arguments.Length: 2 } add }:
                        written = add.Arguments[0].Value;
                        break;
                    default:
                        continue;
                }
                if (!Equals(KeyIdentity(written), wanted))
                {
                    continue;
                }
                var value = Evaluate(write, frame.For(_optionsFor(write.Syntax.SyntaxTree)), depth + 1).WithoutParameters();
                result = result is { } so ? FlowResult.Combine(so, value) : value;
            }
            return result;
        }
        finally
        {
            frame.Active.Remove(guard);
        }
    }

    /// <summary>
    /// The member a bag is read from: <c>context.Items</c>, <c>accessor.HttpContext?.Items</c>, or a
    /// local given one of those (<c>if (accessor.HttpContext?.Items is { } items)</c>).
    /// </summary>
    private static ISymbol? BagMember(IOperation bag, int steps)
    {
        if (steps > 4)
        {
            return null;
        }
        switch (OperationTree.Unwrap(bag))
        {
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                return property.Property.OriginalDefinition;
            case IFieldReferenceOperation field:
                return field.Field.OriginalDefinition;
            case IConditionalAccessOperation access:
                return BagMember(access.WhenNotNull, steps + 1);
            case ILocalReferenceOperation local when LocalWrites(local.Local, OperationTree.Root(local)) is { Count: 1 } writes:
                return BagMember(writes[0].Value, steps + 1);
            default:
                return null;
        }
    }

    /// <summary>
    /// What a method puts under a constant key of a dictionary it holds in a local: the entries of the
    /// local's one creation (<c>new Dictionary&lt;…&gt;(bag) { ["customer"] = … }</c>), its indexer writes and
    /// its <c>Add</c> calls. Null when the key is not a constant, when the local is assigned anything
    /// but that creation, or when nothing is put under the key.
    /// </summary>
    private FlowResult? EntriesPutInMethod(ILocalReferenceOperation bag, IOperation key, Frame frame, int depth)
    {
        if (KeyIdentity(key) is not { } wanted || !IsDictionary(bag.Type))
        {
            return null;
        }
        FlowResult? result = null;
        var creations = 0;
        // The body's write candidates, found once per body, hold every declarator, assignment and Add.
        foreach (var operation in WriteCandidates.GetValue(OperationTree.Root(bag), FindWriteCandidates))
        {
            IOperation? putKey = null;
            IOperation? putValue = null;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, bag.Local):
                    if (declarator.Initializer?.Value is not { } initial || OperationTree.Unwrap(initial) is not IObjectCreationOperation creation)
                    {
                        return null;
                    }
                    creations++;
                    if (creation.Initializer is { } contents)
                    {
                        foreach (var (entryKey, entryValue) in InitializedEntries(contents))
                        {
                            if (entryKey is not null && Equals(KeyIdentity(entryKey), wanted))
                            {
                                var value = Evaluate(entryValue, frame, depth + 1);
                                result = result is { } so ? FlowResult.Combine(so, value) : value;
                            }
                        }
                    }
                    continue;
                case IAssignmentOperation { Target: ILocalReferenceOperation reassigned } when Same(reassigned, bag.Local):
                    return null;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation target, Arguments.Length: 1 } entry } write when Same(target, bag.Local):
                    (putKey, putValue) = (entry.Arguments[0].Value, write.Value);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Instance: ILocalReferenceOperation target, Arguments.Length: 2 } add when Same(target, bag.Local):
                    (putKey, putValue) = (add.Arguments[0].Value, add.Arguments[1].Value);
                    break;
            }
            if (putKey is not null && putValue is not null && Equals(KeyIdentity(putKey), wanted))
            {
                var value = Evaluate(putValue, frame, depth + 1);
                result = result is { } so ? FlowResult.Combine(so, value) : value;
            }
        }
        return creations == 1 ? result : null;
    }

    /// <summary>A key's identity: its constant value, or the field that holds it (<c>PatientKeys.Ref</c>).</summary>
    private static object? KeyIdentity(IOperation key)
    {
        var unwrapped = OperationTree.Unwrap(key);
        if (unwrapped.ConstantValue is { HasValue: true, Value: { } constant })
        {
            return constant;
        }
        return unwrapped is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } ? field.OriginalDefinition : null;
    }
}

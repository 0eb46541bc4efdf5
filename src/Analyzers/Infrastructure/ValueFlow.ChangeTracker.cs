using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: values an ORM's change tracker holds for an entity's property.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// The original or current value of a tracked property (Entity Framework Core's
    /// <c>PropertyEntry.OriginalValue</c>/<c>CurrentValue</c>) is that property's value, so it is judged
    /// by which property it is: <c>entry.Property(p => p.Gamertag).OriginalValue</c>,
    /// <c>entry.Property("HolderEmail")</c> (also kept in a local), and, for a property taken from
    /// <c>entry.Properties</c> (an audit of every changed value), any member of the entity that is an
    /// identifier: the code does not say which property it is, so it may be that one.
    /// </summary>
    private bool IsTrackedIdentifierValue(IMemberReferenceOperation member, TelemetryOptions options, out string domain, out string? origin)
    {
        domain = "";
        origin = null;
        if (member is not IPropertyReferenceOperation { Property.Name: "OriginalValue" or "CurrentValue", Instance: { } instance } value
            || !IsTrackedPropertyEntry(value.Property.ContainingType))
        {
            return false;
        }
        var entry = OperationTree.Unwrap(instance);
        if (entry is ILocalReferenceOperation local)
        {
            if (EnclosingForEach(local) is { } loop)
            {
                // foreach (var property in entry.Properties.Where(p => p.IsModified)): one of the entity's properties.
                return EntityOfProperties(loop.Collection, 0) is { } entity && IdentifierMemberOf(entity, options, out domain, out origin);
            }
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            if (writes.Count != 1)
            {
                return false;
            }
            entry = OperationTree.Unwrap(writes[0].Value);
        }
        if (entry is not IInvocationOperation { TargetMethod.Name: "Property" or "Member", Arguments.Length: >= 1 } selection)
        {
            return false;
        }
        var selector = OperationTree.Unwrap(selection.Arguments[selection.Arguments.Length - 1].Value);
        if (selector.ConstantValue is { HasValue: true, Value: string name })
        {
            return options.IsIdentifierName(NameWords.Split(name), out domain);
        }
        return SelectedMember(selector) is { } selected && IsIdentifierSymbol(selected, options, out domain);
    }

    private static bool IsTrackedPropertyEntry(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            // By name: Entity Framework Core's (Microsoft.EntityFrameworkCore.ChangeTracking) and look-alikes of it.
            if (current.Name is "PropertyEntry" or "MemberEntry")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The member a selector lambda reads: <c>p => p.Gamertag</c>.</summary>
    private static ISymbol? SelectedMember(IOperation selector)
    {
        var lambda = selector switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation target } => target,
            IAnonymousFunctionOperation direct => direct,
            _ => null,
        };
        return lambda?.Body.Operations.FirstOrDefault() is IReturnOperation { ReturnedValue: { } returned }
            && OperationTree.Unwrap(returned) is IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } read
            ? read.Member
            : null;
    }

    private static IForEachLoopOperation? EnclosingForEach(ILocalReferenceOperation local)
    {
        for (var parent = local.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation loop && loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default))
            {
                return loop;
            }
        }
        return null;
    }

    /// <summary>The entity type of <c>entry.Properties</c> (through <c>Where</c>, <c>ToList</c> and locals), when the entry says it.</summary>
    private static ITypeSymbol? EntityOfProperties(IOperation collection, int depth)
    {
        var operation = OperationTree.Unwrap(collection);
        for (var step = depth; step < 6; step++)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Properties", Instance.Type: INamedTypeSymbol { Name: "EntityEntry", TypeArguments.Length: 1 } entry }:
                    return entry.TypeArguments[0];
                case IInvocationOperation { TargetMethod.ContainingType.Name: "Enumerable", Arguments.Length: >= 1 } linq:
                    operation = OperationTree.Unwrap(linq.Arguments[0].Value);
                    continue;
                case ILocalReferenceOperation local:
                    var writes = LocalWrites(local.Local, OperationTree.Root(local));
                    if (writes.Count != 1)
                    {
                        return null;
                    }
                    operation = OperationTree.Unwrap(writes[0].Value);
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    private static bool IdentifierMemberOf(ITypeSymbol entity, TelemetryOptions options, out string domain, out string? origin)
    {
        foreach (var candidate in entity.GetMembers().OfType<IPropertySymbol>())
        {
            if (CarriesIdentifier(candidate.Type) && IsIdentifierSymbol(candidate, options, out domain))
            {
                origin = $"a changed value of {entity.Name}, which has the identifier {candidate.Name}";
                return true;
            }
        }
        domain = "";
        origin = null;
        return false;
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: values of a property the code does not name by itself: what an ORM's
// change tracker holds for it, and what a validator was given for it.
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
                if (EntityOfProperties(loop.Collection) is not { } entity || IdentifierMemberOf(entity, options, out domain) is not { } changed)
                {
                    return false;
                }
                origin = $"a changed value of {entity.Name}, which has the identifier {changed.Name}";
                return true;
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

    /// <summary>
    /// A validation failure's attempted value (FluentValidation's <c>ValidationFailure.AttemptedValue</c>)
    /// is the value of whichever property failed: reported when the validated object has an identifier
    /// member, since the code does not say which property it is.
    /// </summary>
    private static bool IsAttemptedIdentifierValue(IMemberReferenceOperation member, TelemetryOptions options, out string domain, out string? origin)
    {
        domain = "";
        origin = null;
        if (member is not IPropertyReferenceOperation { Property: { Name: "AttemptedValue", ContainingType.Name: "ValidationFailure" }, Instance: { } instance })
        {
            return false;
        }
        if (ValidatedTypeOfFailure(member, instance) is not { } validated || IdentifierMemberOf(validated, options, out domain) is null)
        {
            return false;
        }
        origin = $"the attempted value of a {validated.Name} property, which may be an identifier";
        return true;
    }

    /// <summary>
    /// The type a validation failure was found on: <c>failure</c> of <c>foreach (var failure in result.Errors)</c>
    /// or <c>e</c> of <c>result.Errors.Select(e => …)</c>, where <c>result</c> is what a <c>Validate</c> call returned
    /// or the exception <c>ValidateAndThrow</c> threw.
    /// </summary>
    private static ITypeSymbol? ValidatedTypeOfFailure(IOperation read, IOperation failure)
    {
        IOperation? failures = OperationTree.Unwrap(failure) switch
        {
            ILocalReferenceOperation local when EnclosingForEach(local) is { } loop => loop.Collection,
            IParameterReferenceOperation element when ProjectingCall(read, element.Parameter) is { } projection => ReceiverOf(projection),
            ILocalReferenceOperation picked => PickedFrom(picked),
            _ => null,
        };
        return failures is not null && OperationTree.Unwrap(failures) is IPropertyReferenceOperation { Property.Name: "Errors", Instance: { } result }
            ? ValidatedType(result)
            : null;
    }

    /// <summary>
    /// The sequence a local's one element was picked from: <c>var taken = result.Errors.FirstOrDefault(e => …)</c>
    /// (also after <c>Where</c>, <c>OrderBy</c>, <c>Skip</c>) and <c>result.Errors[0]</c>.
    /// </summary>
    private static IOperation? PickedFrom(ILocalReferenceOperation local)
    {
        var writes = LocalWrites(local.Local, OperationTree.Root(local));
        if (writes.Count != 1 || writes[0].Element >= 0)
        {
            return null;
        }
        var picked = OperationTree.Unwrap(writes[0].Value);
        if (picked is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed })
        {
            return OperationTree.Unwrap(indexed);
        }
        if (picked is not IInvocationOperation { TargetMethod.Name: "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault" } pick)
        {
            return null;
        }
        var source = ReceiverOf(pick);
        for (var step = 0; step < 8 && source is IInvocationOperation { TargetMethod.Name: "Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "Skip" or "Take" or "Reverse" } narrowing; step++)
        {
            source = ReceiverOf(narrowing);
        }
        return source;
    }

    /// <summary>
    /// The type whose validation gave this result or exception: the argument of <c>validator.ValidateAsync(command)</c>
    /// (also awaited and kept in a local), or of the <c>ValidateAndThrow</c> call a caught <c>ValidationException</c> came from.
    /// </summary>
    private static ITypeSymbol? ValidatedType(IOperation result)
    {
        var validation = OperationTree.Unwrap(result);
        if (validation is ILocalReferenceOperation { Type.Name: "ValidationException" } caught)
        {
            // catch (ValidationException ex) after validator.ValidateAndThrowAsync(appeal): appeal's failures.
            validation = ThrowingValidation(caught);
        }
        else if (validation is ILocalReferenceOperation resultLocal)
        {
            var writes = LocalWrites(resultLocal.Local, OperationTree.Root(resultLocal));
            validation = writes.Count == 1 ? OperationTree.Unwrap(writes[0].Value) : validation;
        }
        if (validation is IAwaitOperation awaited)
        {
            validation = OperationTree.Unwrap(awaited.Operation);
        }
        return validation is IInvocationOperation validate ? ValidatedBy(validate) : null;
    }

    /// <summary>The type a <c>Validate</c>, <c>ValidateAsync</c> or <c>ValidateAndThrow(Async)</c> call validates.</summary>
    private static ITypeSymbol? ValidatedBy(IInvocationOperation validate)
    {
        if (validate.TargetMethod.Name is not ("Validate" or "ValidateAsync" or "ValidateAndThrow" or "ValidateAndThrowAsync"))
        {
            return null;
        }
        // validator.ValidateAsync(command) or, as an extension, ValidateAndThrowAsync(validator, command).
        var given = validate.TargetMethod.IsExtensionMethod ? 1 : 0;
        return validate.Arguments.Length > given ? OperationTree.Unwrap(validate.Arguments[given].Value).Type : null;
    }

    /// <summary>The <c>ValidateAndThrow</c> call in the <c>try</c> block whose catch clause declares <paramref name="caught"/>.</summary>
    private static IOperation? ThrowingValidation(ILocalReferenceOperation caught)
    {
        for (var parent = caught.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ITryOperation attempt && attempt.Catches.Any(c => c.Locals.Contains(caught.Local, SymbolEqualityComparer.Default)))
            {
                return attempt.Body.Descendants().OfType<IInvocationOperation>()
                    .FirstOrDefault(i => i.TargetMethod.Name is "ValidateAndThrow" or "ValidateAndThrowAsync");
            }
        }
        return null;
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
    private static ITypeSymbol? EntityOfProperties(IOperation collection)
    {
        var operation = OperationTree.Unwrap(collection);
        for (var step = 0; step < 6; step++)
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

    /// <summary>The first property of <paramref name="entity"/> that is an identifier, or null.</summary>
    private static IPropertySymbol? IdentifierMemberOf(ITypeSymbol entity, TelemetryOptions options, out string domain)
    {
        foreach (var candidate in entity.GetMembers().OfType<IPropertySymbol>())
        {
            if (CarriesIdentifier(candidate.Type) && IsIdentifierSymbol(candidate, options, out domain))
            {
                return candidate;
            }
        }
        domain = "";
        return null;
    }
}

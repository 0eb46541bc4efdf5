using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: the identity of a virtual actor, named by the actor's type.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// The key of an actor or grain (<c>this.GetPrimaryKeyString()</c>, <c>IdentityString</c>,
    /// <c>GetPrimaryKey()</c>) is the id of what the grain stands for, and only its type says what
    /// that is: a <c>SmartMeterGrain</c>'s key is a meter id, a <c>LoyaltyGrain</c>'s a loyalty id,
    /// an <c>OrderGrain</c>'s an order id. The key is judged as the type's name followed by "id".
    /// </summary>
    private static bool IsGrainIdentity(IOperation operation, TelemetryOptions options, out string domain)
    {
        domain = "";
        IOperation? grain = operation switch
        {
            IInvocationOperation { TargetMethod.Name: "GetPrimaryKeyString" or "GetPrimaryKey" or "GetPrimaryKeyLong" or "GetGrainId" } call => ReceiverOf(call),
            IPropertyReferenceOperation { Property.Name: "IdentityString" or "GrainId" or "PrimaryKey" } property => property.Instance is { } instance ? OperationTree.Unwrap(instance) : null,
            _ => null,
        };
        if (grain?.Type is not INamedTypeSymbol type || !IsGrainType(type))
        {
            return false;
        }
        var name = type.TypeKind == TypeKind.Interface && type.Name.Length > 1 && type.Name[0] == 'I' && char.IsUpper(type.Name[1]) ? type.Name.Substring(1) : type.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) || name.EndsWith("Actor", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 5);
        }
        var words = NameWords.Split(name);
        words.Add("id");
        return words.Count > 1 && options.IsIdentifierName(words, out domain);
    }

    /// <summary>A grain class (derived from a type named <c>Grain</c>) or a grain interface (extending one named <c>IGrain…</c>).</summary>
    private static bool IsGrainType(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name is "Grain" or "Actor")
            {
                return true;
            }
        }
        return type.AllInterfaces.Any(i => i.Name.StartsWith("IGrain", StringComparison.Ordinal) || i.Name == "IActor");
    }
}

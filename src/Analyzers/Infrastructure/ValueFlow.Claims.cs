using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: claims of the signed-in user read by their type.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// The claim types that identify the person: the subject, name, email, phone, address and birth
    /// date, as <c>ClaimTypes</c> spells them (the last segment of its URIs) and as OpenID Connect
    /// tokens do. A role, a scope, a tenant or an audience is not personal, and is not listed.
    /// </summary>
    private static readonly HashSet<string> PersonalClaimTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "nameidentifier", "name", "emailaddress", "givenname", "surname", "upn", "sid", "primarysid", "windowsaccountname",
        "mobilephone", "homephone", "otherphone", "streetaddress", "postalcode", "dateofbirth", "webpage", "x500distinguishedname",
        "sub", "oid", "email", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "unique_name", "nameid",
        "phone_number", "address", "birthdate", "profile", "picture",
    };

    /// <summary>
    /// A claim of the signed-in user read by its type: <c>User.FindFirstValue(ClaimTypes.Email)</c>, or the
    /// <c>Value</c> of <c>User.FindFirst("sub")</c>, <c>identity.FindFirst(c =&gt; c.Type == ClaimTypes.Upn)</c>
    /// or <c>User.Claims.First(c =&gt; c.Type == "preferred_username")</c>. Only the claim type says
    /// whether the value names the person, so a type that is not a constant is not judged.
    /// </summary>
    private static bool ReadsPersonalClaim(IInvocationOperation invocation, TelemetryOptions options)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "FindFirstValue" && ReadsFromUser(invocation))
        {
            return ClaimTypeArgument(invocation) is { } claimType && IsPersonalClaimType(claimType, options);
        }
        return false;
    }

    /// <summary><c>claim.Value</c>, where the claim was found by a personal claim type.</summary>
    private static bool IsPersonalClaimValue(IMemberReferenceOperation member, TelemetryOptions options)
    {
        if (member.Member is not IPropertySymbol { Name: "Value" } || !IsClaimsType(member.Member.ContainingType, "Claim") || member.Instance is null)
        {
            return false;
        }
        var receiver = OperationTree.Unwrap(ConditionalReceiver(member.Instance));
        if (receiver is IParameterReferenceOperation claim && ProjectingCall(member, claim.Parameter) is { TargetMethod.Name: "Select" } projection)
        {
            // Claims.Where(c => c.Type == "sub").Select(c => c.Value): the claims the projection is given.
            // principal.Claims.Select(c => $"{c.Type}={c.Value}"): every claim, the personal ones with them.
            return PredicateClaimType(projection) is { } projected ? IsPersonalClaimType(projected, options) : IsAllClaims(ReceiverOf(projection));
        }
        if (receiver is ILocalReferenceOperation local && EnclosingForEach(local) is { } loop)
        {
            // foreach (var claim in principal.Claims) … claim.Value
            return IsAllClaims(loop.Collection);
        }
        if (receiver is not IInvocationOperation lookup)
        {
            return false;
        }
        return lookup.TargetMethod.Name switch
        {
            "FindFirst" when ReadsFromUser(lookup) => ClaimTypeArgument(lookup) is { } claimType ? IsPersonalClaimType(claimType, options) : PredicateClaimType(lookup) is { } matched && IsPersonalClaimType(matched, options),
            "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" => PredicateClaimType(lookup) is { } matched && IsPersonalClaimType(matched, options),
            _ => false,
        };
    }

    /// <summary><c>principal.Claims</c> or <c>identity.Claims</c> unfiltered: the user's claims, name and email among them.</summary>
    private static bool IsAllClaims(IOperation? collection) =>
        collection is not null
        && OperationTree.Unwrap(collection) is IPropertyReferenceOperation { Property.Name: "Claims", Instance: { } owner }
        && owner.Type is { } type && (IsClaimsType(type, "ClaimsPrincipal") || IsClaimsType(type, "ClaimsIdentity") || IsPrincipalOrIdentity(type));

    private static bool IsPersonalClaimType(string claimType, TelemetryOptions options)
    {
        var name = claimType.Substring(claimType.LastIndexOf('/') + 1);
        if (name.Equals("sid", StringComparison.OrdinalIgnoreCase) && name.Length == claimType.Length)
        {
            // OpenID Connect's bare "sid" is a session id; ClaimTypes.Sid (a URI) is a Windows account's security identifier.
            return false;
        }
        // An application's own claim named for an identifier ("student_number", "loyalty_id") is one too.
        return PersonalClaimTypes.Contains(name) || options.IsIdentifierName(NameWords.Split(name), out _);
    }

    /// <summary>The call is made on a principal or an identity (as its receiver or, for an extension method, its first argument).</summary>
    private static bool ReadsFromUser(IInvocationOperation invocation)
    {
        return ReceiverOf(invocation)?.Type is { } type
            && (IsClaimsType(type, "ClaimsPrincipal") || IsClaimsType(type, "ClaimsIdentity") || IsPrincipalOrIdentity(type));
    }

    /// <summary>The constant claim type a lookup is given as a string argument.</summary>
    private static string? ClaimTypeArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && argument.Value.ConstantValue is { HasValue: true, Value: string claimType })
            {
                return claimType;
            }
        }
        return null;
    }

    /// <summary>
    /// The constant a lookup's predicate compares the claim's <c>Type</c> with: <c>c =&gt; c.Type == "sub"</c>,
    /// given to the lookup or to a <c>Where</c> it is called on (<c>Claims.Where(c =&gt; …).FirstOrDefault()</c>).
    /// </summary>
    private static string? PredicateClaimType(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name != "Where" && ReceiverOf(invocation) is IInvocationOperation { TargetMethod.Name: "Where" } filter)
        {
            return PredicateClaimType(filter);
        }
        foreach (var argument in invocation.Arguments)
        {
            var function = OperationTree.Unwrap(argument.Value) switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation target } => target,
                IAnonymousFunctionOperation anonymous => anonymous,
                _ => null,
            };
            if (function is null)
            {
                continue;
            }
            foreach (var returned in ReturnedValues(function.Body))
            {
                if (ComparedClaimType(OperationTree.Unwrap(returned)) is { } claimType)
                {
                    return claimType;
                }
            }
        }
        return null;
    }

    /// <summary>The call given the lambda whose parameter is <paramref name="element"/> and which contains <paramref name="operation"/>.</summary>
    private static IInvocationOperation? ProjectingCall(IOperation operation, IParameterSymbol element)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function)
            {
                if (!SymbolEqualityComparer.Default.Equals(function.Symbol, element.ContainingSymbol))
                {
                    return null;
                }
                for (var outer = current.Parent; outer is not null; outer = outer.Parent)
                {
                    if (outer is IInvocationOperation call)
                    {
                        return call;
                    }
                    if (outer is not (IDelegateCreationOperation or IArgumentOperation or IConversionOperation))
                    {
                        return null;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /// <summary>What a call works on: its receiver, or the first argument of an extension method (the sequence of a LINQ call).</summary>
    private static IOperation? ReceiverOf(IInvocationOperation invocation) =>
        invocation.Instance is { } instance ? OperationTree.Unwrap(instance)
        : invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? OperationTree.Unwrap(invocation.Arguments[0].Value)
        : null;

    private static string? ComparedClaimType(IOperation comparison)
    {
        IOperation? left = null;
        IOperation? right = null;
        switch (comparison)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                (left, right) = (equals.LeftOperand, equals.RightOperand);
                break;
            case IInvocationOperation { TargetMethod.Name: "Equals" } call when call.Instance is { } instance && call.Arguments.Length >= 1:
                (left, right) = (instance, call.Arguments[0].Value);
                break;
            case IInvocationOperation { TargetMethod.Name: "Equals", TargetMethod.IsStatic: true } call when call.Arguments.Length >= 2:
                (left, right) = (call.Arguments[0].Value, call.Arguments[1].Value);
                break;
        }
        if (left is null || right is null)
        {
            return null;
        }
        static bool IsClaimTypeOf(IOperation side) => OperationTree.Unwrap(side) is IPropertyReferenceOperation { Property.Name: "Type" } type && IsClaimsType(type.Property.ContainingType, "Claim");
        return IsClaimTypeOf(left) && right.ConstantValue is { HasValue: true, Value: string r } ? r
            : IsClaimTypeOf(right) && left.ConstantValue is { HasValue: true, Value: string l } ? l
            : null;
    }

    /// <summary>The receiver of <c>x?.Value</c>: the placeholder stands for the expression before <c>?.</c>.</summary>
    private static IOperation ConditionalReceiver(IOperation instance)
    {
        if (instance is not IConditionalAccessInstanceOperation)
        {
            return instance;
        }
        // In a?.b?.c the placeholder of .b is a's, but it sits in the inner access's Operation: the
        // access it belongs to is the first one reached from its WhenNotNull side.
        IOperation from = instance;
        for (var current = instance.Parent; current is not null; from = current, current = current.Parent)
        {
            if (current is IConditionalAccessOperation access && access.WhenNotNull == from)
            {
                return access.Operation;
            }
        }
        return instance;
    }
}

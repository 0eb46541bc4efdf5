using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>A raw personal identifier found in a value.</summary>
internal sealed class IdentifierFinding
{
    public IdentifierFinding(string origin, string domain, IOperation wrapTarget)
    {
        Origin = origin;
        Domain = domain;
        WrapTarget = wrapTarget;
    }

    /// <summary>What the identifier is, as the code spells it (<c>visit.PatientId</c>).</summary>
    public string Origin { get; }

    /// <summary>The pattern word that matched, used as the pseudonymisation domain.</summary>
    public string Domain { get; }

    /// <summary>The expression, inside the telemetry call, that a fix wraps with the pseudonymiser.</summary>
    public IOperation WrapTarget { get; }

    public IdentifierFinding WithWrapTarget(IOperation target) => new(Origin, Domain, target);
}

/// <summary>An unkeyed hash (SHA-x, MD5, GetHashCode, or a helper around one) found in a value.</summary>
internal sealed class HashFinding
{
    public HashFinding(string method, IOperation replaceTarget, IOperation? rawInput, IdentifierFinding? input)
    {
        Method = method;
        ReplaceTarget = replaceTarget;
        RawInput = rawInput;
        Input = input;
    }

    public string Method { get; }

    /// <summary>The expression that computes the hash, with any encoding around it, that a fix replaces.</summary>
    public IOperation ReplaceTarget { get; }

    /// <summary>The value being hashed, before any conversion to bytes; null when it is not plain.</summary>
    public IOperation? RawInput { get; }

    /// <summary>The identifier being hashed, when it is recognisably one.</summary>
    public IdentifierFinding? Input { get; }

    public HashFinding WithReplaceTarget(IOperation target) => new(Method, target, RawInput, Input);
}

/// <summary>What the value flow found in one value.</summary>
internal sealed class FlowResult
{
    public static readonly FlowResult Safe = new(null, null, proven: true);
    public static readonly FlowResult Unknown = new(null, null, proven: false);
    public static readonly FlowResult Pseudonymised = new(null, null, proven: true, sanitized: true);

    public FlowResult(IdentifierFinding? identifier, HashFinding? hash, bool proven, bool sanitized = false)
    {
        Identifier = identifier;
        Hash = hash;
        Proven = proven;
        Sanitized = sanitized;
    }

    /// <summary>Some part of the value came out of a sanitizer: a pseudonym, still one per person.</summary>
    public bool Sanitized { get; }

    public IdentifierFinding? Identifier { get; }

    public HashFinding? Hash { get; }

    /// <summary>Every part of the value is a constant or came out of a sanitizer.</summary>
    public bool Proven { get; }

    public static FlowResult Combine(FlowResult left, FlowResult right) =>
        new(left.Identifier ?? right.Identifier, left.Hash ?? right.Hash, left.Proven && right.Proven, left.Sanitized || right.Sanitized);
}

/// <summary>
/// Follows a value back to where it came from, within one method: through assignments to locals,
/// string interpolation and concatenation, <c>ToString()</c>, <c>string.Format</c> and the usual
/// string and encoding helpers. Its sources are names that say "personal identifier"
/// (<c>patientId</c>, <c>visit.Patient.Id</c>, <c>customer.Email</c>, <c>GetStudentNumber()</c>)
/// and members carrying a data-classification attribute; its sanitizers are the runtime
/// pseudonymiser, keyed HMACs and the methods configured as sanitizers. An unkeyed hash is
/// recorded as what it is: not a sanitizer.
/// </summary>
internal sealed class ValueFlow
{
    private const int MaxDepth = 6;
    private const int MaxHelperCalls = 6;

    private static readonly SymbolDisplayFormat QualifiedName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    private static readonly HashSet<string> HashAlgorithmTypes = new(StringComparer.Ordinal)
    {
        "SHA1", "SHA256", "SHA384", "SHA512", "SHA3_256", "SHA3_384", "SHA3_512", "MD5", "HashAlgorithm",
        "SHA1Managed", "SHA256Managed", "SHA384Managed", "SHA512Managed", "SHA1CryptoServiceProvider",
        "SHA256CryptoServiceProvider", "MD5CryptoServiceProvider", "XxHash32", "XxHash64", "XxHash3", "XxHash128", "Crc32", "Crc64",
    };

    private static readonly HashSet<string> UnaryStringMethods = new(StringComparer.Ordinal)
    {
        "ToString", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd",
        "Substring", "Replace", "PadLeft", "PadRight", "Normalize", "Insert", "Remove", "AsSpan", "AsMemory",
    };

    private static readonly HashSet<string> ConvertMethods = new(StringComparer.Ordinal)
    {
        "ToString", "ToHexString", "ToHexStringLower", "ToBase64String", "ToInt32", "ToInt64", "ToUInt64", "ToDecimal",
    };

    private readonly KnownSymbols _known;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodRole> _methodRoles = new(SymbolEqualityComparer.Default);

    public ValueFlow(KnownSymbols known) => _known = known;

    private enum MethodRole
    {
        None,
        Sanitizer,
        UnkeyedHashHelper,
    }

    public FlowResult Evaluate(IOperation value, TelemetryOptions options, CancellationToken cancellationToken) =>
        Evaluate(value, options, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0, cancellationToken);

    private FlowResult Evaluate(IOperation value, TelemetryOptions options, HashSet<ILocalSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var operation = OperationTree.Unwrap(value);
        if (operation.ConstantValue.HasValue || operation is IDefaultValueOperation or ITypeOfOperation or INameOfOperation)
        {
            return FlowResult.Safe;
        }
        if (operation is IInvocationOperation { TargetMethod.IsStatic: true, Arguments.Length: 1 } rewrap && _known.IsPseudonym(rewrap.TargetMethod.ContainingType))
        {
            // Pseudonym.FromComputed(text) vouches for text it did not compute: judge the text.
            var inner = Evaluate(rewrap.Arguments[0].Value, options, visited, depth + 1, cancellationToken);
            return new FlowResult(inner.Identifier, inner.Hash, inner.Proven && inner.Sanitized, inner.Sanitized);
        }
        if (_known.IsPseudonym(operation.Type))
        {
            return FlowResult.Pseudonymised;
        }
        if (depth > MaxDepth)
        {
            return FlowResult.Unknown;
        }
        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                return CombineAll(interpolated.Parts.OfType<IInterpolationOperation>().Select(p => p.Expression), options, visited, depth, cancellationToken);
            case IInterpolatedStringAdditionOperation addition:
                return CombineAll(new[] { addition.Left, addition.Right }, options, visited, depth, cancellationToken);
            case IInterpolatedStringHandlerCreationOperation handler:
                return Evaluate(handler.Content, options, visited, depth + 1, cancellationToken);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return CombineAll(new[] { binary.LeftOperand, binary.RightOperand }, options, visited, depth, cancellationToken);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return CombineAll(new[] { conditional.WhenTrue, whenFalse }, options, visited, depth, cancellationToken);
            case ICoalesceOperation coalesce:
                return CombineAll(new[] { coalesce.Value, coalesce.WhenNull }, options, visited, depth, cancellationToken);
            case IConditionalAccessOperation conditionalAccess:
                return Evaluate(conditionalAccess.WhenNotNull, options, visited, depth + 1, cancellationToken);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, options, visited, depth, cancellationToken);
            case ILocalReferenceOperation local:
                return EvaluateLocal(local, options, visited, depth, cancellationToken);
            case IParameterReferenceOperation parameter:
                return CarriesIdentifier(parameter.Type) && !IsCallerInfo(parameter.Parameter) && IsIdentifierSymbol(parameter.Parameter, options, out var parameterDomain)
                    ? Found(parameter, parameterDomain)
                    : FlowResult.Unknown;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed } indexer:
                // patientIds[i] on a list is a patient id, as on an array.
                return IsScalar(indexer.Type) && ReferencedSymbol(OperationTree.Unwrap(indexed)) is { } list && IsIdentifierSymbol(list, options, out var listDomain)
                    ? Found(indexer, listDomain)
                    : FlowResult.Unknown;
            case IArrayCreationOperation { Initializer: { } initializer }:
                // new[] { patientId } as an array attribute, or a params array of string.Format.
                return CombineAll(initializer.ElementValues, options, visited, depth, cancellationToken);
            case IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation:
                return CarriesIdentifier(member.Type) && IsIdentifierMember(member, options, out var memberDomain)
                    ? Found(member, memberDomain)
                    : FlowResult.Unknown;
            case IArrayElementReferenceOperation element:
                // patientIds[i] is a patient id.
                return IsScalar(element.Type) && ReferencedSymbol(element.ArrayReference) is { } array && IsIdentifierSymbol(array, options, out var arrayDomain)
                    ? Found(element, arrayDomain)
                    : FlowResult.Unknown;
            default:
                return FlowResult.Unknown;
        }
    }

    private FlowResult CombineAll(IEnumerable<IOperation> parts, TelemetryOptions options, HashSet<ILocalSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        var result = FlowResult.Safe;
        foreach (var part in parts)
        {
            result = FlowResult.Combine(result, Evaluate(part, options, visited, depth + 1, cancellationToken));
        }
        return result;
    }

    private static FlowResult Found(IOperation operation, string domain) =>
        new(new IdentifierFinding(Describe(operation), domain, operation), null, proven: false);

    private FlowResult EvaluateLocal(ILocalReferenceOperation local, TelemetryOptions options, HashSet<ILocalSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        if (CarriesIdentifier(local.Type) && options.IsIdentifierName(NameWords.Split(local.Local.Name), out var domain))
        {
            return Found(local, domain);
        }
        if (!visited.Add(local.Local))
        {
            return FlowResult.Unknown;
        }
        var writes = OperationTree.WritesOf(local.Local, OperationTree.Root(local));
        if (writes.Count == 0)
        {
            return FlowResult.Unknown;
        }
        var result = FlowResult.Safe;
        foreach (var write in writes)
        {
            var written = Evaluate(write, options, visited, depth + 1, cancellationToken);
            // A foreach variable over patientIds is a patient id even though the collection is not a scalar.
            if (written.Identifier is null && IsForEachCollection(write) && ReferencedSymbol(OperationTree.Unwrap(write)) is { } collection
                && IsScalar(local.Type) && IsIdentifierSymbol(collection, options, out var collectionDomain))
            {
                written = new FlowResult(new IdentifierFinding(Describe(write), collectionDomain, local), written.Hash, proven: false, written.Sanitized);
            }
            result = FlowResult.Combine(result, written);
        }
        // The fix wraps the local where it reaches telemetry, not where it was assigned.
        return result.Identifier is { } identifier
            ? new FlowResult(identifier.WithWrapTarget(local), result.Hash, result.Proven, result.Sanitized)
            : result;
    }

    private static bool IsForEachCollection(IOperation write) => write.Parent is IForEachLoopOperation loop && loop.Collection == write;

    private FlowResult EvaluateInvocation(IInvocationOperation invocation, TelemetryOptions options, HashSet<ILocalSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (IsSanitizer(method, options))
        {
            return FlowResult.Pseudonymised;
        }
        if (IsUnkeyedHash(method))
        {
            var input = method.Name == "GetHashCode" ? invocation.Instance : invocation.Arguments.FirstOrDefault()?.Value;
            return Hashed(invocation, method, input, options, visited, depth, cancellationToken);
        }
        switch (RoleOf(method, cancellationToken))
        {
            case MethodRole.Sanitizer:
                return FlowResult.Pseudonymised;
            case MethodRole.UnkeyedHashHelper:
                return Hashed(invocation, method, invocation.Arguments.FirstOrDefault()?.Value, options, visited, depth, cancellationToken);
        }

        if (UnaryInput(invocation) is { } unary)
        {
            var inner = Evaluate(unary, options, visited, depth + 1, cancellationToken);
            return new FlowResult(
                inner.Identifier?.WithWrapTarget(invocation),
                inner.Hash is { } hash && OperationTree.Unwrap(hash.ReplaceTarget) == OperationTree.Unwrap(unary) ? hash.WithReplaceTarget(invocation) : inner.Hash,
                inner.Proven && (invocation.Instance is null || invocation.Arguments.All(a => a.Value.ConstantValue.HasValue || a.Value == unary || a.ArgumentKind == ArgumentKind.DefaultValue)),
                inner.Sanitized);
        }
        if (IsStringComposition(method))
        {
            var parts = invocation.Arguments.SelectMany(a => a.ArgumentKind is ArgumentKind.Explicit or ArgumentKind.DefaultValue ? new[] { a.Value } : ParamsElements(a.Value));
            var combined = CombineAll(parts, options, visited, depth, cancellationToken);
            // string.Format("{0}", id) is fixed where id sits; string.Join(",", ids) only as a whole.
            return combined.Identifier is { } identifier && !IsScalar(identifier.WrapTarget.Type)
                ? new FlowResult(identifier.WithWrapTarget(invocation), combined.Hash, combined.Proven, combined.Sanitized)
                : combined;
        }
        // GetPatientId(), customer.GetEmail(): the method's name says what it returns.
        if (CarriesIdentifier(method.ReturnType) && options.IsIdentifierName(NameWords.Split(method.Name), out var domain))
        {
            return Found(invocation, domain);
        }
        return FlowResult.Unknown;
    }

    private FlowResult Hashed(IInvocationOperation invocation, IMethodSymbol method, IOperation? input, TelemetryOptions options, HashSet<ILocalSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        IdentifierFinding? hashedIdentifier = null;
        IOperation? raw = null;
        if (input is not null)
        {
            raw = PeelEncoding(input);
            hashedIdentifier = Evaluate(raw, options, visited, depth + 1, cancellationToken).Identifier;
        }
        var name = method.ContainingType is { } type && method.MethodKind != MethodKind.LocalFunction ? type.Name + "." + method.Name : method.Name;
        return new FlowResult(null, new HashFinding(name, invocation, raw, hashedIdentifier), proven: false);
    }

    /// <summary><c>Encoding.UTF8.GetBytes(id)</c> is <c>id</c> for a fix that pseudonymises it instead.</summary>
    private static IOperation PeelEncoding(IOperation input)
    {
        var operation = OperationTree.Unwrap(input);
        while (operation is IInvocationOperation { TargetMethod.Name: "GetBytes" or "AsSpan", Arguments.Length: >= 1 } call
               && call.TargetMethod.ContainingType?.Name is "Encoding" or "UTF8Encoding" or "MemoryExtensions" or "String")
        {
            operation = OperationTree.Unwrap(call.Arguments[0].Value);
        }
        return operation;
    }

    /// <summary>
    /// The one input of a call that only reshapes its value: <c>x.ToString()</c>, <c>x.Trim()</c>,
    /// <c>Convert.ToHexString(x)</c>, <c>Encoding.UTF8.GetBytes(x)</c>, <c>long.Parse(x)</c>.
    /// </summary>
    private static IOperation? UnaryInput(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var typeName = method.ContainingType?.Name;
        if (!method.IsStatic && invocation.Instance is { } instance)
        {
            if (method.Name == "ToString" || (instance.Type?.SpecialType == SpecialType.System_String && UnaryStringMethods.Contains(method.Name)))
            {
                return instance;
            }
            if (method.Name == "GetBytes" && typeName is "Encoding" or "UTF8Encoding" or "ASCIIEncoding" or "UnicodeEncoding")
            {
                return invocation.Arguments.FirstOrDefault()?.Value;
            }
            return null;
        }
        if (invocation.Arguments.IsEmpty)
        {
            return null;
        }
        var first = invocation.Arguments[0].Value;
        return typeName switch
        {
            "Convert" when ConvertMethods.Contains(method.Name) => first,
            "BitConverter" when method.Name == "ToString" => first,
            "Int32" or "Int64" or "UInt64" or "Guid" or "Decimal" when method.Name is "Parse" or "ToString" => first,
            "MemoryExtensions" when method.Name == "AsSpan" => first,
            _ => null,
        };
    }

    /// <summary>
    /// The values of a params argument: an array's elements, or (for <c>params ReadOnlySpan&lt;object?&gt;</c>,
    /// which this Roslyn version has no interface for) the children of the collection.
    /// </summary>
    private static IEnumerable<IOperation> ParamsElements(IOperation value) =>
        OperationTree.Unwrap(value) is IArrayCreationOperation { Initializer: { } initializer }
            ? initializer.ElementValues
            : OperationTree.Unwrap(value).ChildOperations;

    private static bool IsStringComposition(IMethodSymbol method) =>
        method.IsStatic
        && method.ContainingType?.SpecialType == SpecialType.System_String
        && method.Name is "Format" or "Concat" or "Join" or "Create";

    private bool IsSanitizer(IMethodSymbol method, TelemetryOptions options)
    {
        if (_known.IsPseudonymizer(method.ContainingType) && (_known.IsPseudonym(method.ReturnType) || method.ReturnType.SpecialType == SpecialType.System_String))
        {
            return true;
        }
        if (IsKeyedHash(method))
        {
            return true;
        }
        if (options.SanitizerMethodNames.Contains(method.Name) && method.ContainingType is { } type)
        {
            return options.Sanitizers.Contains(type.ToDisplayString(QualifiedName) + "." + method.Name);
        }
        return false;
    }

    /// <summary>An HMAC with a secret key: as good as the runtime's pseudonymiser when the key is kept secret.</summary>
    private static bool IsKeyedHash(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.Name.StartsWith("HMAC", StringComparison.Ordinal) && IsCryptography(type))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnkeyedHash(IMethodSymbol method)
    {
        if (method.Name == "GetHashCode" && method.Parameters.IsEmpty && !method.IsStatic)
        {
            return true;
        }
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }
        if (type.Name == "HashCode" && method.Name is "Combine" or "ToHashCode")
        {
            return true;
        }
        if (method.Name is not ("HashData" or "ComputeHash" or "TryHashData" or "ComputeHashAsync" or "Hash" or "HashToUInt32" or "HashToUInt64" or "GetCurrentHash"))
        {
            return false;
        }
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HashAlgorithmTypes.Contains(current.Name))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsCryptography(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography";

    /// <summary>
    /// A method of the project decides by its body: one that calls the pseudonymiser or an HMAC is a
    /// sanitizer; one that calls an unkeyed hash and nothing keyed is a hash helper (the seed's
    /// <c>hashID</c>). Read from syntax, so another file's method costs no semantic model.
    /// </summary>
    private MethodRole RoleOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.IsEmpty || (!IsScalar(method.ReturnType) && method.ReturnType.SpecialType != SpecialType.System_Object))
        {
            return MethodRole.None;
        }
        return _methodRoles.GetOrAdd(method.OriginalDefinition, m =>
        {
            var sawUnkeyed = false;
            var calls = 0;
            foreach (var reference in m.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                foreach (var node in syntax.DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax call)
                    {
                        continue;
                    }
                    calls++;
                    var callee = call.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access,
                        _ => null,
                    };
                    var name = callee?.Name.Identifier.ValueText ?? (call.Expression as IdentifierNameSyntax)?.Identifier.ValueText ?? "";
                    var receiver = callee?.Expression.ToString() ?? "";
                    if (name is "Pseudonymize" || receiver.IndexOf("HMAC", StringComparison.OrdinalIgnoreCase) >= 0
                        || (name is "Compute" && receiver.IndexOf("seudonym", StringComparison.OrdinalIgnoreCase) >= 0))
                    {
                        return MethodRole.Sanitizer;
                    }
                    if (name is "GetHashCode"
                        || (name is "HashData" or "ComputeHash" or "TryHashData" or "Hash" && (receiver.IndexOf("SHA", StringComparison.OrdinalIgnoreCase) >= 0 || receiver.IndexOf("MD5", StringComparison.OrdinalIgnoreCase) >= 0 || receiver.IndexOf("Hash", StringComparison.Ordinal) >= 0))
                        || (name is "Combine" && receiver == "HashCode"))
                    {
                        sawUnkeyed = true;
                    }
                }
                // new HMACSHA256(key) with ComputeHash on the instance is keyed too.
                if (syntax.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Any(c => c.Type.ToString().IndexOf("HMAC", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return MethodRole.Sanitizer;
                }
            }
            // "Only wraps a hash": a larger method that happens to hash something is not judged by it.
            return sawUnkeyed && calls <= MaxHelperCalls ? MethodRole.UnkeyedHashHelper : MethodRole.None;
        });
    }

    private bool IsIdentifierMember(IMemberReferenceOperation member, TelemetryOptions options, out string domain)
    {
        if (IsIdentifierSymbol(member.Member, options, out domain))
        {
            return true;
        }
        // patient.Id, visit.Patient.Id, this.Id inside class Patient: the member says "id", the
        // receiver says whose.
        var words = NameWords.Split(member.Member.Name);
        if (words.Count == 0 || !words.All(TelemetryOptions.IdentityWords.Contains))
        {
            return false;
        }
        var receiver = member.Instance is null ? null : OperationTree.Unwrap(member.Instance);
        var receiverType = receiver?.Type ?? member.Member.ContainingType;
        if (receiver is not null && ReferencedSymbol(receiver) is { } receiverSymbol
            && options.IsIdentifierName(NameWords.Split(receiverSymbol.Name).Concat(words).ToList(), out domain))
        {
            return true;
        }
        return receiverType is not null && options.IsIdentifierName(NameWords.Split(receiverType.Name).Concat(words).ToList(), out domain);
    }

    private bool IsIdentifierSymbol(ISymbol symbol, TelemetryOptions options, out string domain)
    {
        if (options.IsIdentifierName(NameWords.Split(symbol.Name), out domain))
        {
            return true;
        }
        if (HasDataClassification(symbol))
        {
            var words = NameWords.Split(symbol.Name);
            domain = words.Count > 0 ? words[0] : "personal";
            return true;
        }
        return false;
    }

    /// <summary>Microsoft.Extensions.Compliance's <c>[PrivateData]</c> and the like: any attribute derived from <c>DataClassificationAttribute</c>.</summary>
    private static bool HasDataClassification(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (type.Name == "DataClassificationAttribute")
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Caller-info parameters are filled in by the compiler: never personal data.</summary>
    private static bool IsCallerInfo(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.Name is "CallerMemberNameAttribute" or "CallerFilePathAttribute" or "CallerArgumentExpressionAttribute" or "CallerLineNumberAttribute");

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IMemberReferenceOperation member => member.Member,
        IInvocationOperation invocation => invocation.TargetMethod,
        _ => null,
    };

    /// <summary>
    /// A scalar, or a sequence of them: <c>string.Join(",", patientIds)</c> and a <c>List&lt;long&gt;</c>
    /// sent as an array attribute carry identifiers too.
    /// </summary>
    public static bool CarriesIdentifier(ITypeSymbol? type)
    {
        if (IsScalar(type))
        {
            return true;
        }
        if (type is IArrayTypeSymbol array)
        {
            return IsScalar(array.ElementType);
        }
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return IsScalar(named.TypeArguments[0]);
        }
        foreach (var implemented in named.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && IsScalar(implemented.TypeArguments[0]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Types an identifier is carried in: text, numbers and GUIDs (not objects, whose ToString says little).</summary>
    public static bool IsScalar(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        if (type is null)
        {
            return false;
        }
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Char:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
                return true;
        }
        return type.Name == "Guid" && type.ContainingNamespace?.Name == "System"
            || (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte });
    }

    private static string Describe(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        text = string.Join(" ", text.Split(new[] { '\r', '\n', '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}

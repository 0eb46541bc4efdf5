using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: Sanitizers, keyed HMACs and unkeyed hashes, recognised by type.
internal sealed partial class ValueFlow
{
    private FlowResult Hashed(IInvocationOperation invocation, IMethodSymbol method, IOperation? input, Frame frame, int depth)
    {
        IdentifierFinding? hashedIdentifier = null;
        IOperation? raw = null;
        if (input is not null)
        {
            raw = PeelEncoding(input);
            hashedIdentifier = Evaluate(raw, frame, depth + 1).Identifier;
        }
        var name = method.ContainingType is { } type && method.MethodKind != MethodKind.LocalFunction ? type.Name + "." + method.Name : method.Name;
        if (DerivesFromHmac(method.ContainingType) || DerivesFromHmac(invocation.Instance?.Type))
        {
            name += " with a key written in the code";
        }
        return new FlowResult(null, new HashFinding(name, invocation, raw, hashedIdentifier), proven: false);
    }

    /// <summary>
    /// <c>Encoding.UTF8.GetBytes(id)</c> is <c>id</c> for a fix that pseudonymises it instead, and for
    /// telling what was hashed; so are the bytes of a Guid or a number (<c>subscriberId.ToByteArray()</c>,
    /// <c>BitConverter.GetBytes(accountNumber)</c>).
    /// </summary>
    private static IOperation PeelEncoding(IOperation input)
    {
        var operation = OperationTree.Unwrap(input);
        while (true)
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "GetBytes" or "AsSpan", Arguments.Length: >= 1 } call
                    when call.TargetMethod.ContainingType?.Name is "Encoding" or "UTF8Encoding" or "MemoryExtensions" or "String" or "BitConverter":
                    operation = OperationTree.Unwrap(call.Arguments[0].Value);
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ToByteArray", Arguments.Length: 0, Instance: { } guid }
                    when guid.Type is { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }:
                    operation = OperationTree.Unwrap(guid);
                    continue;
                default:
                    return operation;
            }
        }
    }

    private bool IsSanitizer(IInvocationOperation invocation, TelemetryOptions options, CancellationToken cancellationToken) =>
        IsSanitizerMethod(invocation.TargetMethod, options) || (IsKeyedHash(invocation) && !IsKeyedWithConstant(invocation, cancellationToken));

    /// <summary>
    /// A method whose result is a pseudonym or erased whatever it is given: also where it is handed over
    /// as a method group (<c>failing.Select(pseudonymizer.ComputeStudentId)</c>). A keyed hash needs its call
    /// to tell whether its key is a constant.
    /// </summary>
    private bool IsSanitizerMethod(IMethodSymbol method, TelemetryOptions options)
    {
        if (_known.IsPseudonymizer(method.ContainingType) && (_known.IsPseudonym(method.ReturnType) || method.ReturnType.SpecialType == SpecialType.System_String))
        {
            return true;
        }
        // The generated identifier-space helpers (PseudonymizePatientId, ComputePatientId) say so by
        // their [IdentifierSpace] mark: judged by it, not by reading their bodies, which are
        // generated code and are not followed.
        if ((_known.IsPseudonym(method.ReturnType) || method.ReturnType.SpecialType == SpecialType.System_String) && GeneratedApi.HasIdentifierSpace(method))
        {
            return true;
        }
        if (method.Name == "Redact" && method.ReturnType.SpecialType == SpecialType.System_String && IsComplianceRedactor(method.ContainingType))
        {
            // Microsoft.Extensions.Compliance: what a redactor returns is erased, masked or keyed, never the value.
            return true;
        }
        if (options.SanitizerMethodNames.Contains(method.Name) && method.ContainingType is { } type)
        {
            return options.Sanitizers.Contains(type.ToDisplayString(QualifiedName) + "." + method.Name);
        }
        return false;
    }

    private static bool IsComplianceRedactor(INamedTypeSymbol? type) =>
        IsOrDerivesFrom(type, t => t.Name == "Redactor" && t.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Compliance.Redaction");

    /// <summary>
    /// An HMAC with a secret key, judged by the receiver's type (<c>new HMACSHA256(key).ComputeHash</c>
    /// calls <c>HashAlgorithm.ComputeHash</c>), the static <c>HMACSHA256.HashData(key, …)</c>, or an
    /// <c>IncrementalHash</c> created by <c>CreateHMAC</c>.
    /// </summary>
    private bool IsKeyedHash(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!IsCryptography(method.ContainingType))
        {
            return false;
        }
        if (method.IsStatic)
        {
            return DerivesFromHmac(method.ContainingType) || method.Name == "CreateHMAC";
        }
        if (invocation.Instance is { } instance)
        {
            if (DerivesFromHmac(instance.Type))
            {
                return true;
            }
            if (instance.Type?.Name == "IncrementalHash")
            {
                return IncrementalHashCreation(instance) is { TargetMethod.Name: "CreateHMAC" };
            }
        }
        return false;
    }

    private static IInvocationOperation? IncrementalHashCreation(IOperation instance)
    {
        var operation = OperationTree.Unwrap(instance);
        if (operation is IInvocationOperation created)
        {
            return created;
        }
        if (operation is ILocalReferenceOperation local)
        {
            foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
            {
                if (OperationTree.Unwrap(write) is IInvocationOperation { TargetMethod.Name: "CreateHMAC" or "CreateHash" } creation)
                {
                    return creation;
                }
            }
        }
        return null;
    }

    private static bool DerivesFromHmac(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "HMAC" or "KeyedHashAlgorithm" && IsCryptography(current))
            {
                return true;
            }
            if (current.Name.StartsWith("HMAC", StringComparison.Ordinal) && IsCryptography(current))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// An unkeyed hash, recognised by symbol: <c>GetHashCode</c> (also a comparer's), <c>HashCode</c>,
    /// SHA-x/MD5/xxHash/CRC through <c>HashData</c>/<c>ComputeHash</c> on an unkeyed algorithm, and an
    /// <c>IncrementalHash</c> created by <c>CreateHash</c>. <paramref name="input"/> is the hashed value.
    /// </summary>
    private bool UnkeyedHashInput(IInvocationOperation invocation, Frame frame, out IOperation? input)
    {
        var method = invocation.TargetMethod;
        input = null;
        if (method.Name == "GetHashCode" && !method.IsStatic)
        {
            input = method.Parameters.Length == 0 ? invocation.Instance : invocation.Arguments.FirstOrDefault()?.Value;
            return method.Parameters.Length <= 1;
        }
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }
        if (type.Name == "HashCode" && type.ContainingNamespace?.Name == "System" && method.Name is "Combine" or "ToHashCode")
        {
            input = invocation.Arguments.FirstOrDefault()?.Value;
            return true;
        }
        if (type.Name == "IncrementalHash" && method.Name is "GetHashAndReset" or "GetCurrentHash" && invocation.Instance is { } hasher)
        {
            if (IncrementalHashCreation(hasher) is not { TargetMethod.Name: "CreateHash" })
            {
                return false;
            }
            if (OperationTree.Unwrap(hasher) is ILocalReferenceOperation local)
            {
                // Fed in pieces (an id, then a test code): the piece that is an identifier is the input.
                var pieces = LocalWrites(local.Local, OperationTree.Root(local)).Select(w => w.Value)
                    .Where(w => w.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AppendData" } }).ToList();
                input = pieces.FirstOrDefault(p => Evaluate(p, frame, 1).Identifier is not null) ?? pieces.FirstOrDefault();
            }
            return true;
        }
        if (method.Name is not ("HashData" or "ComputeHash" or "TryHashData" or "ComputeHashAsync" or "Hash" or "HashToUInt32" or "HashToUInt64" or "GetCurrentHash"))
        {
            return false;
        }
        if (DerivesFromHmac(invocation.Instance?.Type) || (method.IsStatic && DerivesFromHmac(type)))
        {
            // An HMAC whose key is written in the code is a salted hash: anyone with the binary can
            // recompute it for a known person.
            if (IsKeyedWithConstant(invocation, frame.CancellationToken))
            {
                input = method.IsStatic
                    ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "source" or "data")?.Value
                    : invocation.Arguments.FirstOrDefault()?.Value;
                return input is not null;
            }
            return false;
        }
        for (var current = invocation.Instance?.Type ?? type; current is not null; current = current.BaseType)
        {
            if (HashAlgorithmTypes.Contains(current.Name))
            {
                input = invocation.Arguments.FirstOrDefault()?.Value;
                return true;
            }
        }
        return false;
    }

    private bool IsKeyedWithConstant(IInvocationOperation hmac, CancellationToken cancellationToken) =>
        HmacKey(hmac) is { } key && IsConstantKey(key, cancellationToken, 0);

    /// <summary>The key of <c>HMACSHA256.HashData(key, …)</c>, or the one the receiver of <c>ComputeHash</c> was created with.</summary>
    private static IOperation? HmacKey(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.IsStatic)
        {
            return invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key")?.Value;
        }
        var receiver = invocation.Instance is null ? null : OperationTree.Unwrap(invocation.Instance);
        if (receiver is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            receiver = writes.Count == 1 ? OperationTree.Unwrap(writes[0].Value) : null;
        }
        return receiver is IObjectCreationOperation { Arguments.Length: 1 } creation ? creation.Arguments[0].Value : null;
    }

    /// <summary>
    /// A key that is the same in every build: a literal's bytes, a constant array, or a field or local
    /// only ever given one of those. A key read from configuration or a secret store is not.
    /// </summary>
    private bool IsConstantKey(IOperation key, CancellationToken cancellationToken, int depth)
    {
        if (depth > 4)
        {
            return false;
        }
        var operation = OperationTree.Unwrap(key);
        switch (operation)
        {
            case { ConstantValue.HasValue: true }:
            case IUtf8StringOperation:
                return true;
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.All(v => OperationTree.Unwrap(v).ConstantValue.HasValue);
            case IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } bytes
                when bytes.TargetMethod.ContainingType?.Name is "Encoding" or "UTF8Encoding" or "ASCIIEncoding" or "UnicodeEncoding":
                return IsConstantKey(bytes.Arguments[0].Value, cancellationToken, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "ToArray", Instance: { } span, Arguments.Length: 0 }:
                return IsConstantKey(span, cancellationToken, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "FromHexString" or "FromBase64String", Arguments.Length: 1 } decoded
                when decoded.TargetMethod.ContainingType?.Name == "Convert":
                return IsConstantKey(decoded.Arguments[0].Value, cancellationToken, depth + 1);
            case ILocalReferenceOperation local:
            {
                var writes = LocalWrites(local.Local, OperationTree.Root(local));
                return writes.Count > 0 && writes.All(w => IsConstantKey(w.Value, cancellationToken, depth + 1));
            }
            case IFieldReferenceOperation { Field: { IsConst: true } }:
                return true;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
            {
                var writes = _index.WritesOf(field, cancellationToken);
                return writes.Count > 0 && writes.All(w => IsConstantKey(w, cancellationToken, depth + 1));
            }
            case IPropertyReferenceOperation { Property: { SetMethod: null } property } when IsAutoProperty(property):
            {
                var writes = _index.WritesOf(property, cancellationToken);
                return writes.Count > 0 && writes.All(w => IsConstantKey(w, cancellationToken, depth + 1));
            }
            default:
                return false;
        }
    }

    private static bool IsCryptography(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography";
}

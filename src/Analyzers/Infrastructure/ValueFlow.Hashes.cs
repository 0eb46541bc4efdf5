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

    private bool IsSanitizer(IInvocationOperation invocation, TelemetryOptions options)
    {
        var method = invocation.TargetMethod;
        if (_known.IsPseudonymizer(method.ContainingType) && (_known.IsPseudonym(method.ReturnType) || method.ReturnType.SpecialType == SpecialType.System_String))
        {
            return true;
        }
        if (IsKeyedHash(invocation))
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
        if (options.SanitizerMethodNames.Contains(method.Name) && method.ContainingType is { } type)
        {
            return options.Sanitizers.Contains(type.ToDisplayString(QualifiedName) + "." + method.Name);
        }
        return false;
    }

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

    private static bool IsCryptography(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography";
}

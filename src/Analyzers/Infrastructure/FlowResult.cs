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

    public FlowResult(IdentifierFinding? identifier, HashFinding? hash, bool proven, bool sanitized = false, ImmutableArray<IParameterSymbol> parameters = default)
    {
        Identifier = identifier;
        Hash = hash;
        Proven = proven;
        Sanitized = sanitized;
        Parameters = parameters.IsDefault ? ImmutableArray<IParameterSymbol>.Empty : parameters;
    }

    /// <summary>Some part of the value came out of a sanitizer: a pseudonym, still one per person.</summary>
    public bool Sanitized { get; }

    public IdentifierFinding? Identifier { get; }

    public HashFinding? Hash { get; }

    /// <summary>Every part of the value is a constant or came out of a sanitizer.</summary>
    public bool Proven { get; }

    /// <summary>
    /// Parameters of the enclosing method that the value is built from: a method's summary is
    /// completed at each call by the arguments given for them.
    /// </summary>
    public ImmutableArray<IParameterSymbol> Parameters { get; }

    public FlowResult WithoutParameters() => Parameters.IsEmpty ? this : new(Identifier, Hash, Proven, Sanitized);

    public static FlowResult Parameter(IParameterSymbol parameter) =>
        new(null, null, proven: false, parameters: ImmutableArray.Create(parameter));

    public static FlowResult Combine(FlowResult left, FlowResult right) =>
        new(left.Identifier ?? right.Identifier, left.Hash ?? right.Hash, left.Proven && right.Proven, left.Sanitized || right.Sanitized,
            right.Parameters.IsEmpty ? left.Parameters : left.Parameters.IsEmpty ? right.Parameters : left.Parameters.AddRange(right.Parameters.Where(p => !left.Parameters.Contains(p, SymbolEqualityComparer.Default))));
}

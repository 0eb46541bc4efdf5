using System;

namespace TelemetryConventions;

/// <summary>
/// Marks a generated pseudonymisation helper with the attribute it serves and the identifier space (domain) the
/// conventions give that attribute, so that code fixes and analyzers can pick the right helper from metadata alone.
/// </summary>
/// <remarks>Written by the source generator on every <c>TelemetryPseudonyms.Pseudonymize…</c> and <c>Compute…</c> method.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class IdentifierSpaceAttribute : Attribute
{
    /// <summary>Records the attribute and its domain.</summary>
    /// <param name="attributeName">The attribute as declared, for example <c>patient.id</c>.</param>
    /// <param name="domain">The pseudonymisation domain, the attribute name unless the conventions name another.</param>
    public IdentifierSpaceAttribute(string attributeName, string domain)
    {
        AttributeName = attributeName;
        Domain = domain;
    }

    /// <summary>The attribute as declared, for example <c>patient.id</c>.</summary>
    public string AttributeName { get; }

    /// <summary>The pseudonymisation domain of the attribute.</summary>
    public string Domain { get; }
}

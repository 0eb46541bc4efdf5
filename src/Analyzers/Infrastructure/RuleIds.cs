using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>Every rule id of the analyzers, and the pieces each descriptor shares.</summary>
public static class RuleIds
{
    public const string UnpseudonymisedIdentifier = "TC1001";
    public const string UnkeyedHash = "TC1002";
    public const string IdentifierAsMetricTag = "TC1003";
    public const string AdHocAttributeName = "TC2001";
    public const string RawAttributeName = "TC2002";
    public const string DynamicAttributeKey = "TC2003";
    public const string AttributeTypeMismatch = "TC2004";
    public const string DeprecatedAttribute = "TC2005";
    public const string UndeclaredTelemetryName = "TC2006";
    public const string DeprecatedLogPlaceholder = "TC2007";
    public const string LogPlaceholderTypeMismatch = "TC2008";
    public const string LogCallMatchesEvent = "TC2009";
    public const string SpanNeverEnded = "TC3001";
    public const string InstrumentPerCall = "TC3002";

    public const string PrivacyCategory = "Privacy";
    public const string ConformanceCategory = "Conformance";
    public const string UsageCategory = "Usage";

    /// <summary>
    /// The same base as the generator's TC0xxx rules (<c>DiagnosticRule.HelpLink</c>), so every rule
    /// of the package documents itself in one folder; a test keeps the two in step.
    /// </summary>
    public const string HelpLinkBase = "https://github.com/telemetry-conventions/telemetry-conventions/blob/main/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    public static DiagnosticDescriptor Descriptor(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id));
}

/// <summary>Keys of <see cref="Diagnostic.Properties"/> that the code fixes read.</summary>
public static class PropertyNames
{
    /// <summary>The declared attribute name a key should become.</summary>
    public const string AttributeName = nameof(AttributeName);

    /// <summary>The pseudonymisation domain (the kind of identifier: patient, student, …).</summary>
    public const string Domain = nameof(Domain);

    /// <summary>Present when a span's wrapper is thrown away by an expression statement, the case the using fix handles.</summary>
    public const string Discarded = nameof(Discarded);
}

using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// What the emitter writes, with every C# name already chosen. Specs carry no source
/// locations, so moving text around in a YAML file does not re-emit anything.
/// </summary>
internal sealed record EnumMemberSpec(
    string Id,
    string CSharpName,
    string? StringValue,
    long? IntValue,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated);

internal sealed record AttributeSpec(
    string Name,
    string ConstantName,
    AttributeType Type,
    string? Brief,
    string? Note,
    EquatableArray<string> Examples,
    Stability Stability,
    Deprecation? Deprecated,
    PrivacyAnnotation? Privacy,
    string? EnumTypeName,
    EquatableArray<EnumMemberSpec> EnumMembers);

/// <summary>One generated file: the constants (and enums) of one root namespace such as <c>http</c>.</summary>
internal sealed record AttributeNamespaceSpec(
    string RootName,
    string ClassName,
    EquatableArray<AttributeSpec> Attributes,
    GenerationOptions Options)
{
    public string HintName => $"{ClassName}.g.cs";
}

/// <summary>Everything to emit, and the problems found while choosing names.</summary>
internal sealed record GenerationPlan(
    EquatableArray<AttributeNamespaceSpec> AttributeNamespaces,
    EquatableArray<ConventionDiagnostic> Diagnostics);

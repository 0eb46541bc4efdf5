using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// One entity as resource attributes: a method whose parameters are the entity's attributes, the
/// identifying ones required (<see cref="WrapperAttributeSpec.IsRequired"/>), the descriptive ones optional.
/// </summary>
internal sealed record ResourceSpec(
    string EntityName,
    string MethodName,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    EquatableArray<WrapperAttributeSpec> Attributes,
    GenerationOptions Options)
{
    public string HintName => $"Resources.{MethodName}.g.cs";
}

internal sealed record ResourcePlan(EquatableArray<ResourceSpec> Resources, EquatableArray<ConventionDiagnostic> Diagnostics);

/// <summary>
/// Plans the resource helpers of the entity groups the project declares or imports. The attribute
/// types are those of the wrappers, so an enum is the generated enum and a pseudonymised identifier
/// takes only a <c>Pseudonym</c>.
/// </summary>
internal static class ResourcePlanner
{
    public const string ResourcesClass = "TelemetryResources";

    public static ResourcePlan Plan(ResolvedRegistry registry, GenerationPlan plan)
    {
        var options = plan.Options;
        var diagnostics = new List<ConventionDiagnostic>();
        var enumTypes = plan.AttributeNamespaces
            .SelectMany(n => n.Attributes)
            .Where(a => a.EnumTypeName is not null)
            .ToDictionary(a => a.Name, a => a.OpenValueTypeName ?? a.EnumTypeName!, StringComparer.Ordinal);
        var stability = new StabilityFilter(registry, options);
        var attributes = new WrapperPlanner(options, TargetPlatform.Current, new NameAllocator(), enumTypes, diagnostics, stability);
        var methods = new NameAllocator(StringComparer.Ordinal, "Equals", "ReferenceEquals");
        var resources = new List<ResourceSpec>();
        foreach (var group in registry.Groups
            .Where(g => g.Kind == GroupKind.Entity && !g.ExcludedFromCodeGeneration && stability.Keeps(g.Id, g.Stability, g.Location))
            .OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            var identifying = new HashSet<string>(group.Attributes.Where(a => a.Identifying).Select(a => a.Name), StringComparer.Ordinal);
            var planned = attributes.PlanAttributes(group, allowTemplates: false)
                .Select(a => a with
                {
                    Requirement = identifying.Contains(a.Name) ? RequirementKind.Required : RequirementKind.Recommended,
                    Condition = null,
                })
                .OrderBy(a => a.IsRequired ? 0 : 1)
                .ToEquatableArray();
            if (planned.IsEmpty)
            {
                continue;
            }
            var entityName = group.EntityName ?? SignalNames.StripPrefix(group.Id, "entity.");
            resources.Add(new ResourceSpec(
                entityName,
                methods.Allocate(entityName, group.Id, group.Location, ResourcesClass + ".", diagnostics),
                group.Brief,
                group.Note,
                group.Stability,
                group.Deprecated,
                planned,
                options));
        }
        return new ResourcePlan(resources.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

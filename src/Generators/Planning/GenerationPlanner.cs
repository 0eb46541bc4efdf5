using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>Chooses what to emit and the C# name of everything, from a resolved registry.</summary>
internal static class GenerationPlanner
{
    public static GenerationPlan Plan(ResolvedRegistry registry, GenerationOptions options, TargetPlatform? platform = null)
    {
        var diagnostics = new List<ConventionDiagnostic>(registry.Diagnostics);
        var stability = new StabilityFilter(registry, options);
        // One scope for every top-level type the generator writes into the namespace.
        var typeNames = new NameAllocator(StringComparer.OrdinalIgnoreCase, WrapperPlanner.SpansClass, WrapperPlanner.EventsClass, WrapperPlanner.MetricsClass, WrapperPlanner.SupportClass, PseudonymsClass, SchemaPlanner.SchemaClass, ResourcePlanner.ResourcesClass, CatalogPlanner.CatalogClass);
        var pseudonymNames = new NameAllocator();
        var enumTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var namespaces = registry.Attributes
            .Where(a => !a.ExcludedFromCodeGeneration && stability.Keeps(a.Name, a.Stability, a.Location))
            .GroupBy(a => CSharpNames.RootOf(a.Name), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => PlanNamespace(g.Key, g.OrderBy(a => a.Name, StringComparer.Ordinal).ToList(), options, typeNames, enumTypes, pseudonymNames, diagnostics))
            .ToEquatableArray();
        var (spans, events, logEvents, metrics) = new WrapperPlanner(options, platform ?? TargetPlatform.Current, typeNames, enumTypes, diagnostics, stability).Plan(registry);
        var catalog = new CatalogSpec(CatalogPlanner.Plan(registry, options, stability), options);
        if (stability.Report() is { } leftOut)
        {
            diagnostics.Add(leftOut);
        }
        return new GenerationPlan(namespaces, spans, events, metrics, catalog, diagnostics.ToEquatableArray(), options, logEvents);
    }

    /// <summary>The suffix of an enum's wire-value mapping class (<c>ShapesKindValues</c>).</summary>
    public const string EnumValuesSuffix = "Values";

    /// <summary>The one class that holds the pseudonymisation helpers of every identifier attribute.</summary>
    public const string PseudonymsClass = "TelemetryPseudonyms";

    private static AttributeNamespaceSpec PlanNamespace(
        string root,
        List<AttributeDefinition> attributes,
        GenerationOptions options,
        NameAllocator typeNames,
        Dictionary<string, string> enumTypes,
        NameAllocator pseudonymNames,
        List<ConventionDiagnostic> diagnostics)
    {
        var className = typeNames.Allocate(root, root, attributes[0].Location, "", diagnostics, "Attributes");
        var names = new NameAllocator(className);
        var constantNames = new Dictionary<string, string>(StringComparer.Ordinal);
        // Current attributes get the plain names; deprecated spellings such as `provider_name`
        // beside `provider.name` give way.
        foreach (var attribute in attributes.OrderBy(a => a.Deprecated is null ? 0 : 1))
        {
            var local = attribute.Name.Length > root.Length ? attribute.Name.Substring(root.Length + 1) : attribute.Name;
            constantNames[attribute.Name] = names.Allocate(local, attribute.Name, attribute.Location, className + ".", diagnostics);
        }

        var specs = new List<AttributeSpec>(attributes.Count);
        foreach (var attribute in attributes)
        {
            string? enumTypeName = null;
            string? openValueTypeName = null;
            var members = EquatableArray<EnumMemberSpec>.Empty;
            if (attribute.Type.IsEnum)
            {
                // The enum's mapping class is named after it (AttributeEmitter): reserved with it.
                enumTypeName = typeNames.Allocate(attribute.Name, attribute.Name, attribute.Location, "", diagnostics, "", EnumValuesSuffix);
                members = PlanMembers(attribute, diagnostics);
                // String enums are open in the semantic conventions (custom values are allowed), so
                // wrappers take a value type that a member converts to implicitly.
                if (attribute.Type.Primitive == PrimitiveType.String)
                {
                    openValueTypeName = typeNames.Allocate(enumTypeName, attribute.Name, attribute.Location, "", diagnostics, "Value");
                }
                enumTypes[attribute.Name] = openValueTypeName ?? enumTypeName;
            }

            specs.Add(new AttributeSpec(
                attribute.Name,
                constantNames[attribute.Name],
                WithoutLocations(attribute.Type),
                attribute.Brief,
                attribute.Note,
                attribute.Examples,
                attribute.Stability,
                attribute.Deprecated,
                attribute.Privacy,
                enumTypeName,
                openValueTypeName,
                members,
                attribute.PseudonymDomain is { } domain && !attribute.Type.IsArray
                    ? new PseudonymHelperSpec(domain, pseudonymNames.Allocate(attribute.Name, attribute.Name, attribute.Location, PseudonymsClass + ".Pseudonymize", diagnostics))
                    : null));
        }
        return new AttributeNamespaceSpec(root, className, specs.ToEquatableArray(), options);
    }

    /// <summary>Specs carry no source locations: moving text in a file must not re-emit anything.</summary>
    private static AttributeType WithoutLocations(AttributeType type) =>
        type.IsEnum ? type with { Members = type.Members.Select(m => m with { Location = default }).ToEquatableArray() } : type;

    private static EquatableArray<EnumMemberSpec> PlanMembers(AttributeDefinition attribute, List<ConventionDiagnostic> diagnostics)
    {
        var names = new NameAllocator(CSharpNames.Pascal(attribute.Name));
        var memberNames = new Dictionary<EnumMember, string>();
        foreach (var member in attribute.Type.Members.OrderBy(m => m.Deprecated is null ? 0 : 1))
        {
            memberNames[member] = names.Allocate(member.Id, member.Id, member.Location, "", diagnostics);
        }
        return attribute.Type.Members
            .Select(m => new EnumMemberSpec(m.Id, memberNames[m], m.StringValue, m.IntValue, m.Brief, m.Note, m.Stability, m.Deprecated))
            .ToEquatableArray();
    }
}

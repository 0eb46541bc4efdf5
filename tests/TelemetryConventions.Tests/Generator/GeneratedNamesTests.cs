using Microsoft.CodeAnalysis;
using TelemetryConventions.Generators.Planning;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// Every type the emitters write says it is generated, and every type name they derive (an enum's
/// <c>…Values</c> class, the catalog, the support types) is reserved, so no attribute can take it.
/// </summary>
public sealed class GeneratedNamesTests
{
    private static string Enum(string name) => $"      - id: {name}\n        brief: An enum.\n        type:\n          members:\n            - id: one\n              value: \"one\"\n";

    private static GeneratorRun Run(params string[] attributes) => GeneratorHarness.Run("conventions/a.yaml",
        "groups:\n  - id: registry.a\n    type: attribute_group\n    brief: A.\n    attributes:\n" + string.Concat(attributes));

    [Theory]
    [InlineData("a.b", "a.b_values")]
    [InlineData("a.b_values", "a.b")]
    public void An_enum_named_like_another_enums_values_class_gets_a_name_of_its_own(string first, string second)
    {
        var run = Run(Enum(first), Enum(second));

        Assert.Empty(run.CompilationDiagnostics);
        var types = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>().Select(t => t.Name).ToList();
        Assert.Equal(types.Count, types.Distinct().Count());
        Assert.Contains("AB", types);
        Assert.Contains("ABValues", types);
    }

    [Theory]
    [InlineData("telemetry.catalog")]
    [InlineData("telemetry.schema")]
    [InlineData("telemetry.resources")]
    [InlineData("telemetry.conventions.support")]
    public void An_enum_named_like_a_support_type_does_not_take_its_name(string attribute)
    {
        var run = GeneratorHarness.Run("conventions/t.yaml",
            "groups:\n  - id: registry.t\n    type: attribute_group\n    brief: T.\n    attributes:\n" + Enum(attribute)
            + "  - id: span.t.work\n    type: span\n    span_kind: internal\n    brief: Work.\n    attributes:\n      - ref: " + attribute + "\n"
            + "  - id: metric.t.count\n    type: metric\n    metric_name: t.count\n    instrument: counter\n    unit: \"{work}\"\n    brief: Count.\n");

        // The reserved name stays the generator's; the enum gets another, with the usual TC0016.
        Assert.Empty(run.CompilationDiagnostics);
        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0016", diagnostic.Id);
        Assert.Contains($"'{attribute}'", diagnostic.GetMessage());
    }

    public static TheoryData<string> Generated_code_sources => new() { "clinic", "upstream", "repository" };

    /// <summary>
    /// Every top-level type the generator writes carries <c>[GeneratedCode("TelemetryConventions", …)]</c>
    /// on one of its parts, over the conventions every emitter writes from: the API tests' clinic, the
    /// whole upstream registry with every metric observable too, and the repository's conventions/
    /// with the upstream registry imported as the showcase imports it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Generated_code_sources))]
    public void Every_generated_type_carries_GeneratedCode(string source)
    {
        var run = source switch
        {
            "clinic" => GeneratorHarness.Run("conventions/clinic.yaml",
                File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "TelemetryConventions.Api.Tests", "conventions", "clinic.yaml"))),
            "upstream" => GeneratorHarness.Run(
                TestPaths.UpstreamFiles().Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p))),
                new Dictionary<string, string> { [GenerationOptions.ObservableInstrumentsProperty] = "all" }),
            _ => GeneratorHarness.RunWithImportedRegistry(
                Directory.GetFiles(RepositoryConventions.Directory, "*.yaml", SearchOption.AllDirectories).Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p))),
                TestPaths.UpstreamFiles().Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p))),
                "OpenTelemetry semantic conventions"),
        };
        var generatedTrees = run.Result.GeneratedTrees.ToHashSet();

        var types = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null && t.DeclaringSyntaxReferences.Any(r => generatedTrees.Contains(r.SyntaxTree)))
            .ToList();

        Assert.NotEmpty(types);
        // The kinds of type the emitters write, so that a source that stopped producing one is noticed.
        Assert.Contains(types, t => t.Name.EndsWith("Attributes", StringComparison.Ordinal));
        Assert.Contains(types, t => t.Name.EndsWith("Counter", StringComparison.Ordinal) || t.Name.EndsWith("Histogram", StringComparison.Ordinal));
        if (source == "upstream")
        {
            Assert.Contains(types, t => t.Name.Contains("Observable"));
        }
        else
        {
            Assert.Contains(types, t => t.Name == GenerationPlanner.PseudonymsClass);
        }
        // [GeneratedCode] may stand on one part only: a symbol's attributes are those of all its parts.
        var unmarked = types
            .Where(t => !t.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
                && a.ConstructorArguments.Length == 2 && (string?)a.ConstructorArguments[0].Value == "TelemetryConventions"))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(unmarked);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id == "CS0579");
    }
}

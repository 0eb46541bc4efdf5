using System.Text.Json;
using CsCheck;
using Json.Schema;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Tests.Conventions;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Schema;

/// <summary>
/// The JSON Schema shipped for YAML editors (src/Package/schema) against what the generator reads:
/// every file the generator accepts, the schema accepts; every file the schema rejects, the
/// generator reports with a located TC0xxx.
/// </summary>
public sealed class ConventionSchemaTests
{
    private const string Marker = "⌖";

    public static readonly string SchemaPath = Path.Combine(TestPaths.RepoRoot, "src", "Package", "schema", "telemetry-conventions.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    [Fact]
    public void Every_convention_file_of_the_repository_is_valid()
    {
        var files = Directory.GetFiles(TestPaths.RepoRoot, "*.yaml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                // A registry manifest sits beside the convention files but is not one.
                && !TelemetryConventions.Conventions.Yaml.ConventionFileParser.IsRegistryManifest(p))
            .ToList();
        Assert.Contains(files, p => p.EndsWith(Path.Combine("conventions", "healthcare", "registry.yaml"), StringComparison.Ordinal));
        Assert.All(files, AssertValid);
    }

    [Fact]
    public void Every_file_of_the_upstream_registry_is_valid()
    {
        var files = TestPaths.UpstreamFiles();
        Assert.Equal(249, files.Count);
        Assert.All(files, AssertValid);
    }

    /// <summary>Each file is rejected by the schema, and the generator reports it at the marker.</summary>
    public static TheoryData<string, string> Rejected() => new()
    {
        { "TC0002", "⌖- id: registry.shop\n  type: attribute_group\n" },
        { "TC0003", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    ⌖colour: blue\n" },
        { "TC0004", "groups:\n  - id: metric.shop.sales\n    type: metric\n    metric_name: shop.sales\n    instrument: histogram\n    unit: s\n    brief: Sales.\n    annotations:\n      histogram_buckets: [1, ⌖many, 10]\n" },
        { "TC0005", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - ⌖id: shop.basket.items\n        brief: Items.\n" },
        { "TC0005", "groups:\n  - ⌖id: metric.shop.sales\n    type: metric\n    metric_name: shop.sales\n    instrument: counter\n    brief: Sales.\n" },
        { "TC0005", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - id: shop.old\n        type: string\n        brief: Old.\n        deprecated:\n          ⌖reason: renamed\n" },
        { "TC0006", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - id: shop.basket.items\n        type: ⌖integer\n        brief: Items.\n" },
        { "TC0006", "groups:\n  - id: span.shop.checkout\n    type: span\n    span_kind: ⌖inbound\n    brief: Checkout.\n" },
        { "TC0006", "file_format: ⌖definition/3\nattributes: []\n" },
        { "TC0006", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - id: shop.basket.items\n        type: int\n        brief: Items.\n        requirement_level: ⌖mandatory\n" },
        { "TC0007", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - id: ⌖Shop.BasketItems\n        type: int\n        brief: Items.\n" },
        { "TC0014", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - id: shop.customer.id\n        type: string\n        brief: Customer.\n        annotations:\n          privacy:\n            classification: ⌖personal\n" },
        { "TC0014", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - id: shop.customer.id\n        type: string\n        brief: Customer.\n        annotations:\n          privacy:\n            classification: personal_identifier\n            treatment: ⌖hash\n" },
        { "TC0004", "groups:\n  - id: span.shop.checkout\n    type: span\n    span_kind: server\n    brief: Checkout.\n    attributes:\n      - ref: error.type\n        requirement_level:\n          conditionally_required:⌖ \n" },
        { "TC0017", "groups:\n  - id: registry.shop\n    type: attribute_group\n    brief: Shop.\n    attributes:\n      - id: shop.rating\n        brief: Rating.\n        type:\n          members:\n            - id: good\n              value: ⌖0.5\n" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void A_file_the_schema_rejects_the_generator_reports_located(string id, string markedYaml)
    {
        var yaml = markedYaml.Replace(Marker, "");
        Assert.False(Check(yaml).Valid, "The schema accepts:\n" + yaml);

        var parsed = ConventionFileParser.Parse("conventions/shop.yaml", yaml);
        var diagnostic = Assert.Single(parsed.Diagnostics, d => d.Id == id);
        var before = markedYaml.Substring(0, markedYaml.IndexOf(Marker, StringComparison.Ordinal));
        var line = before.Count(c => c == '\n');
        var column = before.Length - (before.LastIndexOf('\n') + 1);
        Assert.Equal((line, column), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
    }

    /// <summary>
    /// Damaged upstream files (the fuzz test's mutations): whenever the schema rejects one, the
    /// generator reports something located in it, so an editor never flags what a build accepts.
    /// </summary>
    [Fact]
    public void Damaged_files_the_schema_rejects_are_reported_by_the_generator()
    {
        var upstream = TestPaths.UpstreamFiles().Select(p => (Path: p, Text: File.ReadAllText(p))).ToList();
        var rejected = 0;
        FuzzTests.Mutations.Sample(sample =>
            {
                var (path, original) = upstream[sample.File];
                var text = FuzzTests.Apply(original, sample.Mutation, sample.Line, sample.Amount, sample.Choice);
                var (valid, loaded, _) = Check(text);
                // Text the YAML library cannot load is TC0001 for the generator, and nothing a schema judges.
                if (valid || !loaded)
                {
                    return true;
                }
                Interlocked.Increment(ref rejected);
                return ConventionFileParser.Parse(path, text).Diagnostics.Any();
            }, iter: 2000, threads: 1);
        Assert.True(rejected > 20, $"Only {rejected} damaged files were rejected by the schema; the sample says little.");
    }

    private static void AssertValid(string path)
    {
        var (valid, _, errors) = Check(File.ReadAllText(path));
        Assert.True(valid, $"{path} does not match the schema:\n{errors}");
    }

    private static (bool Valid, bool Loaded, string Errors) Check(string yaml)
    {
        System.Text.Json.Nodes.JsonNode? json;
        try
        {
            json = YamlJson.TryConvert(yaml, out var loaded);
            if (!loaded)
            {
                return (false, false, "not YAML");
            }
        }
        catch (NotSupportedException)
        {
            // A mapping key that is itself a list or a mapping has no JSON form: no JSON Schema
            // (and no YAML editor's validation) can say anything about such a file.
            return (false, false, "not representable as JSON");
        }
        var element = JsonSerializer.SerializeToElement(json);
        var result = Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.IsValid ? "" : string.Join("\n", (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Take(15));
        return (result.IsValid, true, errors);
    }

}

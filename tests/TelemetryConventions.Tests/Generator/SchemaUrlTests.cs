using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Generators.Emit;
using TelemetryConventions.Generators.Planning;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>The conventions' version as the telemetry schema URL of generated activity sources and meters.</summary>
public sealed class SchemaUrlTests
{
    private const string Conventions = """
        groups:
          - id: registry.shop
            type: attribute_group
            brief: Shop attributes.
            attributes:
              - id: shop.basket.items
                type: int
                brief: Items in the basket.
        """;

    private const string UpstreamManifest = """
        schema_url: https://opentelemetry.io/schemas/1.44.0
        description: Registry of core semantic conventions for OpenTelemetry.
        stability: development
        """;

    private static GeneratorRun RunWithUpstream(string manifest = UpstreamManifest, IReadOnlyDictionary<string, string>? properties = null, params InMemoryAdditionalText[] own)
    {
        var files = own.Length == 0 ? new[] { new InMemoryAdditionalText("conventions/shop.yaml", Conventions) } : own;
        if (properties is null)
        {
            return GeneratorHarness.RunWithImportedRegistry(files, new[] { new InMemoryAdditionalText("/semconv/model/manifest.yaml", manifest) }, "OpenTelemetry semantic conventions");
        }
        return GeneratorHarness.Run(files.Append(new InMemoryAdditionalText("/semconv/model/manifest.yaml", manifest)), properties);
    }

    [Fact]
    public void The_upstream_manifest_gives_the_schema_url_and_the_creation_helpers()
    {
        var run = RunWithUpstream();

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        GoldenFile.AssertMatches("TelemetrySchema.g.cs", run.Source("TelemetrySchema.g.cs"));
    }

    [Fact]
    public void The_projects_own_manifest_wins_over_an_imported_one()
    {
        var own = new InMemoryAdditionalText("conventions/registry_manifest.yaml", """
            name: shop
            semconv_version: v2.1.0
            schema_base_url: https://shop.example/schemas/
            """);
        var run = GeneratorHarness.RunWithImportedRegistry(
            new[] { new InMemoryAdditionalText("conventions/shop.yaml", Conventions), own },
            new[] { new InMemoryAdditionalText("/semconv/model/manifest.yaml", UpstreamManifest) },
            "OpenTelemetry semantic conventions");

        Assert.Contains("public const string Url = \"https://shop.example/schemas/2.1.0\";", run.Source("TelemetrySchema.g.cs"));
    }

    [Fact]
    public void The_option_wins_over_every_manifest()
    {
        var run = RunWithUpstream(properties: new Dictionary<string, string> { [SchemaPlanner.SchemaUrlProperty] = "https://shop.example/schemas/3.0.0" });

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Contains("public const string Url = \"https://shop.example/schemas/3.0.0\";", run.Source("TelemetrySchema.g.cs"));
    }

    [Fact]
    public void An_option_that_is_no_url_is_TC0019_and_the_manifest_is_used()
    {
        var run = RunWithUpstream(properties: new Dictionary<string, string> { [SchemaPlanner.SchemaUrlProperty] = "1.44.0" });

        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0019", diagnostic.Id);
        Assert.Contains(SchemaPlanner.SchemaUrlProperty, diagnostic.GetMessage());
        Assert.Contains("https://opentelemetry.io/schemas/1.44.0", run.Source("TelemetrySchema.g.cs"));
    }

    [Fact]
    public void A_manifest_url_that_is_not_absolute_is_a_located_TC0002_and_not_used()
    {
        var run = RunWithUpstream("description: x\nschema_url: schemas/1.44.0\n");

        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0002", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/semconv/model/manifest.yaml", span.Path);
        Assert.Equal(1, span.StartLinePosition.Line);
        Assert.DoesNotContain("TelemetrySchema.g.cs", run.HintNames);
    }

    [Fact]
    public void Without_a_manifest_or_option_no_schema_helpers_are_generated()
    {
        var run = GeneratorHarness.Run("conventions/shop.yaml", Conventions);

        Assert.DoesNotContain("TelemetrySchema.g.cs", run.HintNames);
    }

    [Fact]
    public void TC0030_older_frameworks_get_helpers_without_the_schema_url()
    {
        var manifest = RegistryManifestParser.Parse("/semconv/model/manifest.yaml", UpstreamManifest, imported: true);
        var plan = SchemaPlanner.Plan(ImmutableArray.Create(manifest), null, GenerationOptions.Default, new TargetPlatform(true, true, true, HasTelemetrySchemaUrl: false));

        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("TC0030", diagnostic.Id);
        Assert.Equal("/semconv/model/manifest.yaml", diagnostic.Location.FilePath);
        var source = SchemaEmitter.Emit(plan.Spec!);
        Assert.DoesNotContain("TelemetrySchemaUrl =", source);
        Assert.DoesNotContain("global::System.Diagnostics.Metrics.MeterOptions", source);
        var compilation = GeneratorHarness.CreateCompilation(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_schema_step_stays_cached_when_a_convention_file_changes()
    {
        var files = new[] { new InMemoryAdditionalText("conventions/shop.yaml", Conventions), new InMemoryAdditionalText("/semconv/model/manifest.yaml", UpstreamManifest) };
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation(""));
        driver = driver.ReplaceAdditionalText(files[0], new InMemoryAdditionalText("conventions/shop.yaml", Conventions + "\n# edited\n"))
            .RunGenerators(GeneratorHarness.CreateCompilation(""));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[Generators.ConventionGenerator.TrackingNames.Schema];
        Assert.All(steps.SelectMany(s => s.Outputs), output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }
}

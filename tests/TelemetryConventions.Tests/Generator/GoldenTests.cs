using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>Every generated shape, compared with reviewed files under Golden/.</summary>
public sealed class GoldenTests
{
    private static string Input(string name) =>
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "TelemetryConventions.Tests", "Generator", "Inputs", name));

    [Fact]
    public void Attribute_constants_and_enums()
    {
        var run = GeneratorHarness.Run("conventions/shapes.yaml", Input("shapes.yaml"),
            new Dictionary<string, string> { ["TelemetryConventionsNamespace"] = "Contoso.Telemetry" });

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        GoldenFile.AssertMatches("ShapesAttributes.g.cs", run.Source("ShapesAttributes.g.cs"));
    }

    [Fact]
    public void Internal_visibility_option()
    {
        var run = GeneratorHarness.Run("conventions/shapes.yaml", Input("shapes.yaml"),
            new Dictionary<string, string> { ["TelemetryConventionsVisibility"] = "internal", ["RootNamespace"] = "Contoso.App" });

        var source = run.Source("ShapesAttributes.g.cs");
        Assert.Contains("namespace Contoso.App.Telemetry;", source);
        Assert.Contains("internal static partial class ShapesAttributes", source);
        Assert.Contains("internal enum ShapesKind", source);
        Assert.DoesNotContain("public static partial class", source);
    }

    [Fact]
    public void Stable_only_option_leaves_out_development_attributes()
    {
        var run = GeneratorHarness.Run("conventions/shapes.yaml", Input("shapes.yaml"),
            new Dictionary<string, string> { ["TelemetryConventionsStability"] = "stable" });

        var source = run.Source("ShapesAttributes.g.cs");
        Assert.Contains("public const string Name = \"shapes.name\";", source);
        Assert.DoesNotContain("\"shapes.count\"", source);
    }
}

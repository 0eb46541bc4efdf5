using Microsoft.CodeAnalysis;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// <c>TelemetryConventionsStability=stable</c> applies to imported registries; the project's own
/// conventions are generated whatever their stability, and what the filter left out is reported.
/// </summary>
public sealed class StabilityFilterTests
{
    private const string Upstream = """
        groups:
          - id: registry.http
            type: attribute_group
            brief: HTTP attributes.
            attributes:
              - id: http.route
                type: string
                brief: The matched route.
                stability: stable
              - id: http.request.size
                type: int
                brief: Request size.
                stability: development
          - id: span.http.client
            type: span
            span_kind: client
            brief: An outgoing request.
            stability: development
            attributes:
              - ref: http.route
        """;

    private const string Own = """
        groups:
          - id: registry.shop
            type: attribute_group
            brief: Shop attributes.
            attributes:
              - id: shop.basket.items
                type: int
                brief: Items in the basket.
                stability: development
          - id: span.shop.checkout
            type: span
            span_kind: server
            brief: A checkout.
            stability: development
            attributes:
              - ref: shop.basket.items
              - ref: http.route
              - ref: http.request.size
        """;

    private static GeneratorRun Run(string? stability)
    {
        var properties = stability is null ? null : new Dictionary<string, string> { ["TelemetryConventionsStability"] = stability };
        var own = new[] { new InMemoryAdditionalText("conventions/shop.yaml", Own) };
        var imported = new[] { new InMemoryAdditionalText("/semconv/model/http.yaml", Upstream) };
        var metadata = imported.ToDictionary(
            f => f.Path,
            f => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["TelemetryConventionRegistry"] = "upstream", ["TelemetryConventionGenerate"] = "all" });
        var driver = GeneratorHarness.CreateDriver(own.Concat(imported), new TestOptionsProvider(properties, metadata))
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(""), out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    [Fact]
    public void The_projects_own_development_conventions_are_kept()
    {
        var run = Run("stable");

        Assert.Contains("Spans.ShopCheckoutSpan.g.cs", run.HintNames);
        var span = run.Source("Spans.ShopCheckoutSpan.g.cs");
        Assert.Contains("SetShopBasketItems", span);
        Assert.Contains("SetHttpRoute", span);
        Assert.Contains("\"shop.basket.items\"", run.Source("ShopAttributes.g.cs"));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Imported_development_conventions_are_left_out_and_reported()
    {
        var run = Run("stable");

        Assert.DoesNotContain("Spans.HttpClientSpan.g.cs", run.HintNames);
        Assert.DoesNotContain("SetHttpRequestSize", run.Source("Spans.ShopCheckoutSpan.g.cs"));
        Assert.DoesNotContain("\"http.request.size\"", run.Source("HttpAttributes.g.cs"));
        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0032", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("TelemetryConventionsStability=stable left out 2 of the imported conventions, such as 'http.request.size': they are not stable; the project's own conventions are generated whatever their stability", diagnostic.GetMessage());
        Assert.Equal("/semconv/model/http.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Without_the_option_everything_is_generated_and_nothing_reported()
    {
        var run = Run(null);

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Contains("Spans.HttpClientSpan.g.cs", run.HintNames);
        Assert.Contains("SetHttpRequestSize", run.Source("Spans.ShopCheckoutSpan.g.cs"));
    }
}

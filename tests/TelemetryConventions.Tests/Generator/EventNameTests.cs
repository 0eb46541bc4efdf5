using Microsoft.CodeAnalysis;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>v1 event groups without <c>name</c>, as the semantic-convention tools treat them, and natural method names.</summary>
public sealed class EventNameTests
{
    private static GeneratorRun Run(string events) => GeneratorHarness.Run("conventions/shop.yaml", $$"""
        groups:
          - id: registry.shop
            type: attribute_group
            brief: Shop attributes.
            attributes:
              - id: shop.basket.items
                type: int
                brief: Items in the basket.
          - id: span.shop.checkout
            type: span
            span_kind: server
            brief: A checkout.
            events: [event.shop.basket_emptied]
            attributes:
              - ref: shop.basket.items
        {{events}}
        """, new Dictionary<string, string> { ["TelemetryConventionsEventMethods"] = "both" });

    [Fact]
    public void An_event_without_name_is_a_located_TC0031_and_generated_under_its_id_without_prefix()
    {
        var run = Run("""
              - id: event.shop.basket_emptied
                type: event
                brief: The basket was emptied.
            """);

        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0031", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(15, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        var source = run.Source("Events.AddShopBasketEmptiedEvent.g.cs");
        Assert.Contains("new global::System.Diagnostics.ActivityEvent(\"shop.basket_emptied\"", source);
        Assert.Contains("LogEvents.LogShopBasketEmptiedEvent.g.cs", run.HintNames);
    }

    [Fact]
    public void An_event_without_name_or_body_takes_its_name_from_the_prefix()
    {
        var run = Run("""
              - id: event.shop.basket_emptied
                type: event
                prefix: shop.basket.emptied
                brief: The basket was emptied.
            """);

        Assert.All(run.ConventionDiagnostics, d => Assert.Equal("TC0013", d.Id));
        Assert.Contains("new global::System.Diagnostics.ActivityEvent(\"shop.basket.emptied\"", run.Source("Events.AddShopBasketEmptiedEvent.g.cs"));
    }

    [Fact]
    public void A_name_that_ends_in_event_is_not_named_twice()
    {
        var run = Run("""
              - id: event.shop.basket_emptied
                type: event
                name: shop.basket.emptied_event
                brief: The basket was emptied.
            """);

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Contains("Events.AddShopBasketEmptiedEvent.g.cs", run.HintNames);
        Assert.Contains("LogEvents.LogShopBasketEmptiedEvent.g.cs", run.HintNames);
    }
}

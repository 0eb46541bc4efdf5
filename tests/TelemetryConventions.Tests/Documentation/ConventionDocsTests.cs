using System.Text.Json;
using TelemetryConventions.Conventions.Documentation;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Documentation;

public sealed class ConventionDocsTests
{
    private const string Shop = """
        groups:
          - id: registry.shop
            type: attribute_group
            brief: Shop attributes.
            attributes:
              - id: shop.customer.id
                type: string
                stability: stable
                brief: Keyed pseudonym of the customer.
                examples: ['k1:3q2+7w']
                annotations:
                  privacy:
                    classification: personal_identifier
              - id: shop.card.number
                type: string
                brief: Card number | never sent.
                annotations:
                  privacy:
                    classification: financial
                    treatment: redact
              - id: shop.delivery.postcode
                type: string
                brief: Postcode of the delivery.
                annotations:
                  privacy:
                    classification: location
              - id: shop.basket.items
                type: int
                brief: >
                  Items in the basket,
                  over two lines.
              - id: shop.basket.size
                type: int
                brief: Items in the basket.
                deprecated:
                  reason: renamed
                  renamed_to: shop.basket.items
              - id: shop.payment.method
                brief: How the customer paid.
                type:
                  members:
                    - id: card
                      value: card
                      brief: A card.
                    - id: cash
                      value: cash
                      brief: Cash.
          - id: span.shop.checkout
            type: span
            span_kind: server
            brief: A checkout.
            events: [event.shop.delivery.booked]
            attributes:
              - ref: shop.customer.id
                requirement_level: required
              - ref: shop.card.number
                requirement_level: opt_in
              - ref: shop.payment.method
                requirement_level:
                  conditionally_required: When the customer paid.
              - ref: shop.basket.items
          - id: event.shop.delivery.booked
            type: event
            name: shop.delivery.booked
            brief: A delivery slot was booked.
            attributes:
              - ref: shop.delivery.postcode
          - id: metric.shop.checkouts
            type: metric
            metric_name: shop.checkouts
            instrument: counter
            unit: "{checkout}"
            brief: Checkouts.
            attributes:
              - ref: shop.payment.method
          - id: metric.shop.baskets.open
            type: metric
            metric_name: shop.baskets.open
            instrument: updowncounter
            unit: "{basket}"
            brief: Baskets open now.
            annotations:
              observable: true
        """;

    private static IReadOnlyList<DocFile> Docs(params (string Path, string Yaml)[] files) =>
        ConventionDocs.Write(ConventionResolver.Resolve(files.Select(f => ConventionFileParser.Parse(f.Path, f.Yaml))));

    [Fact]
    public void Namespace_page_and_inventory_match_the_golden_files()
    {
        var docs = Docs(("conventions/shop.yaml", Shop));
        Assert.Equal(new[] { "shop.md", "privacy-inventory.md", "privacy-inventory.json", "README.md" }, docs.Select(d => d.Name));
        foreach (var doc in docs)
        {
            GoldenFile.AssertMatches("Docs/" + doc.Name, doc.Content);
        }
    }

    [Fact]
    public void The_json_inventory_lists_what_the_markdown_lists()
    {
        var docs = Docs(("conventions/shop.yaml", Shop));
        using var json = JsonDocument.Parse(docs.Single(d => d.Name == "privacy-inventory.json").Content);
        var entries = json.RootElement.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(new[] { "shop.card.number", "shop.customer.id", "shop.delivery.postcode" }, entries.Select(e => e.GetProperty("name").GetString()));
        var customer = entries[1];
        Assert.Equal("pseudonymize", customer.GetProperty("treatment").GetString());
        Assert.Equal("shop.customer.id", customer.GetProperty("pseudonymDomain").GetString());
        Assert.Equal(new[] { "shop.checkout" }, customer.GetProperty("spans").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(new[] { "shop.delivery.booked" }, entries[2].GetProperty("events").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("pseudonymDomain").ValueKind);

        var markdown = docs.Single(d => d.Name == "privacy-inventory.md").Content;
        Assert.All(entries, e => Assert.Contains($"| `{e.GetProperty("name").GetString()}` |", markdown));
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_of_the_files()
    {
        var split = Shop.IndexOf("  - id: span.shop.checkout", StringComparison.Ordinal);
        var registry = ("conventions/a.yaml", Shop.Substring(0, split));
        var signals = ("conventions/b.yaml", "groups:\n" + Shop.Substring(split));
        var forward = Docs(registry, signals);
        var backward = Docs(signals, registry);
        Assert.Equal(forward, backward);
    }

    /// <summary>
    /// docs/conventions is what GenerateTelemetryConventionsDocs writes for the repository's
    /// conventions; regenerate with: dotnet build samples/Showcase "-t:Build;GenerateTelemetryConventionsDocs".
    /// </summary>
    [Fact]
    public void The_repository_docs_are_current()
    {
        var expected = ConventionDocs.Write(RepositoryConventions.Registry, RepositoryConventions.IsPublished);

        var directory = Path.Combine(TestPaths.RepoRoot, "docs", "conventions");
        var committed = Directory.GetFiles(directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal), committed);
        foreach (var doc in expected)
        {
            var text = File.ReadAllText(Path.Combine(directory, doc.Name)).Replace("\r\n", "\n");
            Assert.True(text == doc.Content, $"docs/conventions/{doc.Name} is behind the conventions (- committed, + current):\n{GoldenFile.Diff(text, doc.Content)}");
        }
        // The seven industries' identifiers are all in the inventory, pseudonymised.
        var inventory = expected.Single(d => d.Name == "privacy-inventory.md").Content;
        foreach (var identifier in new[] { "patient.id", "doctor.id", "medical_record.id", "player.id", "customer.id", "student.id" })
        {
            Assert.Matches($@"\| `{identifier.Replace(".", "\\.")}` \| personal_identifier \| pseudonymize \| keyed pseudonym only \|", inventory);
        }
    }
}

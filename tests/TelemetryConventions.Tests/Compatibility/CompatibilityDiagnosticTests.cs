using Microsoft.CodeAnalysis;
using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Compatibility;

/// <summary>
/// One test per TC4xxx rule, run through the generator: the baseline is written from the
/// published YAML, the project then edits it, and the diagnostic must start at '⌖' (in the
/// edited YAML, or in the baseline for what no longer exists in the YAML).
/// </summary>
public sealed class CompatibilityDiagnosticTests
{
    private const string Marker = "⌖";
    private const string YamlPath = "conventions/shop.yaml";
    private const string BaselinePath = "conventions/TelemetryConventions.Shipped.txt";

    private const string Published = """
        groups:
          - id: registry.shop
            type: attribute_group
            brief: Shop attributes.
            attributes:
              - id: shop.customer.id
                type: string
                brief: Keyed pseudonym of the customer.
                annotations:
                  privacy:
                    classification: personal_identifier
              - id: shop.basket.items
                type: int
                brief: Items in the basket.
              - id: shop.payment.method
                brief: How the customer paid.
                type:
                  members:
                    - id: card
                      value: card
                    - id: cash
                      value: cash
              - id: shop.old.flag
                type: boolean
                brief: Retired.
                deprecated:
                  reason: obsoleted
          - id: span.shop.checkout
            type: span
            span_kind: server
            brief: A checkout.
            attributes:
              - ref: shop.customer.id
                requirement_level: required
              - ref: shop.basket.items
          - id: metric.shop.checkouts
            type: metric
            metric_name: shop.checkouts
            instrument: counter
            unit: "{checkout}"
            brief: Checkouts.
            attributes:
              - ref: shop.basket.items
        """;

    [Fact]
    public void Unchanged_conventions_report_nothing()
    {
        var run = RunAgainstPublished(Published);
        Assert.Empty(run.ConventionDiagnostics);
    }

    [Fact]
    public void Compatible_evolution_reports_nothing()
    {
        // A new attribute and enum member, a deprecation with renamed_to, a relaxed requirement,
        // and removing what was already published as deprecated.
        var evolved = RemoveLines(Published, "      - id: shop.old.flag", "  - id: span.shop.checkout")
            .Replace("  - id: span.shop.checkout\n",
                "      - id: shop.basket.size\n        type: int\n        brief: Items in the basket.\n" +
                "      - id: shop.gift\n        type: boolean\n        brief: Whether the order is a gift.\n" +
                "  - id: span.shop.checkout\n")
            .Replace("        brief: Items in the basket.\n      - id: shop.payment.method",
                "        brief: Items in the basket.\n        deprecated:\n          reason: renamed\n          renamed_to: shop.basket.size\n      - id: shop.payment.method")
            .Replace("              value: cash\n", "              value: cash\n            - id: voucher\n              value: voucher\n")
            .Replace("requirement_level: required", "requirement_level: recommended");
        Assert.Contains("renamed_to: shop.basket.size", evolved);
        Assert.Contains("value: voucher", evolved);
        var run = RunAgainstPublished(evolved);
        Assert.Empty(run.ConventionDiagnostics);
    }

    [Fact]
    public void TC4001_removed_attribute_is_located_at_its_baseline_line()
    {
        var edited = RemoveLines(Published, "      - id: shop.basket.items", "      - id: shop.payment.method")
            .Replace("ref: shop.basket.items", "ref: shop.payment.method");
        var run = RunAgainstPublished(edited);
        var diagnostic = AssertSingleAt(run, "TC4001", BaselinePath, MarkedBaseline("attribute shop.basket.items int"));
        Assert.Contains("'shop.basket.items'", diagnostic.GetMessage());
    }

    [Fact]
    public void TC4001_renamed_attribute_without_deprecation_is_located_at_the_new_name()
    {
        var marked = Published
            .Replace("- id: shop.basket.items", "- id: ⌖shop.basket_items")
            .Replace("ref: shop.basket.items", "ref: shop.basket_items");
        var run = RunAgainstPublished(marked);
        var diagnostic = AssertSingleAt(run, "TC4001", YamlPath, marked);
        Assert.Contains("renamed_to: shop.basket_items", diagnostic.GetMessage());
    }

    [Fact]
    public void TC4001_removed_metric_is_located_at_its_baseline_line()
    {
        var edited = Published.Substring(0, Published.IndexOf("  - id: metric.shop.checkouts", StringComparison.Ordinal));
        var run = RunAgainstPublished(edited);
        AssertSingleAt(run, "TC4001", BaselinePath, MarkedBaseline("metric shop.checkouts counter {checkout}"));
    }

    [Fact]
    public void TC4002_changed_type_is_located_at_the_attribute()
    {
        var marked = Published.Replace("""
                  - id: shop.basket.items
                    type: int
            """, """
                  - id: ⌖shop.basket.items
                    type: double
            """);
        var diagnostic = AssertSingleAt(RunAgainstPublished(marked), "TC4002", YamlPath, marked);
        Assert.Contains("published as int and is now double", diagnostic.GetMessage());
    }

    [Fact]
    public void TC4003_changed_instrument_is_located_at_the_metric()
    {
        var marked = Published
            .Replace("- id: metric.shop.checkouts", "- ⌖id: metric.shop.checkouts")
            .Replace("instrument: counter", "instrument: updowncounter");
        AssertSingleAt(RunAgainstPublished(marked), "TC4003", YamlPath, marked);
    }

    [Fact]
    public void TC4004_changed_unit_is_located_at_the_metric()
    {
        var marked = Published
            .Replace("- id: metric.shop.checkouts", "- ⌖id: metric.shop.checkouts")
            .Replace("unit: \"{checkout}\"", "unit: \"{order}\"");
        var diagnostic = AssertSingleAt(RunAgainstPublished(marked), "TC4004", YamlPath, marked);
        Assert.Contains("{checkout}", diagnostic.GetMessage());
    }

    [Fact]
    public void TC4005_changed_span_kind_is_located_at_the_span()
    {
        var marked = Published
            .Replace("- id: span.shop.checkout", "- ⌖id: span.shop.checkout")
            .Replace("span_kind: server", "span_kind: internal");
        AssertSingleAt(RunAgainstPublished(marked), "TC4005", YamlPath, marked);
    }

    [Fact]
    public void TC4006_required_attribute_added_is_located_at_its_reference_in_the_span()
    {
        var marked = Published.Replace(
            "        requirement_level: required\n      - ref: shop.basket.items\n",
            "        requirement_level: required\n      - ⌖ref: shop.basket.items\n        requirement_level: required\n");
        var diagnostic = AssertSingleAt(RunAgainstPublished(marked), "TC4006", YamlPath, marked);
        Assert.Contains("span 'span.shop.checkout'", diagnostic.GetMessage());
    }

    [Fact]
    public void TC4007_removed_enum_member_is_located_at_the_attribute()
    {
        var marked = Published
            .Replace("- id: shop.payment.method", "- id: ⌖shop.payment.method")
            .Replace("            - id: cash\n              value: cash\n", "");
        var diagnostic = AssertSingleAt(RunAgainstPublished(marked), "TC4007", YamlPath, marked);
        Assert.Contains("'cash'", diagnostic.GetMessage());
    }

    [Fact]
    public void TC4008_baseline_line_not_understood_is_located_in_the_baseline()
    {
        var baseline = Baseline(Published) + "⌖attribute shop.unfinished\n";
        var run = GeneratorHarness.Run(new[]
        {
            new InMemoryAdditionalText(YamlPath, Published),
            new InMemoryAdditionalText(BaselinePath, baseline.Replace(Marker, "")),
        });
        var diagnostic = AssertSingleAt(run, "TC4008", BaselinePath, baseline);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Without_a_baseline_nothing_is_checked()
    {
        var edited = Published.Replace("instrument: counter", "instrument: histogram");
        var run = GeneratorHarness.Run(YamlPath, edited);
        Assert.DoesNotContain(run.ConventionDiagnostics, d => d.Id.StartsWith("TC4", StringComparison.Ordinal));
    }

    /// <summary>The baseline as UpdateTelemetryConventionsBaseline writes it for the published YAML.</summary>
    internal static string Baseline(string yaml) =>
        BaselineFormat.Write(ConventionBaseline.FromRegistry(ConventionResolver.Resolve(new[] { ConventionFileParser.Parse(YamlPath, yaml) })));

    private static string MarkedBaseline(string line)
    {
        var baseline = Baseline(Published);
        var index = baseline.IndexOf(line, StringComparison.Ordinal);
        Assert.True(index >= 0, $"The baseline has no line '{line}':\n{baseline}");
        return baseline.Insert(index, Marker);
    }

    /// <summary>Removes the lines from the one starting with <paramref name="first"/> up to the one starting with <paramref name="next"/>.</summary>
    private static string RemoveLines(string text, string first, string next)
    {
        var start = text.IndexOf(first + "\n", StringComparison.Ordinal);
        var end = text.IndexOf(next + "\n", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"No lines from '{first}' to '{next}'.");
        return text.Remove(start, end - start);
    }

    private static GeneratorRun RunAgainstPublished(string editedYaml) =>
        GeneratorHarness.Run(new[]
        {
            new InMemoryAdditionalText(YamlPath, editedYaml.Replace(Marker, "")),
            new InMemoryAdditionalText(BaselinePath, Baseline(Published)),
        });

    private static Diagnostic AssertSingleAt(GeneratorRun run, string id, string path, string markedText)
    {
        var diagnostics = run.ConventionDiagnostics.ToList();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.True(diagnostics.Count == 1, "Unexpected extra diagnostics: " + string.Join(Environment.NewLine, diagnostics));

        var index = markedText.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(index >= 0, "The test text has no location marker.");
        var before = markedText.Substring(0, index);
        var line = before.Count(c => c == '\n');
        var column = before.Length - (before.LastIndexOf('\n') + 1);

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.EndsWith($"docs/rules/{id}.md", diagnostic.Descriptor.HelpLinkUri);
        return diagnostic;
    }
}

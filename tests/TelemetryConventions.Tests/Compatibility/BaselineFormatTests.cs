using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Compatibility;

public sealed class BaselineFormatTests
{
    [Fact]
    public void A_baseline_lists_one_fact_a_line_in_a_fixed_order()
    {
        var yaml = """
            groups:
              - id: registry.b
                type: attribute_group
                brief: B.
                attributes:
                  - id: b.kind
                    brief: A kind.
                    type:
                      members:
                        - id: two
                          value: 2
                        - id: one
                          value: 1
                          deprecated:
                            reason: obsoleted
                  - id: a.name
                    type: string[]
                    brief: Names.
              - id: span.b.work
                type: span
                span_kind: client
                brief: Work.
                attributes:
                  - ref: b.kind
                    requirement_level: required
                  - ref: a.name
              - id: metric.b.size
                type: metric
                metric_name: b.size
                instrument: histogram
                unit: By
                brief: Size.
            """;
        var text = BaselineFormat.Write(ConventionBaseline.FromRegistry(ConventionResolver.Resolve(new[] { ConventionFileParser.Parse("b.yaml", yaml) })));
        Assert.Equal(
            """
            attribute a.name string[]
            attribute b.kind enum[int]
              member 1 deprecated
              member 2
            metric b.size histogram By
            span span.b.work client
              required b.kind

            """.Replace("\r\n", "\n"),
            string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("#", StringComparison.Ordinal))));
    }

    [Fact]
    public void Spaces_and_empty_units_survive_a_round_trip()
    {
        var baseline = new ConventionBaseline(
            "x",
            new[] { new ShippedAttribute("a.b", "enum[string]", false, new[] { new ShippedMember("two words", false, default), new ShippedMember("100%", true, default) }, default) },
            new[] { new ShippedMetric("m.n", "gauge", "", false, default), new ShippedMetric("m.o", "counter", "{a b}", true, default) },
            Array.Empty<ShippedSpan>(),
            Array.Empty<TelemetryConventions.Conventions.Diagnostics.ConventionDiagnostic>());
        var text = BaselineFormat.Write(baseline);
        Assert.Contains("  member two%20words\n", text);
        Assert.Contains("metric m.n gauge -\n", text);
        var read = BaselineFormat.Read("x", text);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(new[] { "two words", "100%" }, read.Attributes.Single().Members.Select(m => m.Value));
        Assert.Equal(new[] { "", "{a b}" }, read.Metrics.Select(m => m.Unit));
        Assert.True(read.Metrics[1].Deprecated);
        Assert.Equal(text, BaselineFormat.Write(read));
    }

    [Fact]
    public void Lines_out_of_place_are_reported_with_their_line_and_the_rest_is_read()
    {
        var read = BaselineFormat.Read("conventions/TelemetryConventions.Shipped.txt", "  member orphan\n<<<<<<< HEAD\nattribute a.b int\n");
        Assert.Equal(new[] { (0, "TC4008"), (1, "TC4008") }, read.Diagnostics.Select(d => (d.Location.StartLine, d.Id)));
        Assert.Equal("a.b", read.Attributes.Single().Name);
    }

    [Fact]
    public void The_repository_baseline_is_current()
    {
        var expected = BaselineFormat.Write(ConventionBaseline.FromRegistry(RepositoryConventions.Registry, RepositoryConventions.IsPublished));
        var committed = File.ReadAllText(Path.Combine(RepositoryConventions.Directory, ConventionBaseline.FileName)).Replace("\r\n", "\n");
        Assert.True(expected == committed,
            "conventions/TelemetryConventions.Shipped.txt is not the baseline of conventions/ (- committed, + current):\n" + GoldenFile.Diff(committed, expected) +
            "\nIf the change is intended, run: dotnet build samples/Showcase -t:Build;UpdateTelemetryConventionsBaseline");
    }
}

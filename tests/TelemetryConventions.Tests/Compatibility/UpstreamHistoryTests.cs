using Microsoft.CodeAnalysis;
using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Tests.Compatibility;

/// <summary>
/// The upstream registry's real history, v1.43.0 → v1.44.0 (both in ../shared): the baseline of
/// v1.43.0 checked against v1.44.0.
/// </summary>
public sealed class UpstreamHistoryTests
{
    private static readonly Lazy<ResolvedRegistry> Before = new(() => Resolve("v1.43.0"));
    private static readonly Lazy<ResolvedRegistry> After = new(() => Resolve("v1.44.0"));
    private static readonly Lazy<IReadOnlyList<ConventionChange>> Changes = new(() =>
        CompatibilityChecker.Compare(ConventionBaseline.FromRegistry(Before.Value), After.Value));

    /// <summary>
    /// The breaking changes of v1.44.0, read from the two releases' YAML: three memory metrics
    /// changed instrument, and two FaaS trigger spans now require faas.trigger through the
    /// shared server attribute group.
    /// </summary>
    private static readonly string[] ExpectedBreaking =
    {
        "MetricInstrumentChanged container.memory.usage: counter -> updowncounter",
        "MetricInstrumentChanged k8s.node.memory.usage: gauge -> updowncounter",
        "MetricInstrumentChanged k8s.pod.memory.usage: gauge -> updowncounter",
        "RequiredAttributeAdded span.faas.datasource.server/faas.trigger",
        "RequiredAttributeAdded span.faas.timer.server/faas.trigger",
    };

    [Fact]
    public void Both_releases_resolve_without_errors()
    {
        var errors = Before.Value.Diagnostics.Concat(After.Value.Diagnostics).Where(d => d.Severity == TelemetryConventions.Conventions.Diagnostics.DiagnosticSeverityLevel.Error);
        Assert.Empty(errors);
    }

    [Fact]
    public void The_breaking_changes_are_exactly_the_ones_in_the_yaml()
    {
        var breaking = Changes.Value.Where(c => c.IsBreaking).Select(c => c.ToString()).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(ExpectedBreaking, breaking);
    }

    [Fact]
    public void Deprecations_with_renamed_to_are_accepted_and_their_targets_are_new()
    {
        var deprecations = Changes.Value.Where(c => c.Kind == ChangeKind.MetricDeprecated).ToList();
        Assert.Equal(
            new[]
            {
                "container.memory.paging.faults: renamed to container.paging.faults",
                "k8s.node.memory.paging.faults: renamed to k8s.node.paging.faults",
                "k8s.pod.memory.paging.faults: renamed to k8s.pod.paging.faults",
            },
            deprecations.Select(c => $"{c.Subject}: {c.Detail}").OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(deprecations, c => Assert.False(c.IsBreaking));
        var added = Changes.Value.Where(c => c.Kind == ChangeKind.MetricAdded).Select(c => c.Subject).ToHashSet();
        Assert.All(deprecations, c => Assert.Contains(c.Detail.Substring("renamed to ".Length), added));
    }

    [Fact]
    public void Additions_and_removals_match_an_independent_reading_of_the_yaml()
    {
        var before = RawNames.Read(ModelDirectory("v1.43.0"));
        var after = RawNames.Read(ModelDirectory("v1.44.0"));

        AssertSet(after.Attributes.Except(before.Attributes), ChangeKind.AttributeAdded);
        AssertSet(before.Attributes.Except(after.Attributes), ChangeKind.AttributeRemoved, ChangeKind.AttributeRemovedAfterDeprecation);
        AssertSet(after.Metrics.Except(before.Metrics), ChangeKind.MetricAdded);
        AssertSet(before.Metrics.Except(after.Metrics), ChangeKind.MetricRemoved, ChangeKind.MetricRemovedAfterDeprecation);
        AssertSet(after.Spans.Except(before.Spans), ChangeKind.SpanAdded);
        AssertSet(before.Spans.Except(after.Spans), ChangeKind.SpanRemoved, ChangeKind.SpanRemovedAfterDeprecation);
        Assert.Equal(7, after.Attributes.Except(before.Attributes).Count());
        Assert.Equal(9, after.Metrics.Except(before.Metrics).Count());
    }

    [Fact]
    public void Every_change_is_classified_once()
    {
        var changes = Changes.Value;
        Assert.All(changes, c => Assert.True(Enum.IsDefined(c.Kind)));
        Assert.Equal(changes.Count, changes.Select(c => (c.Kind, c.Subject)).Distinct().Count());
        var summary = changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        // 43 new spans: v1.44.0 gives messaging systems (AWS, Azure, GCP, Kafka, RabbitMQ, RocketMQ) spans of their own.
        Assert.Equal(43, summary[ChangeKind.SpanAdded]);
        Assert.Equal(2, summary[ChangeKind.EnumMemberAdded]);
        Assert.Equal(69, changes.Count);
    }

    [Fact]
    public void The_generator_reports_the_breaking_changes_located_in_the_new_release()
    {
        var baseline = BaselineFormat.Write(ConventionBaseline.FromRegistry(Before.Value));
        var files = ModelFiles("v1.44.0").Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p)))
            .Append(new InMemoryAdditionalText("conventions/TelemetryConventions.Shipped.txt", baseline));
        var run = GeneratorHarness.Run(files);

        var reported = run.ConventionDiagnostics.Where(d => d.Id.StartsWith("TC4", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {Path.GetRelativePath(ModelDirectory("v1.44.0"), d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "TC4003 container/metrics.yaml:87",
                "TC4003 k8s/metrics.yaml:735",
                "TC4003 k8s/metrics.yaml:90",
                "TC4006 faas/spans.yaml:42",
                "TC4006 faas/spans.yaml:62",
            },
            reported);
    }

    [Fact]
    public void The_baseline_of_a_release_reads_back_to_the_same_text()
    {
        var written = BaselineFormat.Write(ConventionBaseline.FromRegistry(Before.Value));
        var read = BaselineFormat.Read("TelemetryConventions.Shipped.txt", written);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(written, BaselineFormat.Write(read));
        // The file order the compiler happens to hand over does not change the baseline.
        var reversed = ConventionResolver.Resolve(ModelFiles("v1.43.0").Reverse().Select(p => ConventionFileParser.Parse(p, File.ReadAllText(p))));
        Assert.Equal(written, BaselineFormat.Write(ConventionBaseline.FromRegistry(reversed)));
    }

    private static void AssertSet(IEnumerable<string> expected, params ChangeKind[] kinds) =>
        Assert.Equal(
            expected.OrderBy(n => n, StringComparer.Ordinal),
            Changes.Value.Where(c => kinds.Contains(c.Kind)).Select(c => c.Subject).OrderBy(n => n, StringComparer.Ordinal));

    private static string ModelDirectory(string version) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(TestPaths.UpstreamModel))!, version, "model");

    private static IEnumerable<string> ModelFiles(string version) =>
        Directory.GetFiles(ModelDirectory(version), "*.*", SearchOption.AllDirectories)
            .Where(p => (p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal)) && !ConventionFileParser.IsRegistryManifest(p))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static ResolvedRegistry Resolve(string version) =>
        ConventionResolver.Resolve(ModelFiles(version).Select(p => ConventionFileParser.Parse(p, File.ReadAllText(p))));

    /// <summary>Attribute, metric and span names read with the YAML library alone, not through our parser.</summary>
    private sealed record RawNames(HashSet<string> Attributes, HashSet<string> Metrics, HashSet<string> Spans)
    {
        public static RawNames Read(string directory)
        {
            var names = new RawNames(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            foreach (var path in Directory.GetFiles(directory, "*.y*ml", SearchOption.AllDirectories).Where(p => !p.EndsWith("manifest.yaml", StringComparison.Ordinal)))
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(path)));
                var root = (YamlMappingNode)stream.Documents[0].RootNode;
                foreach (var group in Items(root, "groups"))
                {
                    var type = Text(group, "type");
                    if (type == "metric") names.Metrics.Add(Text(group, "metric_name")!);
                    if (type == "span") names.Spans.Add(Text(group, "id")!);
                    foreach (var attribute in Items(group, "attributes"))
                    {
                        if (Text(attribute, "id") is { } id) names.Attributes.Add(id);
                    }
                }
                foreach (var attribute in Items(root, "attributes")) names.Attributes.Add(Text(attribute, "key")!);
                foreach (var metric in Items(root, "metrics")) names.Metrics.Add(Text(metric, "name")!);
                foreach (var span in Items(root, "spans")) names.Spans.Add("span." + Text(span, "type"));
                // A refinement is a span of its own, under its own id.
                foreach (var span in Items(root, "span_refinements")) names.Spans.Add(Text(span, "id")!);
            }
            return names;
        }

        private static IEnumerable<YamlMappingNode> Items(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var list) && list is YamlSequenceNode sequence
                ? sequence.Children.OfType<YamlMappingNode>()
                : Enumerable.Empty<YamlMappingNode>();

        private static string? Text(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
    }
}

using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Registry;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Tests.Generator;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Conventions;

/// <summary>
/// The registry index and the choice of files it drives: the build hands the compiler only the
/// upstream files a project's conventions need, so the choice must never miss one.
/// </summary>
public sealed class RegistrySelectionTests
{
    private static readonly Lazy<List<ConventionFile>> Upstream = new(() =>
        TestPaths.UpstreamFiles().Select(p => ConventionFileParser.Parse(p, File.ReadAllText(p))).ToList());

    private static readonly Lazy<RegistryIndex> UpstreamIndex = new(() => RegistryIndexBuilder.Build(TestPaths.UpstreamModel, Upstream.Value));

    private static readonly string[] MissingReferenceRules =
    {
        ConventionRules.UnknownAttribute.Id, ConventionRules.UnknownGroup.Id, ConventionRules.UnknownRenameTarget.Id,
    };

    [Fact]
    public void The_index_of_the_upstream_registry_reads_back_as_written()
    {
        var written = UpstreamIndex.Value.Write();
        var read = RegistryIndex.Read(written, out var error);

        Assert.Null(error);
        Assert.NotNull(read);
        Assert.Equal(Upstream.Value.Count, read!.Entries.Count);
        Assert.Equal(written, read.Write());
        var user = read.Entries.Single(e => e.RelativePath == "user/registry.yaml");
        Assert.Contains("user.id", user.Defines);
        var httpSpans = read.Entries.Single(e => e.RelativePath == "http/spans.yaml");
        Assert.Contains("server.address", httpSpans.Uses);
    }

    [Theory]
    [InlineData("", "the index is empty")]
    [InlineData("groups:\n  - id: x\n", "line 1 is not")]
    [InlineData(RegistryIndex.Header + "\nfile a.yaml\n  names x\n", "line 3 is not")]
    [InlineData(RegistryIndex.Header + "\n  defines x\n", "line 2 is not")]
    public void A_file_that_is_not_an_index_is_refused_with_a_reason(string content, string reason)
    {
        Assert.Null(RegistryIndex.Read(content, out var error));
        Assert.Contains(reason, error);
    }

    /// <summary>
    /// The guarantee the build relies on: whatever a project names of the registry, the files
    /// chosen for it resolve without a missing ref, extends, ref_group, event or rename target.
    /// Checked for every file of the upstream registry, by naming everything it defines.
    /// </summary>
    [Fact]
    public void What_the_index_chooses_for_any_upstream_file_resolves_without_a_missing_reference()
    {
        var whole = ConventionResolver.Resolve(Upstream.Value);
        Assert.DoesNotContain(whole.Diagnostics, d => MissingReferenceRules.Contains(d.Id));

        var byPath = Upstream.Value.ToDictionary(f => Path.GetRelativePath(TestPaths.UpstreamModel, f.Path).Replace('\\', '/'));
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(UpstreamIndex.Value.Entries, entry =>
        {
            var project = string.Join("\n", entry.Defines.Select(name => "- " + name));
            var chosen = RegistrySelection.Select(UpstreamIndex.Value, new[] { project });
            Assert.Contains(entry.RelativePath, chosen);
            var resolved = ConventionResolver.Resolve(chosen.Select(p => byPath[p]));
            foreach (var missing in resolved.Diagnostics.Where(d => MissingReferenceRules.Contains(d.Id)))
            {
                failures.Add($"{entry.RelativePath} ({chosen.Count} files): {missing}");
            }
        });
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Fact]
    public void A_cart_service_generates_the_same_code_from_the_chosen_files_as_from_the_whole_registry()
    {
        var cart = new InMemoryAdditionalText("/project/conventions/cart.yaml", ReferenceOnlyGenerationTests.CartConventions);
        var chosen = RegistrySelection.Select(UpstreamIndex.Value, new[] { ReferenceOnlyGenerationTests.CartConventions })
            .Select(p => Path.Combine(TestPaths.UpstreamModel, p))
            .ToList();

        var fromWhole = GeneratorHarness.RunWithImportedRegistry(new[] { cart }, UpstreamTexts(TestPaths.UpstreamFiles()), "OpenTelemetry semantic conventions");
        var fromChosen = GeneratorHarness.RunWithImportedRegistry(new[] { cart }, UpstreamTexts(chosen), "OpenTelemetry semantic conventions");

        Assert.InRange(chosen.Count, 5, 40);
        Assert.Equal(Sources(fromWhole), Sources(fromChosen));
        Assert.Equal(fromWhole.GeneratorDiagnostics.Select(d => d.ToString()), fromChosen.GeneratorDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_dotted_name_counts_anywhere_and_a_plain_word_only_as_a_whole_value()
    {
        var index = new RegistryIndex(new[]
        {
            new RegistryIndexEntry("service/entities.yaml", new[] { "entity.service", "service" }, new[] { "service.name" }),
            new RegistryIndexEntry("service/registry.yaml", new[] { "service.name", "service.version" }, Array.Empty<string>()),
            new RegistryIndexEntry("host/entities.yaml", new[] { "entity.host", "host" }, Array.Empty<string>()),
            new RegistryIndexEntry("user/registry.yaml", new[] { "user.id" }, Array.Empty<string>()),
        });

        var prose = RegistrySelection.Select(index, new[] { "    brief: Which host serves the request; see user.id for the caller.\n" });
        Assert.Equal(new[] { "user/registry.yaml" }, prose);

        var imports = RegistrySelection.Select(index, new[] { "imports:\n  entities:\n    - service   # the service entity\n" });
        Assert.Equal(new[] { "service/entities.yaml", "service/registry.yaml" }, imports);

        var quoted = RegistrySelection.Select(index, new[] { "      - ref: \"host\"\n" });
        Assert.Equal(new[] { "host/entities.yaml" }, quoted);

        var flow = RegistrySelection.Select(index, new[] { "imports:\n  entities: [host, service]\n" });
        Assert.Equal(new[] { "service/entities.yaml", "service/registry.yaml", "host/entities.yaml" }, flow);
    }

    [Fact]
    public void An_imports_pattern_chooses_every_file_it_matches_and_a_star_in_prose_chooses_none()
    {
        var index = new RegistryIndex(new[]
        {
            new RegistryIndexEntry("db/metrics.yaml", new[] { "db.client.operation.duration", "db.client.connection.count" }, Array.Empty<string>()),
            new RegistryIndexEntry("http/metrics.yaml", new[] { "http.server.request.duration" }, Array.Empty<string>()),
        });

        Assert.Equal(new[] { "db/metrics.yaml" }, RegistrySelection.Select(index, new[] { "  metrics:\n    - db.client.*\n" }));
        Assert.Equal(new[] { "db/metrics.yaml", "http/metrics.yaml" }, RegistrySelection.Select(index, new[] { "    - db.*\n    - http.server.*.duration\n" }));
        Assert.Empty(RegistrySelection.Select(index, new[] { "    note: |\n      * one\n      **bold** and * alone\n" }));
    }

    private static IEnumerable<AdditionalText> UpstreamTexts(IEnumerable<string> paths) =>
        paths.Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p)));

    private static IEnumerable<(string, string)> Sources(GeneratorRun run) =>
        run.Result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal);
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using TelemetryConventions.Conventions.Yaml;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

/// <summary>The IDE asks for the conventions on every keystroke; they must be read once per content.</summary>
public class ConventionCacheTests
{
    [Fact]
    public void The_same_files_give_the_same_index_without_parsing_again()
    {
        var files = Files(("/a/conventions/cache-same.yaml", TestSources.Conventions), ("/a/conventions/manifest.yaml", "name: x"), ("/a/readme.md", "# not yaml"));
        var first = ConventionCache.Get(files, CancellationToken.None);
        var second = ConventionCache.Get(Files(("/a/conventions/cache-same.yaml", TestSources.Conventions)), CancellationToken.None);
        Assert.Same(first, second);
        Assert.NotNull(first.Find("patient.id"));
        Assert.NotNull(first.Find("http.request.header.accept"));
        Assert.Null(first.Find("http.request.headerx"));
    }

    [Fact]
    public void A_changed_file_gives_a_new_index()
    {
        var before = ConventionCache.Get(Files(("/b/conventions/cache-change.yaml", TestSources.Conventions)), CancellationToken.None);
        var after = ConventionCache.Get(Files(("/b/conventions/cache-change.yaml", TestSources.Conventions + "\n# edited\n")), CancellationToken.None);
        Assert.NotSame(before, after);
    }

    [Fact]
    public void No_convention_files_and_unreadable_files_give_the_empty_index()
    {
        Assert.Same(ConventionIndex.Empty, ConventionCache.Get(ImmutableArray<AdditionalText>.Empty, CancellationToken.None));
        var broken = ConventionCache.Get(Files(("/c/conventions/broken.yaml", "groups: [ {")), CancellationToken.None);
        Assert.False(broken.HasAttributes);
    }

    [Fact]
    public void Suggestions_prefer_the_same_name_under_another_spelling()
    {
        var index = ConventionCache.Get(Files(("/d/conventions/suggest.yaml", TestSources.Conventions)), CancellationToken.None);
        Assert.Equal("patient.id", index.Suggest("Patient_ID"));
        Assert.Equal("hospital.department", index.Suggest("hospital.departmnt"));
        Assert.Null(index.Suggest("completely.unrelated.name"));
        Assert.True(index.IsDeclaredSpan("patient.visit"));
        Assert.True(index.IsDeclaredSpan("span.patient.visit"));
        Assert.True(index.IsDeclaredMetric("hospital.visits"));
    }

    [Fact]
    public void A_file_the_generator_already_parsed_is_not_parsed_again()
    {
        // The generator fills the shared cache under the file's path and checksum; a parse here
        // would find no attribute in this text, so finding one proves the cached file was used.
        const string path = "/e/conventions/parsed-by-generator.yaml";
        var text = SourceText.From("groups: []\n");
        var fromGenerator = ConventionFileParser.Parse(path, """
            groups:
              - id: registry.cached
                type: attribute_group
                brief: Cached.
                attributes:
                  - id: cached.name
                    type: string
                    brief: Only in the cached parse.
            """);
        ParsedFileCache.GetOrParse(ParsedFileCache.Key(path, text.GetChecksum()), () => fromGenerator);

        var index = ConventionCache.Get(ImmutableArray.Create<AdditionalText>(new FixedText(path, text)), CancellationToken.None);
        Assert.NotNull(index.Find("cached.name"));
    }

    private sealed class FixedText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private static ImmutableArray<AdditionalText> Files(params (string Path, string Text)[] files) =>
        files.Select(f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray();

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}

/// <summary>The analyzers read the upstream OpenTelemetry registry as the generator does.</summary>
public class UpstreamRegistryTests
{
    [Fact]
    public void The_upstream_registry_is_indexed_once_and_answers_for_its_names()
    {
        var model = Path.GetFullPath(Path.Combine(AllAnalyzers.RepoRoot, "..", "shared", "semconv-upstream", "v1.44.0", "model"));
        Assert.True(Directory.Exists(model), $"The upstream registry is expected at {model}.");
        var files = Directory.EnumerateFiles(model, "*.yaml", SearchOption.AllDirectories)
            .Select(p => (AdditionalText)new UpstreamText(p))
            .ToImmutableArray();

        var index = ConventionCache.Get(files, CancellationToken.None);
        Assert.Same(index, ConventionCache.Get(files, CancellationToken.None));

        Assert.NotNull(index.Find("http.request.method"));
        Assert.NotNull(index.Find("http.request.header.content-type"));
        Assert.Equal("http.request.method", index.Suggest("http_request_method"));
        Assert.True(index.IsDeclaredMetric("http.server.request.duration"));
        Assert.True(index.HasSpans);
    }

    private sealed class UpstreamText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}

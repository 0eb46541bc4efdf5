using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TelemetryConventions.Tests.Infrastructure;

public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global analyzer-config options, as MSBuild passes CompilerVisibleProperty values.</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions _global;
    private readonly Dictionary<string, TestOptions> _files = new(StringComparer.Ordinal);

    /// <param name="fileMetadata">Item metadata of AdditionalFiles by path, as CompilerVisibleItemMetadata passes it.</param>
    public TestOptionsProvider(IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null)
    {
        _global = new TestOptions((properties ?? new Dictionary<string, string>())
            .ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));
        foreach (var (path, metadata) in fileMetadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            _files[path] = new TestOptions(metadata.ToImmutableDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value));
        }
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _files.TryGetValue(textFile.Path, out var options) ? options : TestOptions.Empty;

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly ImmutableDictionary<string, string> _values;

        public TestOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

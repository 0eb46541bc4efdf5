using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Generators;

namespace TelemetryConventions.Analyzers.Tests.Infrastructure;

/// <summary>
/// What the convention generator really emits for a conventions file, in the namespace the rule tests
/// use. The rule tests compile against this output and the real runtime, so a change in the generated
/// API's shape reaches them instead of drifting away from a hand-written copy.
/// </summary>
public static class GeneratedSources
{
    public const string Namespace = "Contoso.Telemetry";

    private static readonly ConcurrentDictionary<string, ImmutableArray<(string HintName, string Text)>> Cache = new(StringComparer.Ordinal);

    /// <summary>The generated files for <paramref name="conventions"/>; the generator must report no error.</summary>
    public static ImmutableArray<(string HintName, string Text)> For(string conventions) =>
        Cache.GetOrAdd(conventions, Generate);

    /// <summary>The generated files for the rule tests' standard conventions.</summary>
    public static ImmutableArray<(string HintName, string Text)> Standard => For(TestSources.Conventions);

    /// <summary>The test references plus the real runtime library the generated code calls.</summary>
    public static ImmutableArray<MetadataReference> References { get; } =
        TestReferences.References.Add(MetadataReference.CreateFromFile(typeof(Pseudonym).Assembly.Location));

    private static ImmutableArray<(string HintName, string Text)> Generate(string conventions)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "GeneratedSources",
            Array.Empty<SyntaxTree>(),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new GeneratedNamespaceOptions(Namespace);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ConventionGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryText(TestSources.ConventionsPath, conventions) },
            parseOptions,
            options);
        var result = driver.RunGenerators(compilation).GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The test conventions do not generate cleanly:\n" + string.Join("\n", errors));
        }
        return result.Results
            .SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

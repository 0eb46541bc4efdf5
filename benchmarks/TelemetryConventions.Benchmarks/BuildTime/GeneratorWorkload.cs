using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Generators;

namespace TelemetryConventions.Benchmarks.BuildTime;

/// <summary>
/// The generator's inputs for the build-time benchmarks: every file of the upstream registry (as the compiler
/// would hand them over as AdditionalFiles), a small consumer compilation, and the two kinds of edit a
/// developer makes between builds.
/// </summary>
public sealed class GeneratorWorkload
{
    /// <summary>The registry file edited in the YAML-edit case, relative to the model folder.</summary>
    public const string EditedFile = "http/registry.yaml";

    private const string EditedText = "The size of the request payload body in bytes.";
    private const string EditedReplacement = "The size of the request payload body, in bytes.";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    static GeneratorWorkload()
    {
        // BenchmarkDotNet runs each case from a launcher project whose dependency manifest leaves out the
        // generator's own dependencies (the conventions model), although the files sit beside it. Resolve such
        // assemblies from the application folder rather than let the generator fail to load and return at
        // once, which would time nothing.
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            var candidate = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
    }

    public GeneratorWorkload()
    {
        ModelDirectory = Metadata("SemconvUpstreamDir");
        Files = Directory.GetFiles(ModelDirectory, "*.yaml", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != "manifest.yaml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToImmutableArray();

        OriginalFile = Files.Single(f => f.Path.EndsWith(EditedFile, StringComparison.Ordinal));
        var original = OriginalFile.GetText()!.ToString();
        if (!original.Contains(EditedText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{EditedFile} no longer contains the text the benchmark edits: \"{EditedText}\".");
        }
        BriefEditedFile = new InMemoryAdditionalText(OriginalFile.Path, original.Replace(EditedText, EditedReplacement, StringComparison.Ordinal));
        CommentEditedFile = new InMemoryAdditionalText(OriginalFile.Path, "# A comment moves every line down.\n" + original);

        Compilation = CSharpCompilation.Create(
            "RegistryConsumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Registry; public static class Service { public static int Run() => 1; }", ParseOptions) },
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        EditedCompilation = Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Registry; public static class Unrelated { public static int Other() => 2; }", ParseOptions));
    }

    public string ModelDirectory { get; }

    public ImmutableArray<AdditionalText> Files { get; }

    public AdditionalText OriginalFile { get; }

    /// <summary><see cref="EditedFile"/> with one attribute's brief reworded: a change of meaning.</summary>
    public AdditionalText BriefEditedFile { get; }

    /// <summary><see cref="EditedFile"/> with a comment line on top: every location moves, no meaning changes.</summary>
    public AdditionalText CommentEditedFile { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary><see cref="Compilation"/> plus one new C# file that has nothing to do with telemetry.</summary>
    public CSharpCompilation EditedCompilation { get; }

    /// <summary>
    /// A driver as the compiler creates one, with step tracking on so the re-emitted outputs can be counted.
    /// </summary>
    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new ConventionGenerator().AsSourceGenerator() },
            Files,
            ParseOptions,
            new BuildProperties(new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Registry",
                ["build_property.TelemetryConventionsNamespace"] = "Registry.Telemetry",
            }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// The framework's System assemblies and the runtime library, as a net10.0 consumer has them: the
    /// generator looks for <c>Gauge&lt;T&gt;</c> in System.Diagnostics.DiagnosticSource before writing gauges.
    /// </summary>
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll"))
            .Append(typeof(Pseudonym).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();

    private static string Metadata(string key) =>
        typeof(GeneratorWorkload).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class BuildProperties : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public BuildProperties(IReadOnlyDictionary<string, string> values) => _global = new Options(values.ToImmutableDictionary());

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}

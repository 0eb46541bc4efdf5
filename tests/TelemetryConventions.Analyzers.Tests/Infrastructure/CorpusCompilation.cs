using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Generators;

namespace TelemetryConventions.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles a folder of service code the way its project would be built: the real convention
/// generator over the folder's YAML, the logging source generator for <c>[LoggerMessage]</c>
/// methods, the real runtime, then every analyzer of the package.
/// </summary>
public sealed class CorpusCompilation
{
    private CorpusCompilation(Compilation compilation, ImmutableArray<Diagnostic> compilerErrors, ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        Compilation = compilation;
        CompilerErrors = compilerErrors;
        AnalyzerDiagnostics = analyzerDiagnostics;
    }

    public Compilation Compilation { get; }

    public ImmutableArray<Diagnostic> CompilerErrors { get; }

    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <param name="sharedFolders">Folders of C# stand-ins compiled with the folder's own code (no YAML is read from them).</param>
    public static Task<CorpusCompilation> BuildAsync(string folder, string generatedNamespace, params string[] sharedFolders) =>
        BuildAsync(folder, generatedNamespace, LanguageVersion.Latest, sharedFolders);

    /// <param name="languageVersion">
    /// The C# version the folder is written in. <see cref="LanguageVersion.Latest"/> of the Roslyn the tests run on is
    /// C# 13; a corpus written in C# 14 (extension blocks, the <c>field</c> keyword, null-conditional assignment) asks
    /// for <see cref="LanguageVersion.Preview"/>, which compiles those features as the .NET 10 SDK does.
    /// </param>
    /// <param name="sharedFolders">Folders of C# stand-ins compiled with the folder's own code (no YAML is read from them).</param>
    public static async Task<CorpusCompilation> BuildAsync(string folder, string generatedNamespace, LanguageVersion languageVersion, params string[] sharedFolders)
    {
        var parseOptions = new CSharpParseOptions(languageVersion);
        var trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(folder, p))
            .Concat(sharedFolders.SelectMany(shared => Directory.EnumerateFiles(shared, "*.cs", SearchOption.AllDirectories)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p)), parseOptions, path: p))
            .ToList();
        var conventions = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new FileText(p))
            .ToImmutableArray();

        var references = TestReferences.References
            .Concat(new[]
            {
                typeof(Microsoft.Extensions.Compliance.Classification.DataClassification).Assembly.Location,
                typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location,
                typeof(TelemetryConventions.Pseudonym).Assembly.Location,
            }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "PrivacyCorpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var options = new GeneratedNamespaceOptions(generatedNamespace);
        var generators = new List<ISourceGenerator> { new ConventionGenerator().AsSourceGenerator() };
        generators.AddRange(LoggingGenerators());
        CSharpGeneratorDriver.Create(generators, conventions, parseOptions, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        // A convention the generator rejects (a malformed domain, an unknown reference) is a broken
        // corpus as much as C# that does not compile. TC0015 (a person's identifier declared on a
        // metric) is the exception: several corpora declare one on purpose, so that what TC1003 says of
        // the wrapper the generator still emits for it is graded too.
        var errors = generatorDiagnostics.Where(d => d.Id != "TC0015").Concat(generated.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
        var analyzers = AllAnalyzers.Analyzers;
        var diagnostics = await generated
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(conventions, options), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAnalyzerDiagnosticsAsync();
        return new CorpusCompilation(generated, errors, diagnostics);
    }

    private static bool IsBuildOutput(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    /// <summary>The logging source generator that ships in Microsoft.Extensions.Logging.Abstractions.</summary>
    private static IEnumerable<ISourceGenerator> LoggingGenerators()
    {
        var path = typeof(CorpusCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LoggingGenerator").Value!;
        var reference = new AnalyzerFileReference(path, AssemblyLoader.Instance);
        return reference.GetGenerators(LanguageNames.CSharp);
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public static readonly AssemblyLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class FileText : AdditionalText
    {
        private readonly Lazy<SourceText> _text;

        public FileText(string path)
        {
            Path = path;
            _text = new Lazy<SourceText>(() => SourceText.From(File.ReadAllText(path)));
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text.Value;
    }
}

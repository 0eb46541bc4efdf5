using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TelemetryConventions.Generators;

namespace TelemetryConventions.Tests.Infrastructure;

/// <summary>Runs the convention generator over in-memory YAML and C#, as a compilation would.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(TelemetryConventions.Pseudonym).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    // Documentation diagnostics on: consumers who build with GenerateDocumentationFile and
    // warnings as errors must not break on generated code.
    public static ImmutableArray<MetadataReference> DefaultReferences => References.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(References.Value, sources);

    /// <summary>A compilation against a chosen set of references, e.g. an older framework's.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? properties = null) =>
        CreateDriver(files, new TestOptionsProvider(properties));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, TestOptionsProvider options) =>
        CSharpGeneratorDriver.Create(
            new[] { new ConventionGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// The project's own files together with the files of a registry it did not write, marked as
    /// the package targets mark them (<c>Registry</c> and <c>Generate</c> item metadata).
    /// </summary>
    public static GeneratorRun RunWithImportedRegistry(IEnumerable<AdditionalText> own, IEnumerable<AdditionalText> imported, string registry, string generate = "referenced", params string[] sources)
    {
        var importedFiles = imported.ToList();
        var metadata = importedFiles.ToDictionary(
            f => f.Path,
            f => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["TelemetryConventionRegistry"] = registry, ["TelemetryConventionGenerate"] = generate });
        var compilation = CreateCompilation(sources.Length == 0 ? new[] { "" } : sources);
        return Run(CreateDriver(own.Concat(importedFiles), new TestOptionsProvider(null, metadata)), compilation);
    }

    public static GeneratorRun Run(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? properties = null, params string[] sources) =>
        Run(CreateDriver(files, properties), CreateCompilation(sources.Length == 0 ? new[] { "" } : sources));

    /// <summary>
    /// Runs the generator, then once more with an unrelated source file added, and asserts that the second run
    /// reused everything (<see cref="GeneratorCaching.AssertSecondRunCached"/>). The result is the first run's.
    /// </summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var second = driver.RunGenerators(compilation.AddSyntaxTrees(GeneratorCaching.UnrelatedTree()));
        GeneratorCaching.AssertSecondRunCached(driver.GetRunResult(), second.GetRunResult());
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    public static GeneratorRun Run(string path, string yaml, IReadOnlyDictionary<string, string>? properties = null) =>
        Run(new[] { new InMemoryAdditionalText(path, yaml) }, properties);
}

public sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IEnumerable<Diagnostic> ConventionDiagnostics => GeneratorDiagnostics.Where(d => d.Id.StartsWith("TC", StringComparison.Ordinal));

    public IEnumerable<Diagnostic> CompilationDiagnostics => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName);

    /// <summary>The values of the generated attribute constants (<c>const string</c> fields of <c>…Attributes</c> classes).</summary>
    public IEnumerable<string> AttributeConstants => Output.SyntaxTrees
        .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
        .Where(c => c.Identifier.Text.EndsWith("Attributes", StringComparison.Ordinal))
        .SelectMany(c => c.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax>())
        .Where(f => f.Modifiers.Any(m => m.Text == "const"))
        .Select(f => f.Declaration.Variables.Single().Initializer!.Value.ToString().Trim('"'));
}

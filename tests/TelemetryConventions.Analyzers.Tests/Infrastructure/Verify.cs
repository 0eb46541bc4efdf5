using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace TelemetryConventions.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer (and optionally its code fix) over test code with the real runtime, what the
/// generator really emits for the test conventions, and those conventions, asserting every diagnostic by location.
/// </summary>
public static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>Diagnostics only; markup in <paramref name="source"/> gives the expected locations.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, TestSources.Conventions, editorConfig: null, expected);

    public static Task AnalyzerAsync(string source, string? conventions, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource: null, conventions, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Diagnostics with one more additional file beside the conventions, carrying item metadata as
    /// CompilerVisibleItemMetadata passes it (<c>build_metadata.AdditionalFiles.*</c>).
    /// </summary>
    public static Task AnalyzerWithFileAsync(string source, string path, string text, IReadOnlyDictionary<string, string> metadata, params DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource: null, TestSources.Conventions, editorConfig: null);
        test.TestState.AdditionalFiles.Add((path, text));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\n[" + path + "]\n"
            + string.Concat(metadata.Select(m => $"build_metadata.AdditionalFiles.{m.Key} = {m.Value}\n"))));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Diagnostics on code that uses a library compiled apart from it (<paramref name="library"/>), so
    /// the library's types are metadata, with no bodies in sight, as a package's are.
    /// </summary>
    public static Task AnalyzerWithLibraryAsync(string source, string library, params DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource: null, TestSources.Conventions, editorConfig: null);
        test.TestState.AdditionalReferences.Add(CompiledLibrary(library));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static MetadataReference CompiledLibrary(string library)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Library" + (uint)library.GetHashCode(StringComparison.Ordinal),
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(library) },
            TestReferences.References,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The test library does not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Diagnostics, then the code fix applied until no fixable diagnostic is left.</summary>
    public static Task CodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        CodeFixAsync(source, fixedSource, TestSources.Conventions, expected);

    public static Task CodeFixAsync(string source, string fixedSource, string? conventions, params DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource, conventions, editorConfig: null);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Test code made of top-level statements, compiled as the program's entry point; with a fixed
    /// source, the code fix is applied as in <see cref="CodeFixAsync(string, string, DiagnosticResult[])"/>.
    /// </summary>
    public static Task ProgramAsync(string source, string? fixedSource, params DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource, TestSources.Conventions, editorConfig: null);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> Create(string source, string? fixedSource, string? conventions, string? editorConfig)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratedSources.References);
        var generated = GeneratedSources.For(conventions is null or TestSources.ConventionsWithUngenerated ? TestSources.Conventions : conventions);
        test.TestState.Sources.AddRange(generated.Select(g => (g.HintName, SourceText.From(g.Text))));
        if (conventions is not null)
        {
            test.TestState.AdditionalFiles.Add((TestSources.ConventionsPath, conventions));
        }
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }
        if (fixedSource is not null)
        {
            // References, additional files and options are inherited; sources are listed again
            // because the fixed state names its own.
            test.FixedCode = fixedSource;
            test.FixedState.Sources.AddRange(generated.Select(g => (g.HintName, SourceText.From(g.Text))));
        }
        return test;
    }
}

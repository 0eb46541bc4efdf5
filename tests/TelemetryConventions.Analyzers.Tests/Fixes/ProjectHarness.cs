using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using TelemetryConventions.Generators;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests.Fixes;

/// <summary>
/// A real multi-file project in a workspace, with the generated API, the real runtime and the conventions:
/// analyzed, fixed through the public Fix All APIs that <c>dotnet format</c> and the IDE drive, compiled and run.
/// </summary>
public static class ProjectHarness
{
    public const string ConventionsPath = "/project/conventions/conventions.yaml";

    private static readonly ImmutableArray<MetadataReference> References = TestReferences.References
        .Add(MetadataReference.CreateFromFile(typeof(Pseudonymizer).Assembly.Location));

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The project's sources plus what the generator makes of <paramref name="conventions"/>, as ordinary documents.</summary>
    public static Project Create(string conventions, params (string Name, string Text)[] sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Service", "Service", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: ParseOptions,
                metadataReferences: References))
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "conventions.yaml", SourceText.From(conventions), filePath: ConventionsPath);
        foreach (var (name, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), filePath: "/project/" + name);
        }
        foreach (var (name, text) in Generate(conventions, sources.Select(s => s.Text)))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), filePath: "/project/obj/generated/" + name);
        }
        return solution.GetProject(projectId)!;
    }

    private static IEnumerable<(string Name, string Text)> Generate(string conventions, IEnumerable<string> sources)
    {
        var compilation = CSharpCompilation.Create("Service", sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)), References);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ConventionGenerator().AsSourceGenerator() },
            new AdditionalText[] { new ConventionText(ConventionsPath, conventions) },
            ParseOptions);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }
        return result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString()));
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var options = new AnalyzerOptions(project.AdditionalDocuments.Select(d => (AdditionalText)new ConventionText(d.FilePath!, d.GetTextAsync().Result.ToString())).ToImmutableArray());
        var diagnostics = await compilation.WithAnalyzers(analyzers.ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>
    /// What <c>dotnet format analyzers --diagnostics ID</c> does: ask the fix for its action on the first
    /// diagnostic it can fix, take that action's equivalence key, and hand the fixer's Fix All provider a
    /// context over the whole scope; then apply the one resulting change.
    /// </summary>
    public static async Task<Project> FixAllAsync(Project project, CodeFixProvider fixer, string diagnosticId, FixAllScope scope, params DiagnosticAnalyzer[] analyzers)
    {
        var diagnostics = (await AnalyzeAsync(project, analyzers)).Where(d => d.Id == diagnosticId).ToImmutableArray();
        string? equivalenceKey = null;
        Document? firstDocument = null;
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count > 0)
            {
                equivalenceKey = actions[0].EquivalenceKey;
                firstDocument = document;
                break;
            }
        }
        if (firstDocument is null)
        {
            throw new InvalidOperationException($"No {diagnosticId} fix was offered for any of {diagnostics.Length} diagnostics.");
        }
        var provider = fixer.GetFixAllProvider() ?? throw new InvalidOperationException("The fix has no Fix All provider.");
        Assert.Contains(scope, provider.GetSupportedFixAllScopes());
        var context = scope == FixAllScope.Document
            ? new FixAllContext(firstDocument, fixer, scope, equivalenceKey, new[] { diagnosticId }, new Provider(analyzers), CancellationToken.None)
            : new FixAllContext(project, fixer, scope, equivalenceKey, new[] { diagnosticId }, new Provider(analyzers), CancellationToken.None);
        var fix = await provider.GetFixAsync(context) ?? throw new InvalidOperationException("The Fix All provider returned no action.");
        var operations = await fix.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetProject(project.Id)!;
    }

    public static async Task<string> TextAsync(Project project, string name) =>
        (await project.Documents.Single(d => d.Name == name).GetTextAsync()).ToString();

    /// <summary>Compiles the project (warnings count) and loads it into a collectible context.</summary>
    public static async Task<Assembly> LoadAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("fixed-project", isCollectible: true).LoadFromStream(image);
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly DiagnosticAnalyzer[] _analyzers;

        public Provider(DiagnosticAnalyzer[] analyzers) => _analyzers = analyzers;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AnalyzeAsync(document.Project, _analyzers)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AnalyzeAsync(project, _analyzers)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzeAsync(project, _analyzers);
    }

    private sealed class ConventionText : AdditionalText
    {
        private readonly SourceText _text;

        public ConventionText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

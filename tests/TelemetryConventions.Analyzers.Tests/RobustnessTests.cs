using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

/// <summary>
/// An analyzer that throws takes a whole rule set down in the IDE (AD0001) and fails builds with
/// warnings as errors. Every analyzer runs over the repository's own C# and over deliberately
/// broken and odd code, with conventions present and with bad YAML, and must never throw.
/// </summary>
public class RobustnessTests
{
    private const string Odd = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using Contoso.Telemetry;
        using Microsoft.Extensions.Logging;
        using TelemetryConventions;

        var top = new ActivitySource("top").StartActivity($"top {args.Length}");
        top?.SetTag("patient.id", args[0]);

        static class Odd<T>
        {
            static readonly Meter Meter = new("m");
            static readonly Counter<long> Visits = Meter.CreateCounter<long>($"visits.{typeof(T).Name}");

            static string hashID(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

            static void Recursive(Activity a, string patientId)
            {
                var x = "";
                var y = x;
                x = y + x;
                a.SetTag("k", x);
                a.SetTag("k", hashID(hashID(patientId)));
                a.SetTag(null!, null);
                a.SetTag(default, default(string));
                a.SetTag("k", (object)(dynamic)patientId);
                a?.SetTag("k", patientId?.ToString()?.Trim());
                a.SetTag("k", patientId.GetHashCode());
                a.SetTag("k", HashCode.Combine(patientId, 1));
                a.SetTag("k", new Func<string>(() => patientId)());
                Visits.Add(1, [new("patient.id", patientId)]);
                Visits.Add(1, new KeyValuePair<string, object?>[0]);
                Visits.Add(1, Array.Empty<KeyValuePair<string, object?>>());
                Visits.Add(1, Enumerable.Range(0, 2).Select(i => new KeyValuePair<string, object?>("k" + i, patientId)).ToArray());
                var tags = new TagList();
                tags[0] = new KeyValuePair<string, object?>("user.id", patientId);
                var d = new Dictionary<string, object?>();
                d["user.id"] = patientId;
                d.Add("user.id", patientId);
                d = d;
                Visits.Add(1, d.ToArray());
                T value = default!;
                a.SetTag("k", value);
                a.AddException(new Exception());
                a.AddException(null!);
                Exception e = null!;
                e = new InvalidOperationException(patientId);
                a.AddException(e);
            }

            static void Logging(ILogger logger, string patientId, object[] values)
            {
                logger.LogInformation(null, patientId);
                logger.LogInformation("{", patientId);
                logger.LogInformation("{}{}{{}}{A}}", patientId, patientId, patientId, patientId);
                logger.LogInformation("{A}", values);
                logger.Log(LogLevel.Information, new EventId(1), new Exception(), "{A}", patientId);
                logger.Log(LogLevel.Information, 0, patientId, null, (s, e) => s);
                logger.BeginScope(new Dictionary<string, object> { ["patient.id"] = patientId });
            }
        }

        static class GeneratedApiUses
        {
            static PatientVisitSpan Field;

            static void Spans(ActivitySource source, Meter meter, dynamic anything)
            {
                source.StartPatientVisit(default);
                var span = source.StartPatientVisit(default);
                span = span;
                ref var alias = ref span;
                alias.SetPatientAge(1);
                source.StartPatientVisit(anything);
                TelemetrySpans.StartPatientVisit(null!, default).SetPatientAge(anything);
                Field = source?.StartPatientVisit(default) ?? default;
                (source.StartPatientVisit(default), span) = (span, default);
                PatientVisitSpan? maybe = source?.StartPatientVisit(default);
                maybe?.SetPatientAge(2);
                for (;;)
                {
                    var visits = meter.CreateHospitalVisitsCounter();
                    visits = visits;
                    meter?.CreateHospitalVisitsCounter()?.Add(1);
                    TelemetryMetrics.CreateHospitalVisitsCounter(null!).Add(anything);
                    ((HospitalVisitsCounter)meter.CreateHospitalVisitsCounter()).Instrument.Add(1);
                    break;
                }
                Local();
                void Local() => meter.CreateHospitalVisitsCounter().Add(1);
            }

            static void Broken(ActivitySource source, Meter meter)
            {
                source.StartPatientVisit(;
                source.StartPatientVisit(default).SetPatientAge(
                meter.CreateHospitalVisitsCounter().Add(
                foreach (var x in meter.CreateHospitalVisitsCounter()) meter.CreateHospitalVisitsCounter();
                using (source.StartPatientVisit(default)
            }
        }

        class Broken
        {
            void M(Activity a, string patientId)
            {
                a.SetTag(
                a.SetTag("patient.id")
                a.SetTag("patient.id", patientId, 3);
                new KeyValuePair<string, object?>(
                new ActivityEvent(name: , tags: new ActivityTagsCollection { { "x", } });
                new Measurement<int>(1, new KeyValuePair<string, object?>("k", Undefined));
                Unknown.SetTag("k", patientId);
                a.DisplayName = ;
                a.SetTag(Missing.Id, patientId);
                foreach (var (k, v) in new Dictionary<string, string>()) a.SetTag(k, v);
            }

            string Bad( => 
        }

        namespace TelemetryConventions.Extra
        {
            public sealed class Pseudonymizer { public static Pseudonym Pseudonymize(int x) => default; }
        }
        """;

    private const string Fixable = """
        using System;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using System.Security.Cryptography;
        using System.Text;
        using Contoso.Telemetry;
        using TelemetryConventions;

        class Fixable
        {
            private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();
            private static Pseudonymizer? Shared;

            static string hashID(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

            void Leak(Activity a, Counter<long> c, string patientId, long studentNumber, Guid userId, decimal accountNumber, string? memberName)
            {
                a.SetTag("patient_id", patientId);
                a.SetTag("patient.id", hashID(patientId));
                a.SetTag("patient.id.hashed", (patientId));
                a.SetTag("patient.age", "4");
                a.SetTag("doctor.id", ((studentNumber)));
                a.DisplayName = $"v {userId} {accountNumber:N0} {memberName ?? "x"}";
                a.SetTag("visit.user", userId.GetHashCode());
                a.SetTag("visit.user", patientId.GetHashCode().ToString("x"));
                c.Add(1, new("patient.id", patientId), new("user_id", _pseudonymizer.Compute("user", patientId)));
                a.SetTag("x", patientId +
                    // comment
                    studentNumber);
            }

            static void StaticLeak(Activity a, string patientId)
            {
                a.SetTag("patient.id", patientId);
                Shared = null;
            }

            void Forgotten(ActivitySource source, Pseudonym patient, int span)
            {
                source.StartPatientVisit(patient).SetPatientAge(span);
                if (span > 1)
                {
                    _ = source.StartPatientVisit(patient);
                }
            }
        }
        """;

    private const string BadYaml = """
        groups:
          - id: registry.broken
            type: attribute_group
            attributes:
              - id: [unclosed
                type: {{ nonsense
        """;

    [Fact]
    public async Task No_analyzer_throws_on_odd_and_broken_code()
    {
        var compilation = Compile("Odd", new[] { ("Odd.cs", Odd) }.Concat(GeneratedSources.Standard), GeneratedSources.References);
        var reported = await AssertNoAnalyzerExceptions(compilation, (TestSources.ConventionsPath, TestSources.Conventions), ("/project/conventions/broken.yaml", BadYaml));
        // The analyzers did run: the odd code leaks identifiers on purpose.
        Assert.Contains(reported, d => d.Id == "TC1001");
        Assert.Contains(reported, d => d.Id == "TC3001");
        await AssertNoAnalyzerExceptions(compilation, ("/project/conventions/broken.yaml", BadYaml));
        await AssertNoAnalyzerExceptions(compilation);
    }

    [Fact]
    public async Task No_analyzer_throws_on_the_repository_sources()
    {
        var files = new List<(string, string)>();
        foreach (var folder in new[] { "src", "tests", "samples" })
        {
            var directory = Path.Combine(AllAnalyzers.RepoRoot, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                {
                    continue;
                }
                files.Add((file, File.ReadAllText(file)));
            }
        }
        Assert.NotEmpty(files);
        var conventions = Directory.Exists(Path.Combine(AllAnalyzers.RepoRoot, "conventions"))
            ? Directory.EnumerateFiles(Path.Combine(AllAnalyzers.RepoRoot, "conventions"), "*.yaml", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))).ToArray()
            : Array.Empty<(string, string)>();
        await AssertNoAnalyzerExceptions(Compile("Repository", files, TestReferences.References), conventions);
    }

    [Fact]
    public async Task No_code_fix_throws_on_what_the_analyzers_report()
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Odd", "Odd", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
            metadataReferences: GeneratedSources.References));
        foreach (var (name, text) in new[] { ("Odd.cs", Odd), ("Fixable.cs", Fixable) }.Concat(GeneratedSources.Standard))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), filePath: "/project/" + name);
        }
        solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), "test.yaml", SourceText.From(TestSources.Conventions), filePath: TestSources.ConventionsPath);
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();

        var applied = new HashSet<string>();
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var fix in AllAnalyzers.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
                await fix.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    var operations = await action.GetOperationsAsync(CancellationToken.None);
                    var changed = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;
                    var changedRoot = await changed.GetDocument(document.Id)!.GetSyntaxRootAsync();
                    // A fix changes the text and leaves it parseable wherever the original was.
                    Assert.NotEqual((await document.GetTextAsync()).ToString(), changedRoot!.ToFullString());
                    if (document.Name == "Fixable.cs")
                    {
                        Assert.DoesNotContain(changedRoot.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
                    }
                    applied.Add(diagnostic.Id);
                }
            }
        }
        Assert.Superset(new HashSet<string> { "TC1001", "TC1002", "TC2001", "TC2002", "TC2005", "TC3001" }, applied);
    }

    private static CSharpCompilation Compile(string name, IEnumerable<(string Path, string Text)> sources, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            name,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Preview), s.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static async Task<ImmutableArray<Diagnostic>> AssertNoAnalyzerExceptions(Compilation compilation, params (string Path, string Text)[] conventions)
    {
        var failures = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(conventions.Select(c => (AdditionalText)new InMemoryText(c.Path, c.Text)).ToImmutableArray()),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (failures)
                {
                    failures.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Analyzers, options).GetAnalyzerDiagnosticsAsync();
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
        return diagnostics;
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TelemetryConventions.Analyzers.Tests;

/// <summary>
/// Grades the leak rules (TC1001, TC1002, TC1003) on the corpus in <c>PrivacyCorpus/</c>: service code of the
/// seven industries in which every line that must be reported ends with <c>// leak TC1001 category</c>
/// and every line that must stay silent with <c>// clean category</c>. Prints recall and the
/// false-positive rate per category and per industry.
/// </summary>
public sealed partial class PrivacyCorpusTests
{
    /// <summary>The goal is recall ≥ 95 % and false positives ≤ 2 % of clean lines.</summary>
    private const double RequiredRecall = 0.95;
    private const double AllowedFalsePositiveRate = 0.02;

    private readonly ITestOutputHelper _output;

    public PrivacyCorpusTests(ITestOutputHelper output) => _output = output;

    private static string CorpusFolder => TestFolder("PrivacyCorpus");

    private static string TestFolder(params string[] parts) =>
        Path.Combine(new[] { AllAnalyzers.RepoRoot, "tests", "TelemetryConventions.Analyzers.Tests" }.Concat(parts).ToArray());

    /// <summary>
    /// The rules about what reaches telemetry. TC1004 (a domain typed as a literal) is about keeping
    /// pseudonyms consistent, not about a leak, and has its own tests.
    /// </summary>
    private static readonly HashSet<string> GradedRules = new(StringComparer.Ordinal) { "TC1001", "TC1002", "TC1003" };

    [Fact]
    public Task Corpus_meets_the_recall_and_precision_goal() =>
        GradeAsync(CorpusFolder, "PrivacyCorpus.Telemetry", minimumMarkers: 200, RequiredRecall, AllowedFalsePositiveRate);

    /// <summary>
    /// A second corpus, written apart from the first and without reading the analyzers (see its
    /// README). Graded first at 74.8 % recall (98 of 131 leaks), 0.6 % false positives: the honest figure
    /// for code the rules had not seen. The general gaps it showed were closed (a caught exception
    /// whose type puts an identifier in its message, pattern variables, collection initializers and
    /// a dictionary's keys, a hash read as a Guid or cut short, a caller's network address, names
    /// people are known by, card numbers, values declared pseudonyms with Pseudonym.FromComputed);
    /// the lines still missed are listed in docs/rules/TC1001.md. Since it is no longer unseen, its
    /// bar is a floor against regressions: 95 % recall (now 125 of 131) and 2 % false positives.
    /// </summary>
    [Fact]
    public Task Holdout_corpus_stays_above_its_floor() =>
        GradeAsync(TestFolder("PrivacyHoldout"), "PrivacyHoldout.Telemetry", minimumMarkers: 100,
            requiredRecall: 0.95, AllowedFalsePositiveRate, TestFolder("PrivacyCorpus", "Shared"));

    /// <summary>
    /// A third corpus, written apart from the analyzers and from the other two after the first
    /// holdout's gaps were closed. Graded as written: 64 of 69 leaks (92.8 %), 4 of 99 clean lines
    /// reported (4.0 %). Two of those clean lines (a record deconstructed into variables, a mail
    /// domain taken with <c>[^1]</c>) are clean since; the lines still missed or reported are listed
    /// in docs/rules/TC1001.md. One clean line was corrected to a leak because it contradicted the
    /// privacy annotation's contract (a pseudonym under a 'redact' attribute). Now 69 of 70 leaks and
    /// 1 of 98 clean lines; its bar (95 % recall, 2 % false positives) is a floor against regressions.
    /// </summary>
    [Fact]
    public Task Second_holdout_corpus_stays_above_its_floor() =>
        GradeAsync(TestFolder("PrivacyHoldout2"), "PrivacyHoldout2.Telemetry", minimumMarkers: 100,
            requiredRecall: 0.95, allowedFalsePositives: 0.02, TestFolder("PrivacyCorpus", "Shared"), TestFolder("PrivacyHoldout", "Support"));

    private Task GradeAsync(string folder, string generatedNamespace, int minimumMarkers, double requiredRecall, double allowedFalsePositives, params string[] sharedFolders) =>
        GradeAsync(folder, generatedNamespace, LanguageVersion.Latest, minimumMarkers, requiredRecall, allowedFalsePositives, sharedFolders);

    private async Task GradeAsync(string folder, string generatedNamespace, LanguageVersion languageVersion, int minimumMarkers, double requiredRecall, double allowedFalsePositives, params string[] sharedFolders)
    {
        var corpus = await CorpusCompilation.BuildAsync(folder, generatedNamespace, languageVersion, sharedFolders);
        Assert.True(corpus.CompilerErrors.IsEmpty, "The corpus must compile:\n" + string.Join("\n", corpus.CompilerErrors.Take(20)));

        var crashes = corpus.AnalyzerDiagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, "The analyzers threw:\n" + string.Join("\n", crashes.Take(5).Select(d => d.GetMessage(CultureInfo.InvariantCulture))));

        var markers = Markers(corpus.Compilation, folder).ToList();
        Assert.True(markers.Count >= minimumMarkers, $"The corpus has {markers.Count} marked lines; it needs at least {minimumMarkers}.");
        var reported = corpus.AnalyzerDiagnostics
            .Where(d => GradedRules.Contains(d.Id) && d.Location.IsInSource)
            .ToLookup(d => (d.Location.SourceTree!.FilePath, d.Location.GetLineSpan().StartLinePosition.Line));

        var grades = markers.Select(m => GradeOf(m, reported[(m.File, m.Line)].ToList())).ToList();
        var report = Report(grades, folder);
        _output.WriteLine(report);

        var leaks = grades.Where(g => g.Marker.IsLeak).ToList();
        var cleans = grades.Where(g => !g.Marker.IsLeak).ToList();
        var recall = Ratio(leaks.Count(g => g.Correct), leaks.Count);
        var falsePositives = Ratio(cleans.Count(g => !g.Correct), cleans.Count);
        Assert.True(recall >= requiredRecall && falsePositives <= allowedFalsePositives,
            $"Recall {recall:P1} (goal ≥ {requiredRecall:P0}), false positives {falsePositives:P1} (goal ≤ {allowedFalsePositives:P0}).\n{report}");
    }

    [Fact]
    public void Marker_syntax_is_read_as_documented()
    {
        Assert.Equal(("leak", "TC1001", "strings"), Parse("    span.SetTag(\"k\", id); // leak TC1001 strings"));
        Assert.Equal(("clean", "", "precision-names"), Parse("log.Log(x); //   clean precision-names  "));
        Assert.Null(Parse("// a comment that is not a marker"));

        static (string, string, string)? Parse(string line) =>
            MarkerPattern().Match(line) is { Success: true } m ? (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) : null;
    }

    [GeneratedRegex(@"//\s*(leak|clean)\s+(?:(TC\d{4})\s+)?([a-z][a-z-]*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    private static IEnumerable<Marker> Markers(Compilation compilation, string folder)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.FilePath.StartsWith(folder, StringComparison.Ordinal))
            {
                continue;
            }
            var industry = Path.GetRelativePath(folder, tree.FilePath).Split(Path.DirectorySeparatorChar, '/')[0];
            var lines = tree.GetText().Lines;
            foreach (var line in lines)
            {
                var match = MarkerPattern().Match(line.ToString());
                if (match.Success)
                {
                    yield return new Marker(tree.FilePath, line.LineNumber, industry, match.Groups[3].Value,
                        match.Groups[1].Value == "leak", match.Groups[2].Success ? match.Groups[2].Value : null);
                }
            }
        }
    }

    private static Grade GradeOf(Marker marker, List<Diagnostic> onLine)
    {
        if (marker.IsLeak)
        {
            var found = marker.ExpectedId is null ? onLine.Count > 0 : onLine.Any(d => d.Id == marker.ExpectedId);
            return new Grade(marker, found, onLine);
        }
        return new Grade(marker, onLine.Count == 0, onLine);
    }

    private static string Report(List<Grade> grades, string folder)
    {
        var text = new StringBuilder();
        void Table(string title, Func<Grade, string> key)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {title} | leaks found | recall | clean lines reported | false positives |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var group in grades.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Append(grades.GroupBy(_ => "**all**").Single()))
            {
                var leaks = group.Where(g => g.Marker.IsLeak).ToList();
                var cleans = group.Where(g => !g.Marker.IsLeak).ToList();
                var found = leaks.Count(g => g.Correct);
                var wrong = cleans.Count(g => !g.Correct);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {group.Key} | {found}/{leaks.Count} | {Ratio(found, leaks.Count):P0} | {wrong}/{cleans.Count} | {Ratio(wrong, cleans.Count):P1} |");
            }
            text.AppendLine();
        }
        Table("category", g => g.Marker.Category);
        Table("industry", g => g.Marker.Industry);
        text.AppendLine("Missed and wrongly reported lines:");
        foreach (var grade in grades.Where(g => !g.Correct))
        {
            var where = $"{Path.GetRelativePath(folder, grade.Marker.File)}:{grade.Marker.Line + 1}";
            text.AppendLine(grade.Marker.IsLeak
                ? $"  missed   {where} ({grade.Marker.Category}){(grade.OnLine.Count > 0 ? " got " + string.Join(",", grade.OnLine.Select(d => d.Id)) : "")}"
                : $"  reported {where} ({grade.Marker.Category}): {grade.OnLine[0].Id} {grade.OnLine[0].GetMessage(CultureInfo.InvariantCulture)}");
        }
        return text.ToString();
    }

    private static double Ratio(int part, int whole) => whole == 0 ? (part == 0 ? 0 : 1) : (double)part / whole;

    private sealed record Marker(string File, int Line, string Industry, string Category, bool IsLeak, string? ExpectedId);

    private sealed record Grade(Marker Marker, bool Correct, List<Diagnostic> OnLine);
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TelemetryConventions.Analyzers.Rules;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

/// <summary>
/// The adoption path of docs/adoption.md for a codebase that builds with warnings as errors: first every rule as a
/// suggestion (the package's own global config; a real build of it is in the package tests), or today's findings
/// suppressed member by member, then tighter.
/// </summary>
public sealed class GradualAdoptionTests
{
    private static readonly string SuggestionsConfig = File.ReadAllText(
        Path.Combine(AllAnalyzers.RepoRoot, "src", "Package", "build", "TelemetryConventions.Suggestions.globalconfig"));

    private const string Source = """
        using System.Diagnostics;

        class Visit
        {
            void Record(Activity activity, string patientId) => activity.SetTag("visit.patient", {|#0:patientId|});

            void Recorded(Activity activity, string patientId) => activity.SetTag("visit.patient", {|#1:patientId|});
        }
        """;

    private static CSharpAnalyzerTest<UnpseudonymisedIdentifierAnalyzer, DefaultVerifier> Test(string source)
    {
        var test = new CSharpAnalyzerTest<UnpseudonymisedIdentifierAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratedSources.References);
        return test;
    }

    private static DiagnosticResult Finding(int location, DiagnosticSeverity severity) =>
        new DiagnosticResult(UnpseudonymisedIdentifierAnalyzer.Rule).WithLocation(location).WithSeverity(severity)
            .WithArguments("patientId", "span attribute 'visit.patient'", " without pseudonymisation");

    [Fact]
    public async Task A_baseline_suppresses_todays_findings_member_by_member_and_new_code_is_still_reported()
    {
        var test = Test(Source.Replace("{|#1:patientId|}", "patientId", StringComparison.Ordinal));
        // What "Suppress in suppression file" writes into GlobalSuppressions.cs for an existing finding.
        test.TestState.Sources.Add(("GlobalSuppressions.cs", """
            [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Privacy", "TC1001", Justification = "Baseline: raw ids before adoption", Scope = "member", Target = "~M:Visit.Recorded(System.Diagnostics.Activity,System.String)")]
            """));
        test.ExpectedDiagnostics.Add(Finding(0, DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public void The_package_targets_add_the_suggestions_config_only_when_asked()
    {
        var targets = File.ReadAllText(Path.Combine(AllAnalyzers.RepoRoot, "src", "Package", "build", "TelemetryConventions.targets"));
        Assert.Contains("<ItemGroup Condition=\"'$(TelemetryConventionsAnalyzerSeverity)' == 'suggestion'\">", targets);
        Assert.Contains("<EditorConfigFiles Include=\"$(MSBuildThisFileDirectory)TelemetryConventions.Suggestions.globalconfig\" />", targets);
        var categories = AllAnalyzers.Descriptors.Select(d => d.Category).Distinct();
        Assert.All(categories, category => Assert.Contains($"dotnet_analyzer_diagnostic.category-{category}.severity = suggestion", SuggestionsConfig));
    }
}

using System.Reflection;
using System.Text.RegularExpressions;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using TelemetryConventions.Conventions.Diagnostics;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

/// <summary>Every rule documents itself, is tracked for release, and is tested; the assemblies load in every compiler.</summary>
public class RuleCatalogTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllAnalyzers.Descriptors)
        {
            data.Add(descriptor.Id);
        }
        return data;
    }

    [Fact]
    public void Rule_ids_are_in_the_privacy_conformance_and_usage_ranges()
    {
        Assert.NotEmpty(AllAnalyzers.Descriptors);
        foreach (var descriptor in AllAnalyzers.Descriptors)
        {
            Assert.Matches("^TC[123][0-9]{3}$", descriptor.Id);
            var expectedCategory = descriptor.Id[2] switch
            {
                '1' => RuleIds.PrivacyCategory,
                '2' => RuleIds.ConformanceCategory,
                _ => "Usage",
            };
            Assert.Equal(expectedCategory, descriptor.Category);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_to_an_existing_doc_page(string id)
    {
        var descriptor = AllAnalyzers.Descriptors.Single(d => d.Id == id);
        Assert.Equal(RuleIds.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var page = Path.Combine(AllAnalyzers.RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it reports", "## Why", "## Configuration", "## Suppressing" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_links_share_the_base_of_the_generator_rules()
    {
        var generatorRule = new DiagnosticRule("TC0001", "t", "m", DiagnosticSeverityLevel.Error);
        Assert.Equal(RuleIds.HelpLink("TC0001"), generatorRule.HelpLink);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_is_tracked_for_release_with_its_category_and_severity(string id)
    {
        var descriptor = AllAnalyzers.Descriptors.Single(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(AllAnalyzers.RepoRoot, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(AllAnalyzers.RepoRoot, "src", "Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Matches(new Regex($@"^{id}\s*\|\s*{descriptor.Category}\s*\|\s*{descriptor.DefaultSeverity}\s*\|", RegexOptions.Multiline), releases);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_its_own_test_file(string id)
    {
        Assert.NotNull(typeof(RuleCatalogTests).Assembly.GetType($"TelemetryConventions.Analyzers.Tests.Rules.{id}Tests"));
    }

    [Fact]
    public void Analyzer_assembly_needs_only_the_compiler_at_version_4_8()
    {
        var references = typeof(TelemetryAnalyzer).Assembly.GetReferencedAssemblies();
        Assert.DoesNotContain(references, r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));
        foreach (var roslyn in references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
        {
            Assert.True(roslyn.Version <= new Version(4, 8, 0, 0), $"{roslyn.Name} {roslyn.Version} is newer than 4.8");
        }
        var fixes = typeof(CodeFixes.WrapWithPseudonymizerCodeFix).Assembly.GetReferencedAssemblies();
        foreach (var roslyn in fixes.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
        {
            Assert.True(roslyn.Version <= new Version(4, 8, 0, 0), $"{roslyn.Name} {roslyn.Version} is newer than 4.8");
        }
    }

    [Fact]
    public void Every_fixable_id_belongs_to_an_analyzer()
    {
        var ids = AllAnalyzers.Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var fix in AllAnalyzers.CodeFixes)
        {
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        }
    }
}

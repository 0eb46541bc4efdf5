using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// Every TC0xxx rule has its page in docs/rules: the help link the compiler shows must lead
/// somewhere, the page must be titled as the compiler titles the rule, and the index must list it.
/// </summary>
public sealed class RuleDocumentationTests
{
    private static readonly string RulesDirectory = Path.Combine(TestPaths.RepoRoot, "docs", "rules");

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in ConventionRules.All)
        {
            data.Add(rule.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_page_titled_like_the_rule(string id)
    {
        var rule = Rule(id);
        var page = Path.Combine(RulesDirectory, id + ".md");
        Assert.True(File.Exists(page), $"{page} does not exist.");

        var firstLine = File.ReadLines(page).FirstOrDefault();
        Assert.Equal($"# {rule.Id}: {rule.Title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_the_page(string id)
    {
        Assert.EndsWith($"docs/rules/{id}.md", Rule(id).HelpLink, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Index_lists_the_rule(string id)
    {
        var index = File.ReadAllText(Path.Combine(RulesDirectory, "README.md"));
        Assert.Contains(id, index, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        var duplicates = ConventionRules.All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    private static DiagnosticRule Rule(string id) => ConventionRules.All.Single(r => r.Id == id);
}

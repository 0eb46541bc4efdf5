using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public class SinkTableTests
{
    [Fact]
    public void The_rule_page_lists_every_member_of_the_sink_table()
    {
        var page = File.ReadAllText(Path.Combine(AllAnalyzers.RepoRoot, "docs", "rules", "TC1001.md"));
        var missing = SinkTable.Entries
            .Select(e => e.DisplayName)
            .Where(name => !page.Contains("`" + name + "`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "docs/rules/TC1001.md does not list: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_entry_names_a_parameter_of_its_member()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: TestReferences.References);
        foreach (var entry in SinkTable.Entries)
        {
            var type = compilation.GetTypeByMetadataName(entry.Type);
            Assert.True(type is not null, entry.Type + " is not found");
            var members = type!.GetMembers(entry.Member).OfType<Microsoft.CodeAnalysis.IMethodSymbol>().ToList();
            Assert.True(members.Count > 0, entry.DisplayName + " has no such member");
            foreach (var parameter in new[] { entry.Key, entry.Value, entry.Tags, entry.Exception }.Where(p => p is not null))
            {
                Assert.True(members.Any(m => m.Parameters.Any(p => p.Name == parameter)), $"{entry.DisplayName} has no parameter '{parameter}'");
            }
        }
    }
}

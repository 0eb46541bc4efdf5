using Xunit;

namespace TelemetryConventions.Package.Tests;

/// <summary>
/// docs/adoption.md, step 1a then tightening: with the package's rules as suggestions, the project's own
/// analyzer configuration still decides for the rules it names.
/// </summary>
public sealed partial class PackageTests
{
    private const string LeakAndAdHocName = """
        using System.Diagnostics;
        public static class Leak
        {
            public static void Tag(Activity activity, string customerId) => activity.SetTag("shop.customer.id", customerId);
            public static void Count(Activity activity) => activity.SetTag("shop.made_up", 1);
        }
        """;

    [Fact]
    public void A_projects_own_globalconfig_and_editorconfig_win_over_the_packages_suggestions()
    {
        CommandResult Build(string name, string? configFile = null, string configText = "")
        {
            var files = new Dictionary<string, string>
            {
                ["conventions/shop.yaml"] = ShopConventions,
                ["Program.cs"] = Program,
                ["Leak.cs"] = LeakAndAdHocName,
            };
            if (configFile is not null)
            {
                files[configFile] = configText;
            }
            var project = _package.CreateConsumer(name, files, extraProperties: "<TelemetryConventionsAnalyzerSeverity>suggestion</TelemetryConventionsAnalyzerSeverity><TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
            return DotnetCli.Run(project, BuildTimeout, "build");
        }

        // As suggestions, both findings are left out of the build output and the build passes.
        var gradual = Build("AllSuggestions");
        Assert.True(gradual.ExitCode == 0, gradual.ToString());
        Assert.DoesNotMatch(@"(warning|error) TC1001", gradual.Output);
        Assert.DoesNotMatch(@"(warning|error) TC2001", gradual.Output);

        // The repository's .globalconfig makes the privacy category errors: its level is above the package's.
        var tightened = Build("OwnGlobalConfig", ".globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-Privacy.severity = error\n");
        Assert.NotEqual(0, tightened.ExitCode);
        Assert.Matches(@"Leak\.cs\(4,\d+\): error TC1001", tightened.Output);
        Assert.DoesNotMatch(@"(warning|error) TC2001", tightened.Output);

        // An .editorconfig section naming one rule wins as well, for the files it covers; the other rule stays a suggestion.
        var oneRule = Build("OwnEditorConfig", ".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.TC2001.severity = warning\n");
        Assert.NotEqual(0, oneRule.ExitCode);
        Assert.Matches(@"Leak\.cs\(5,\d+\): error TC2001", oneRule.Output);
        Assert.DoesNotMatch(@"(warning|error) TC1001", oneRule.Output);
    }
}

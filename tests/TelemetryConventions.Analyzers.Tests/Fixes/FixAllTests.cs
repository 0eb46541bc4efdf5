using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TelemetryConventions.Analyzers.Rules;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using TelemetryConventions.CodeFixes;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests.Fixes;

/// <summary>
/// Fix All over a multi-file project through the APIs <c>dotnet format analyzers</c> and the IDE use: one
/// pass fixes every occurrence, the result is the same on every run, and the fixed project compiles.
/// </summary>
public sealed class FixAllTests
{
    private const string Admissions = """
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        public class Admissions
        {
            private readonly ILogger _logger;

            public Admissions(ILogger logger) => _logger = logger;

            public void Admit(Activity activity, string patientId, string doctorId)
            {
                activity.SetTag("patient.id", patientId); activity.SetTag("hospital.department", "cardiology");
                _logger.LogInformation("Admitted {PatientId}", patientId);
            }
        }
        """;

    private const string Discharges = """
        using System.Diagnostics;

        public class Discharges
        {
            public void Discharge(Activity activity, string patientId)
            {
                activity.SetTag("patient.id", patientId);
                activity.SetTag("patient.age", 42); activity.SetTag("hospital.department", "icu");
            }

            public void Transfer(Activity activity, string patientId) => activity.SetTag("patient.id", patientId);
        }
        """;

    private const string Billing = """
        using System.Diagnostics;
        using TelemetryConventions;

        public class Billing
        {
            private readonly Pseudonymizer _pseudonymizer;

            public Billing(Pseudonymizer pseudonymizer) => _pseudonymizer = pseudonymizer;

            public void Bill(Activity activity, long patientNumber) => activity.SetTag("patient.id", patientNumber);
        }
        """;

    private static Project NewProject() =>
        ProjectHarness.Create(TestSources.Conventions, ("Admissions.cs", Admissions), ("Discharges.cs", Discharges), ("Billing.cs", Billing));

    private static async Task<string> AllText(Project project) =>
        string.Join("\n---\n", await Task.WhenAll(new[] { "Admissions.cs", "Discharges.cs", "Billing.cs" }.Select(n => ProjectHarness.TextAsync(project, n))));

    [Theory]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task TC1001_fixes_every_file_in_one_pass_adding_pseudonymisers_where_none_is_in_reach(FixAllScope scope)
    {
        var analyzer = new UnpseudonymisedIdentifierAnalyzer();
        Assert.Equal(5, (await ProjectHarness.AnalyzeAsync(NewProject(), analyzer)).Count(d => d.Id == "TC1001"));

        var fixedProject = await ProjectHarness.FixAllAsync(NewProject(), new WrapWithPseudonymizerCodeFix(), "TC1001", scope, analyzer);

        Assert.DoesNotContain(await ProjectHarness.AnalyzeAsync(fixedProject, analyzer), d => d.Id == "TC1001");
        var discharges = await ProjectHarness.TextAsync(fixedProject, "Discharges.cs");
        Assert.Contains("public Discharges(Pseudonymizer pseudonymizer)", discharges);
        Assert.Equal(1, CountOf(discharges, "private readonly Pseudonymizer _pseudonymizer;"));
        Assert.Contains("activity.SetTag(\"patient.id\", _pseudonymizer.PseudonymizePatientId(patientNumber))", await ProjectHarness.TextAsync(fixedProject, "Billing.cs"));
        await ProjectHarness.LoadAsync(fixedProject);
    }

    [Fact]
    public async Task TC1001_Fix_All_gives_the_same_text_on_every_run()
    {
        var analyzer = new UnpseudonymisedIdentifierAnalyzer();
        var runs = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            runs.Add(await AllText(await ProjectHarness.FixAllAsync(NewProject(), new WrapWithPseudonymizerCodeFix(), "TC1001", FixAllScope.Project, analyzer)));
        }
        Assert.All(runs, text => Assert.Equal(runs[0], text));
    }

    [Fact]
    public async Task TC1001_Fix_All_in_one_document_leaves_the_others()
    {
        var analyzer = new UnpseudonymisedIdentifierAnalyzer();
        var fixedProject = await ProjectHarness.FixAllAsync(NewProject(), new WrapWithPseudonymizerCodeFix(), "TC1001", FixAllScope.Document, analyzer);
        var left = (await ProjectHarness.AnalyzeAsync(fixedProject, analyzer)).Where(d => d.Id == "TC1001").Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath)).Distinct();
        Assert.Equal(new[] { "Billing.cs", "Discharges.cs" }, left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TC2002_replaces_every_literal_key_in_one_pass_even_two_on_one_line()
    {
        var analyzer = new RawAttributeNameAnalyzer();
        Assert.Equal(7, (await ProjectHarness.AnalyzeAsync(NewProject(), analyzer)).Count(d => d.Id == "TC2002"));

        var fixedProject = await ProjectHarness.FixAllAsync(NewProject(), new UseDeclaredAttributeNameCodeFix(), "TC2002", FixAllScope.Solution, analyzer);

        Assert.DoesNotContain(await ProjectHarness.AnalyzeAsync(fixedProject, analyzer), d => d.Id == "TC2002");
        Assert.Contains("activity.SetTag(PatientAttributes.Age, 42); activity.SetTag(HospitalAttributes.Department, \"icu\");",
            await ProjectHarness.TextAsync(fixedProject, "Discharges.cs"));
        await ProjectHarness.LoadAsync(fixedProject);
    }

    [Fact]
    public void Every_code_fix_fixes_all_in_document_project_and_solution_without_the_batch_fixer()
    {
        foreach (var fix in AllAnalyzers.CodeFixes)
        {
            var provider = fix.GetFixAllProvider();
            Assert.NotNull(provider);
            Assert.NotSame(WellKnownFixAllProviders.BatchFixer, provider);
            Assert.Superset(new HashSet<FixAllScope> { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }, provider.GetSupportedFixAllScopes().ToHashSet());
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

using Microsoft.CodeAnalysis;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// One test per TC0xxx rule. In each YAML text, '⌖' marks where the diagnostic must start;
/// the marker is removed before the generator sees the file.
/// </summary>
public sealed class ConventionDiagnosticTests
{
    private const string Marker = "⌖";

    [Fact]
    public void TC0001_yaml_syntax_error_is_located_and_other_files_still_generate()
    {
        var broken = """
            groups:
              - id: registry.broken
                type: attribute_group
                brief: first⌖: second
            """;
        var run = RunMarked(("conventions/broken.yaml", broken), ("conventions/good.yaml", GoodFile));
        AssertSingleAt(run, "TC0001", "conventions/broken.yaml", broken);
        Assert.Contains("GoodAttributes.g.cs", run.HintNames);
    }

    [Fact]
    public void TC0001_the_groups_before_a_syntax_error_still_generate()
    {
        var broken = """
            groups:
              - id: registry.first
                type: attribute_group
                brief: Intact.
                attributes:
                  - id: first.name
                    type: string
                    brief: A name.
              - id: registry.second
                type: attribute_group
                brief: broken⌖: here
                attributes:
                  - id: second.name
                    type: string
                    brief: Lost with its group.
            """;
        var run = RunMarked(("conventions/broken.yaml", broken));
        AssertSingleAt(run, "TC0001", "conventions/broken.yaml", broken);
        Assert.Contains("public const string Name = \"first.name\";", run.Source("FirstAttributes.g.cs"));
        Assert.DoesNotContain("SecondAttributes.g.cs", run.HintNames);
    }

    [Fact]
    public void TC0002_root_that_is_not_a_mapping()
    {
        AssertReported("TC0002", """
            ⌖- id: registry.x
              type: attribute_group
            """);
    }

    [Fact]
    public void TC0003_unknown_field_is_a_warning_and_the_group_still_generates()
    {
        var run = AssertReported("TC0003", """
            groups:
              - id: registry.good
                type: attribute_group
                ⌖colour: blue
                brief: Good attributes.
                attributes:
                  - id: good.name
                    type: string
                    brief: A name.
            """);
        Assert.Equal(DiagnosticSeverity.Warning, run.ConventionDiagnostics.Single().Severity);
        Assert.Contains("GoodAttributes.g.cs", run.HintNames);
    }

    [Fact]
    public void TC0004_field_with_the_wrong_shape()
    {
        AssertReported("TC0004", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes: ⌖{ id: good.name }
            """);
    }

    [Fact]
    public void TC0004_observable_histogram()
    {
        // .NET has no observable histogram: the annotation is reported where it is written.
        AssertReported("TC0004", """
            file_format: definition/2
            metrics:
              - name: good.latency
                instrument: histogram
                unit: s
                brief: Latency.
                annotations:
                  observable: ⌖true
            """);
    }

    [Fact]
    public void TC0005_attribute_without_a_type()
    {
        AssertReported("TC0005", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes:
                  - ⌖id: good.name
                    brief: A name.
            """);
    }

    [Fact]
    public void TC0006_misspelt_attribute_type()
    {
        AssertReported("TC0006", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes:
                  - id: good.name
                    type: ⌖strin
                    brief: A name.
            """);
    }

    [Fact]
    public void TC0007_attribute_name_with_uppercase()
    {
        AssertReported("TC0007", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes:
                  - id: ⌖Patient.ID
                    type: string
                    brief: A name.
            """);
    }

    [Fact]
    public void TC0008_attribute_defined_in_two_files()
    {
        var second = """
            file_format: definition/2
            attributes:
              - key: ⌖good.name
                type: string
                brief: The same name again.
            """;
        var run = RunMarked(("conventions/good.yaml", GoodFile), ("conventions/second.yaml", second));
        var diagnostic = AssertSingleAt(run, "TC0008", "conventions/second.yaml", second);
        Assert.Contains("conventions/good.yaml(6,", diagnostic.GetMessage());
    }

    [Fact]
    public void TC0009_unknown_ref_suggests_the_closest_name()
    {
        var run = AssertReported("TC0009", GoodFile + """

              - id: span.good
                type: span
                span_kind: internal
                brief: A span.
                attributes:
                  - ⌖ref: good.nmae
            """);
        Assert.Contains("did you mean 'good.name'", run.ConventionDiagnostics.Single().GetMessage());
    }

    [Fact]
    public void TC0010_extends_an_unknown_group()
    {
        AssertReported("TC0010", """
            groups:
              - ⌖id: span.good
                type: span
                span_kind: internal
                extends: attributes.missing
                brief: A span.
            """);
    }

    [Fact]
    public void TC0011_cyclic_extends()
    {
        var run = RunMarked(("conventions/cycle.yaml", """
            groups:
              - id: a
                type: attribute_group
                brief: A.
                extends: b
              - id: b
                type: attribute_group
                brief: B.
                extends: a
            """));
        var diagnostic = Assert.Single(run.ConventionDiagnostics, d => d.Id == "TC0011");
        Assert.Contains("a -> b -> a", diagnostic.GetMessage());
    }

    [Fact]
    public void TC0012_enum_member_ids_used_twice()
    {
        AssertReported("TC0012", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes:
                  - id: good.kind
                    brief: A kind.
                    type:
                      members:
                        - id: first
                          value: "1st"
                        - id: ⌖first
                          value: "one"
            """);
    }

    [Fact]
    public void TC0013_obsolete_prefix_still_qualifies_ids()
    {
        var run = AssertReported("TC0013", """
            groups:
              - id: registry.good
                type: attribute_group
                ⌖prefix: good
                brief: Good attributes.
                attributes:
                  - id: name
                    type: string
                    brief: A name.
            """);
        Assert.Contains("\"good.name\"", run.Source("GoodAttributes.g.cs"));
    }

    [Fact]
    public void TC0014_privacy_annotation_without_a_classification()
    {
        AssertReported("TC0014", """
            groups:
              - id: registry.patient
                type: attribute_group
                brief: Patient attributes.
                attributes:
                  - id: patient.id
                    type: string
                    brief: Patient pseudonym.
                    annotations:
                      privacy:
                        ⌖treatment: pseudonymize
            """);
    }

    [Fact]
    public void TC0014_misspelt_privacy_treatment()
    {
        var run = AssertReported("TC0014", """
            groups:
              - id: registry.patient
                type: attribute_group
                brief: Patient attributes.
                attributes:
                  - id: patient.id
                    type: string
                    brief: Patient pseudonym.
                    annotations:
                      privacy:
                        classification: personal_identifier
                        treatment: ⌖pseudonymise
            """);
        Assert.Contains("pseudonymize, redact, allow", run.ConventionDiagnostics.Single().GetMessage());
    }

    [Fact]
    public void TC0014_malformed_privacy_domain()
    {
        var run = AssertReported("TC0014", """
            groups:
              - id: registry.patient
                type: attribute_group
                brief: Patient attributes.
                attributes:
                  - id: patient.id
                    type: string
                    brief: Patient pseudonym.
                    annotations:
                      privacy:
                        classification: personal_identifier
                        domain: ⌖Patient Space
            """);
        Assert.Contains("not a valid privacy domain", run.ConventionDiagnostics.Single().GetMessage());
        // The rest of the annotation holds: the attribute is still pseudonymised, in its own name's domain.
        Assert.Contains("PatientIdDomain = \"patient.id\"", run.Source("PatientAttributes.g.cs"));
    }

    [Fact]
    public void TC0014_privacy_domain_on_an_attribute_that_is_not_pseudonymised()
    {
        var run = AssertReported("TC0014", """
            groups:
              - id: registry.patient
                type: attribute_group
                brief: Patient attributes.
                attributes:
                  - id: patient.ward
                    type: string
                    brief: Ward.
                    annotations:
                      privacy:
                        classification: location
                        domain: ⌖patient
            """);
        Assert.Contains("applies only to pseudonymised attributes", run.ConventionDiagnostics.Single().GetMessage());
    }

    [Fact]
    public void TC0015_personal_identifier_as_a_metric_attribute()
    {
        AssertReported("TC0015", """
            groups:
              - id: registry.patient
                type: attribute_group
                brief: Patient attributes.
                attributes:
                  - id: patient.id
                    type: string
                    brief: Patient pseudonym.
                    annotations:
                      privacy:
                        classification: personal_identifier
              - id: metric.patient.visits
                type: metric
                metric_name: patient.visits
                instrument: counter
                unit: "{visit}"
                brief: Visits.
                attributes:
                  - ⌖ref: patient.id
            """);
    }

    [Fact]
    public void TC0016_enum_members_whose_csharp_names_cannot_be_told_apart()
    {
        var run = AssertReported("TC0016", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes:
                  - id: good.kind
                    brief: A kind.
                    type:
                      members:
                        - id: x_y
                        - id: ⌖x.y
            """);
        Assert.Contains("XY2 = 2,", run.Source("GoodAttributes.g.cs"));
    }

    [Fact]
    public void TC0017_enum_mixing_integer_and_string_values()
    {
        AssertReported("TC0017", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes:
                  - id: good.level
                    brief: A level.
                    type:
                      members:
                        - id: low
                          value: "low"
                        - id: ⌖high
                          value: 2
            """);
    }

    [Fact]
    public void TC0018_renamed_to_an_attribute_that_does_not_exist()
    {
        AssertReported("TC0018", """
            groups:
              - id: registry.good
                type: attribute_group
                brief: Good attributes.
                attributes:
                  - id: ⌖good.old_name
                    type: string
                    brief: Old name.
                    deprecated:
                      reason: renamed
                      renamed_to: good.new_name
            """);
    }

    [Fact]
    public void TC0019_invalid_msbuild_option_falls_back_to_the_default()
    {
        var run = GeneratorHarness.Run(
            new[] { new InMemoryAdditionalText("conventions/good.yaml", GoodFile) },
            new Dictionary<string, string> { ["TelemetryConventionsStability"] = "sometimes" });
        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0019", diagnostic.Id);
        Assert.Contains("TelemetryConventionsStability", diagnostic.GetMessage());
        Assert.Contains("GoodAttributes.g.cs", run.HintNames);
    }

    [Fact]
    public void TC0020_refinement_of_a_group_of_another_kind()
    {
        AssertReported("TC0020", """
            file_format: definition/2
            attributes:
              - key: good.name
                type: string
                brief: A name.
            metrics:
              - name: good.count
                instrument: counter
                unit: "{thing}"
                brief: Things.
                attributes:
                  - ref: good.name
            span_refinements:
              - ⌖id: span.good.refined
                ref: metric.good.count
                brief: Not a span.
            """);
    }

    [Fact]
    public void TC0021_gauges_are_left_out_where_the_framework_has_no_Gauge_type()
    {
        var yaml = """
            file_format: definition/2
            metrics:
              - name: ward.temperature
                instrument: gauge
                unit: Cel
                brief: Ward temperature.
              - name: ward.visits
                instrument: counter
                unit: "{visit}"
                brief: Visits.
            """;
        // .NET 8's System.Diagnostics.DiagnosticSource has no Gauge<T>; leaving the assembly out models that.
        var references = GeneratorHarness.DefaultReferences.Where(r => !r.Display!.EndsWith("System.Diagnostics.DiagnosticSource.dll", StringComparison.Ordinal));
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("conventions/metrics.yaml", yaml) }),
            GeneratorHarness.CreateCompilation(references, "")).Result.Results.Single();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TC0021", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("ward.temperature", diagnostic.GetMessage());
        Assert.Equal("conventions/metrics.yaml", diagnostic.Location.GetLineSpan().Path);
        var hintNames = result.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Metrics.WardVisitsCounter.g.cs", hintNames);
        Assert.DoesNotContain(hintNames, h => h.Contains("Gauge", StringComparison.Ordinal));
    }

    private const string GoodFile = """
        groups:
          - id: registry.good
            type: attribute_group
            brief: Good attributes.
            attributes:
              - id: good.name
                type: string
                brief: A name.
        """;

    private static GeneratorRun AssertReported(string id, string markedYaml)
    {
        var run = RunMarked(("conventions/file.yaml", markedYaml));
        AssertSingleAt(run, id, "conventions/file.yaml", markedYaml);
        return run;
    }

    private static GeneratorRun RunMarked(params (string Path, string Yaml)[] files) =>
        GeneratorHarness.Run(files.Select(f => new InMemoryAdditionalText(f.Path, f.Yaml.Replace(Marker, ""))));

    private static Diagnostic AssertSingleAt(GeneratorRun run, string id, string path, string markedYaml)
    {
        var diagnostics = run.ConventionDiagnostics.ToList();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.True(diagnostics.Count == 1, "Unexpected extra diagnostics: " + string.Join(Environment.NewLine, diagnostics));

        var (line, column) = MarkerPosition(markedYaml);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.StartsWith("https://", diagnostic.Descriptor.HelpLinkUri);
        Assert.EndsWith($"docs/rules/{id}.md", diagnostic.Descriptor.HelpLinkUri);
        return diagnostic;
    }

    private static (int Line, int Column) MarkerPosition(string text)
    {
        var index = text.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(index >= 0, "The test YAML has no location marker.");
        var before = text.Substring(0, index).Replace("\r\n", "\n");
        var line = before.Count(c => c == '\n');
        var column = before.Length - (before.LastIndexOf('\n') + 1);
        return (line, column);
    }
}

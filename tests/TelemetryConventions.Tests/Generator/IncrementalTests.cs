using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TelemetryConventions.Generators;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>The pipeline stays cached: unrelated edits re-emit nothing, a YAML edit re-emits only what it touches.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        ConventionGenerator.TrackingNames.Options,
        ConventionGenerator.TrackingNames.Platform,
        ConventionGenerator.TrackingNames.ParseFile,
        ConventionGenerator.TrackingNames.FileDiagnostics,
        ConventionGenerator.TrackingNames.Resolve,
        ConventionGenerator.TrackingNames.Plan,
        ConventionGenerator.TrackingNames.PlanDiagnostics,
        ConventionGenerator.TrackingNames.AttributeNamespaces,
        ConventionGenerator.TrackingNames.Catalog,
    };

    private const string Patients = """
        groups:
          - id: registry.patient
            type: attribute_group
            brief: Patient attributes.
            attributes:
              - id: patient.id
                type: string
                brief: Patient pseudonym.
        """;

    private const string Devices = """
        file_format: definition/2
        attributes:
          - key: ventilator.tidal_volume
            type: double
            brief: Tidal volume in mL.
          - key: ventilator.mode
            brief: Ventilation mode.
            type:
              members:
                - id: assist_control
                  value: "assist_control"
                - id: pressure_support
                  value: "pressure_support"
        """;

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText("a/patient.yaml", Patients), new InMemoryAdditionalText("a/device.yaml", Devices) };
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_yaml_file_reparses_it_alone_and_re_emits_only_its_namespace()
    {
        var patients = new InMemoryAdditionalText("a/patient.yaml", Patients);
        var devices = new InMemoryAdditionalText("a/device.yaml", Devices);
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { patients, devices }).RunGenerators(compilation);

        var editedDevices = new InMemoryAdditionalText("a/device.yaml", Devices.Replace("Tidal volume in mL.", "Tidal volume per breath, in mL."));
        driver = driver.ReplaceAdditionalText(devices, editedDevices);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var parses = result.TrackedSteps[ConventionGenerator.TrackingNames.ParseFile].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, parses.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, parses.Count(r => r == IncrementalStepRunReason.Cached));

        var emitted = result.TrackedSteps[ConventionGenerator.TrackingNames.AttributeNamespaces]
            .SelectMany(s => s.Outputs)
            .ToDictionary(o => ((dynamic)o.Value).ClassName as string ?? "", o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["VentilatorAttributes"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, emitted["PatientAttributes"]);
        Assert.Contains("Tidal volume per breath", result.GeneratedSources.Single(s => s.HintName == "VentilatorAttributes.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Editing_one_span_re_emits_that_span_alone()
    {
        const string Visits = """
            groups:
              - id: span.patient.visit
                type: span
                span_kind: server
                brief: A visit.
                attributes:
                  - ref: patient.id
                    requirement_level: required
            """;
        const string Sync = """
            groups:
              - id: span.records.sync
                type: span
                span_kind: client
                brief: A records sync.
            """;
        var visits = new InMemoryAdditionalText("a/visits.yaml", Visits);
        var files = new AdditionalText[] { new InMemoryAdditionalText("a/patient.yaml", Patients), visits, new InMemoryAdditionalText("a/sync.yaml", Sync) };
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(visits, new InMemoryAdditionalText("a/visits.yaml", Visits.Replace("A visit.", "A patient's visit.")));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var spans = result.TrackedSteps[ConventionGenerator.TrackingNames.Spans].SelectMany(s => s.Outputs)
            .ToDictionary(o => ((dynamic)o.Value).TypeName as string ?? "", o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, spans["PatientVisitSpan"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, spans["RecordsSyncSpan"]);
        Assert.All(result.TrackedSteps[ConventionGenerator.TrackingNames.AttributeNamespaces].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
    }

    [Fact]
    public void Moving_text_without_changing_meaning_re_emits_nothing()
    {
        var devices = new InMemoryAdditionalText("a/device.yaml", Devices);
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { devices }).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(devices, new InMemoryAdditionalText("a/device.yaml", "# A comment shifts every line.\n\n" + Devices));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps[ConventionGenerator.TrackingNames.AttributeNamespaces].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void No_step_output_holds_a_roslyn_object()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText("a/patient.yaml", Patients), new InMemoryAdditionalText("a/device.yaml", Devices) };
        var result = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation("class A { }")).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            GeneratorCaching.AssertNoRoslynObjects(result.TrackedSteps[step], step);
        }
    }

    [Fact]
    public void Unrelated_csharp_edit_reuses_the_platform_step_and_every_step_after_it()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText("a/patient.yaml", Patients), new InMemoryAdditionalText("a/metrics.yaml", WardMetrics) };
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Cached, not merely Unchanged: the step did not run at all.
        var downstream = new[]
        {
            ConventionGenerator.TrackingNames.Platform,
            ConventionGenerator.TrackingNames.Plan,
            ConventionGenerator.TrackingNames.PlanDiagnostics,
            ConventionGenerator.TrackingNames.AttributeNamespaces,
            ConventionGenerator.TrackingNames.Metrics,
            ConventionGenerator.TrackingNames.Support,
            ConventionGenerator.TrackingNames.Catalog,
        };
        foreach (var step in downstream)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void Changing_the_references_reruns_the_platform_step_and_what_depends_on_it()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText("a/metrics.yaml", WardMetrics) };
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation(""));
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("Metrics.WardTemperatureGauge.g.cs", StringComparison.Ordinal));

        // .NET 8's System.Diagnostics.DiagnosticSource has no Gauge<T>; leaving the assembly out models that.
        var withoutGauge = GeneratorHarness.DefaultReferences.Where(r => !r.Display!.EndsWith("System.Diagnostics.DiagnosticSource.dll", StringComparison.Ordinal));
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation(withoutGauge, "")).GetRunResult().Results.Single();

        var platform = Assert.Single(result.TrackedSteps[ConventionGenerator.TrackingNames.Platform].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, platform.Reason);
        Assert.False(((dynamic)platform.Value).HasSynchronousGauge);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("Gauge", StringComparison.Ordinal));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Metrics.WardVisitsCounter.g.cs");
    }

    private const string WardMetrics = """
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
}

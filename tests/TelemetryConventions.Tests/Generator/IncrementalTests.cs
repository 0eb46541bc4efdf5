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
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    /// <summary>
    /// Compilation, symbols, syntax nodes and locations pin whole compilations in memory and never
    /// compare equal across runs, which would defeat caching.
    /// </summary>
    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }
        var type = value.GetType();
        Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true,
            $"Step '{step}' outputs a {type.FullName}.");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen);
            }
            return;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }
}

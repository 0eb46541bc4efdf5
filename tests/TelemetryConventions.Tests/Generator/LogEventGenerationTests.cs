using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// Which event methods are generated (conventions, MSBuild option, available references), and the
/// privacy typing of log methods: code that passes a raw identifier or a redacted value does not compile.
/// </summary>
public sealed class LogEventGenerationTests
{
    private const string Conventions = """
        groups:
          - id: registry.ward
            type: attribute_group
            brief: Ward attributes.
            attributes:
              - id: ward.patient.id
                type: string
                brief: Keyed pseudonym of the patient.
                annotations:
                  privacy:
                    classification: personal_identifier
              - id: ward.diagnosis
                type: string
                brief: Never emitted.
                annotations:
                  privacy:
                    classification: health
                    treatment: redact
              - id: ward.bed
                type: int
                brief: Bed number.
              - id: ward.payload
                type: any
                brief: Anything at all.
          - id: span.ward.round
            type: span
            span_kind: internal
            brief: A ward round.
            events: [ward.bed.assigned]
            attributes:
              - ref: ward.bed
          - id: event.ward.bed.assigned
            type: event
            name: ward.bed.assigned
            brief: A bed was assigned.
            attributes:
              - ref: ward.patient.id
                requirement_level: required
              - ref: ward.bed
              - ref: ward.diagnosis
              - ref: ward.payload
          - id: event.ward.discharged
            type: event
            name: ward.discharged
            brief: A patient left.
            attributes:
              - ref: ward.patient.id
                requirement_level: required
          - id: event.ward.alarm
            type: event
            name: ward.alarm
            brief: An alarm, declared as both.
            annotations:
              log:
                severity: error
                signals: [log, span_event]
            attributes:
              - ref: ward.bed
        """;

    private static GeneratorRun Run(IReadOnlyDictionary<string, string>? options = null, params string[] userCode) =>
        GeneratorHarness.Run(new[] { new InMemoryAdditionalText("conventions/ward.yaml", Conventions) },
            new Dictionary<string, string>(options ?? new Dictionary<string, string>()) { ["TelemetryConventionsNamespace"] = "Ward.Telemetry" },
            userCode);

    private static IReadOnlyList<string> Methods(GeneratorRun run) => Methods(run.Output);

    private static IReadOnlyList<string> Methods(Compilation output) =>
        output.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.Parent is ClassDeclarationSyntax { Identifier.Text: "TelemetryEvents" })
            .Select(m => m.Identifier.Text)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void By_default_every_event_logs_and_events_declared_on_spans_also_get_a_span_event_method()
    {
        var run = Run();

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(new[] { "AddWardAlarmEvent", "AddWardBedAssignedEvent", "LogWardAlarmEvent", "LogWardBedAssignedEvent", "LogWardDischargedEvent" }, Methods(run));
        Assert.Contains("public WardRoundSpan AddWardBedAssignedEvent(", run.Source("Spans.WardRoundSpan.g.cs"));
    }

    [Theory]
    [InlineData("log", new[] { "LogWardAlarmEvent", "LogWardBedAssignedEvent", "LogWardDischargedEvent" })]
    [InlineData("span_event", new[] { "AddWardAlarmEvent", "AddWardBedAssignedEvent", "AddWardDischargedEvent" })]
    [InlineData("both", new[] { "AddWardAlarmEvent", "AddWardBedAssignedEvent", "AddWardDischargedEvent", "LogWardAlarmEvent", "LogWardBedAssignedEvent", "LogWardDischargedEvent" })]
    public void The_msbuild_option_chooses_unless_the_conventions_say(string option, string[] expected)
    {
        var run = Run(new Dictionary<string, string> { ["TelemetryConventionsEventMethods"] = option });

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        // ward.alarm declares both in its annotation, whatever the option.
        Assert.Equal(expected.Union(new[] { "AddWardAlarmEvent", "LogWardAlarmEvent" }).Order(StringComparer.Ordinal), Methods(run));
    }

    [Fact]
    public void Log_only_leaves_span_wrappers_without_event_methods()
    {
        var run = Run(new Dictionary<string, string> { ["TelemetryConventionsEventMethods"] = "log" });

        Assert.DoesNotContain("AddWardBedAssignedEvent", run.Source("Spans.WardRoundSpan.g.cs"));
    }

    [Fact]
    public void An_unknown_option_value_is_reported_and_the_default_applies()
    {
        var run = Run(new Dictionary<string, string> { ["TelemetryConventionsEventMethods"] = "logs" });

        Assert.Contains(run.ConventionDiagnostics, d => d.GetMessage().Contains("TelemetryConventionsEventMethods", StringComparison.Ordinal));
        Assert.Contains("LogWardDischargedEvent", Methods(run));
    }

    [Fact]
    public void Without_microsoft_extensions_logging_events_stay_on_spans()
    {
        var references = GeneratorHarness.DefaultReferences.Where(r => !(r.Display ?? "").Contains("Microsoft.Extensions.Logging", StringComparison.Ordinal));
        var compilation = GeneratorHarness.CreateCompilation(references, "");
        var output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("conventions/ward.yaml", Conventions) }), compilation).Output;

        Assert.Equal(new[] { "AddWardAlarmEvent", "AddWardBedAssignedEvent", "AddWardDischargedEvent" }, Methods(output));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_annotation_sets_the_level_and_the_default_is_information()
    {
        var run = Run();

        Assert.Contains("logger.IsEnabled(level ?? global::Microsoft.Extensions.Logging.LogLevel.Error)", run.Source("LogEvents.LogWardAlarmEvent.g.cs"));
        Assert.Contains("logger.IsEnabled(level ?? global::Microsoft.Extensions.Logging.LogLevel.Information)", run.Source("LogEvents.LogWardDischargedEvent.g.cs"));
    }

    [Fact]
    public void No_log_method_parameter_is_object_typed()
    {
        var run = Run();

        var parameters = run.Output.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.Identifier.Text.StartsWith("Log", StringComparison.Ordinal))
            .SelectMany(m => m.ParameterList.Parameters)
            .Select(p => p.Type!.ToString())
            .ToList();
        Assert.NotEmpty(parameters);
        Assert.DoesNotContain(parameters, t => t.TrimEnd('?') is "object" or "global::System.Object" or "dynamic");
        Assert.Contains("<c>ward.payload</c>", run.Source("LogEvents.LogWardBedAssignedEvent.g.cs"));
    }

    [Fact]
    public void A_pseudonym_compiles_on_a_log_method()
    {
        var run = Run(null, """
            using Ward.Telemetry;
            public static class Use
            {
                public static void Run(Microsoft.Extensions.Logging.ILogger logger, TelemetryConventions.Pseudonymizer pseudonymizer, string rawPatientNumber) =>
                    logger.LogWardBedAssignedEvent(pseudonymizer.Pseudonymize(WardAttributes.PatientId, rawPatientNumber), wardBed: 4);
            }
            """);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_raw_identifier_on_a_log_method_does_not_compile()
    {
        var run = Run(null, """
            using Ward.Telemetry;
            public static class Use
            {
                public static void Run(Microsoft.Extensions.Logging.ILogger logger, string rawPatientNumber) => logger.LogWardDischargedEvent(rawPatientNumber);
            }
            """);

        var error = Assert.Single(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS1503", error.Id);
    }

    [Fact]
    public void A_redacted_attribute_cannot_be_passed_to_a_log_method()
    {
        var run = Run(null, """
            using Ward.Telemetry;
            public static class Use
            {
                public static void Run(Microsoft.Extensions.Logging.ILogger logger, TelemetryConventions.Pseudonym patient) =>
                    logger.LogWardBedAssignedEvent(patient, wardDiagnosis: "J18.9");
            }
            """);

        Assert.Equal("CS1739", Assert.Single(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)).Id);
    }

    [Fact]
    public void A_misspelt_severity_is_a_located_diagnostic()
    {
        var yaml = Conventions.Replace("severity: error", "severity: loud", StringComparison.Ordinal);
        var run = GeneratorHarness.Run("conventions/ward.yaml", yaml);

        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Contains("loud", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("severity: loud", StringComparison.Ordinal)), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Event_ids_are_stable_numbers_derived_from_the_event_name()
    {
        var first = Run().Source("LogEvents.LogWardAlarmEvent.g.cs");
        var second = Run().Source("LogEvents.LogWardAlarmEvent.g.cs");

        Assert.Equal(first, second);
        Assert.Contains("new global::Microsoft.Extensions.Logging.EventId(", first);
        Assert.Contains("\"ward.alarm\");", first);
    }
}

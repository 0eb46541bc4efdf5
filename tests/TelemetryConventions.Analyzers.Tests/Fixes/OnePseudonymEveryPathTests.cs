using System.Diagnostics;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.Extensions.Logging;
using TelemetryConventions.Analyzers.Rules;
using TelemetryConventions.CodeFixes;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests.Fixes;

/// <summary>
/// One identifier, one pseudonym: the same raw patient number sent through the generated wrapper, a raw
/// <c>SetTag</c> and log line repaired by the TC1001 fix, a hand-written <c>SetTag</c> with the generated
/// helper, and another service's attribute declared in the same identifier space all yield the same text.
/// The project is generated, analyzed, fixed with Fix All, compiled and run against the real runtime.
/// </summary>
public sealed class OnePseudonymEveryPathTests
{
    private const string Conventions = """
        groups:
          - id: registry.clinic
            type: attribute_group
            brief: Clinic attributes.
            attributes:
              - id: patient.id
                type: string
                brief: Keyed pseudonym of the patient.
                annotations:
                  privacy:
                    classification: personal_identifier
                    domain: patient
              - id: clinic.patient_id
                type: string
                brief: The same patient as the billing service names it.
                annotations:
                  privacy:
                    classification: personal_identifier
                    domain: patient
          - id: span.clinic.visit
            type: span
            span_kind: server
            brief: A visit.
            attributes:
              - ref: patient.id
                requirement_level: required
        """;

    private const string Migrated = """
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        public class Admissions
        {
            private readonly ActivitySource _source;
            private readonly ILogger _logger;

            public Admissions(ActivitySource source, ILogger logger)
            {
                _source = source;
                _logger = logger;
            }

            public void Admit(string patientId)
            {
                using var activity = _source.StartActivity("admit");
                activity?.SetTag("patient.id", patientId);
                _logger.LogInformation("Admitted {PatientId}", patientId);
            }
        }
        """;

    private const string Written = """
        using System.Diagnostics;
        using TelemetryConventions;
        using Telemetry;

        public static class Written
        {
            public static void Wrapper(ActivitySource source, Pseudonymizer pseudonymizer, string raw)
            {
                using var visit = source.StartClinicVisit(pseudonymizer.PseudonymizePatientId(raw));
            }

            public static void HandWritten(ActivitySource source, Pseudonymizer pseudonymizer, string raw)
            {
                using var activity = source.StartActivity("hand");
                activity?.SetTag(PatientAttributes.Id, pseudonymizer.ComputePatientId(raw));
            }

            public static void Billing(ActivitySource source, Pseudonymizer pseudonymizer, string raw)
            {
                using var activity = source.StartActivity("billing");
                activity?.SetTag(ClinicAttributes.PatientId, pseudonymizer.ComputeClinicPatientId(raw));
            }
        }
        """;

    [Fact]
    public async Task Every_path_gives_the_same_pseudonym_for_the_same_patient()
    {
        var project = ProjectHarness.Create(Conventions, ("Admissions.cs", Migrated), ("Written.cs", Written));
        var analyzer = new UnpseudonymisedIdentifierAnalyzer();
        Assert.Equal(2, (await ProjectHarness.AnalyzeAsync(project, analyzer)).Count(d => d.Id == "TC1001"));

        var fixedProject = await ProjectHarness.FixAllAsync(project, new WrapWithPseudonymizerCodeFix(), "TC1001", FixAllScope.Project, analyzer);
        var fixedText = await ProjectHarness.TextAsync(fixedProject, "Admissions.cs");
        Assert.Contains("activity?.SetTag(\"patient.id\", _pseudonymizer.PseudonymizePatientId(patientId));", fixedText);
        Assert.Contains("_logger.LogInformation(\"Admitted {PatientId}\", _pseudonymizer.PseudonymizePatientId(patientId));", fixedText);
        Assert.Contains("public Admissions(ActivitySource source, ILogger logger, Pseudonymizer pseudonymizer)", fixedText);
        Assert.Empty(await ProjectHarness.AnalyzeAsync(fixedProject, analyzer, new PseudonymDomainAnalyzer()));

        var assembly = await ProjectHarness.LoadAsync(fixedProject);
        var pseudonymizer = new Pseudonymizer(new PseudonymizerOptions { Key = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray(), KeyId = "k1" });
        const string Raw = "P-1001";
        var tagged = new List<string>();
        using var source = new ActivitySource("clinic-paths-" + Guid.NewGuid());
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => tagged.AddRange(activity.TagObjects
                .Where(t => t.Key is "patient.id" or "clinic.patient_id")
                .Select(t => t.Value?.ToString() ?? "")),
        };
        ActivitySource.AddActivityListener(listener);
        var logger = new CapturingLogger();

        var admissions = Activator.CreateInstance(assembly.GetType("Admissions")!, source, logger, pseudonymizer)!;
        admissions.GetType().GetMethod("Admit")!.Invoke(admissions, new object[] { Raw });
        var written = assembly.GetType("Written")!;
        foreach (var path in new[] { "Wrapper", "HandWritten", "Billing" })
        {
            written.GetMethod(path)!.Invoke(null, new object[] { source, pseudonymizer, Raw });
        }

        var expected = pseudonymizer.Compute("patient", Raw);
        Assert.Equal(4, tagged.Count);
        Assert.All(tagged, value => Assert.Equal(expected, value));
        Assert.Equal(expected, Assert.Single(logger.Values("PatientId")));
    }

    private sealed class CapturingLogger : ILogger
    {
        private readonly List<KeyValuePair<string, object?>> _values = new();

        public IEnumerable<string> Values(string name) => _values.Where(v => v.Key == name).Select(v => v.Value?.ToString() ?? "");

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                _values.AddRange(values);
            }
        }
    }
}

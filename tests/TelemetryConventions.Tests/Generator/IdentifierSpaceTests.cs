using System.Reflection;
using System.Runtime.Loader;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// The conventions decide which identifier space (pseudonymisation domain) an attribute carries, and the generated
/// helpers are the one place that domain is spelt: these tests run the generated code.
/// </summary>
public sealed class IdentifierSpaceTests
{
    private const string Conventions = """
        groups:
          - id: registry.clinic
            type: attribute_group
            brief: Clinic attributes.
            attributes:
              - id: patient.id
                type: string
                brief: Patient pseudonym on spans.
                annotations:
                  privacy:
                    classification: personal_identifier
                    domain: patient
              - id: clinic.patient_id
                type: string
                brief: The same patient, as another service names it.
                annotations:
                  privacy:
                    classification: personal_identifier
                    domain: patient
              - id: student.id
                type: string
                brief: Student pseudonym; its own space by default.
                annotations:
                  privacy:
                    classification: personal_identifier
              - id: clinic.ward
                type: string
                brief: Not an identifier.
        """;

    private static readonly Lazy<Type> Helpers = new(() =>
    {
        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("conventions/clinic.yaml", Conventions) },
            new Dictionary<string, string> { ["TelemetryConventionsNamespace"] = "Clinic.Telemetry" });
        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("identifier-space-tests", isCollectible: true).LoadFromStream(image);
        return assembly.GetType("Clinic.Telemetry.TelemetryPseudonyms", throwOnError: true)!;
    });

    private static Pseudonymizer NewPseudonymizer() =>
        new(new PseudonymizerOptions { Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), KeyId = "k1" });

    private static object Call(string method, Pseudonymizer pseudonymizer, object raw) =>
        Helpers.Value.GetMethod(method, new[] { typeof(Pseudonymizer), raw.GetType() })!.Invoke(null, new[] { pseudonymizer, raw })!;

    [Fact]
    public void A_declared_domain_is_shared_by_every_attribute_that_names_it()
    {
        var pseudonymizer = NewPseudonymizer();
        var onSpans = (string)Call("ComputePatientId", pseudonymizer, "P-1001");
        var inTheOtherService = (string)Call("ComputeClinicPatientId", pseudonymizer, "P-1001");

        Assert.Equal(pseudonymizer.Compute("patient", "P-1001"), onSpans);
        Assert.Equal(onSpans, inTheOtherService);
    }

    [Fact]
    public void Without_a_declared_domain_the_attribute_name_is_the_domain()
    {
        var pseudonymizer = NewPseudonymizer();
        Assert.Equal(pseudonymizer.Compute("student.id", "P-1001"), (string)Call("ComputeStudentId", pseudonymizer, "P-1001"));
        Assert.NotEqual((string)Call("ComputePatientId", pseudonymizer, "P-1001"), (string)Call("ComputeStudentId", pseudonymizer, "P-1001"));
        Assert.Equal("student.id", Helpers.Value.GetField("StudentIdDomain")!.GetRawConstantValue());
    }

    [Fact]
    public void Deferred_and_numeric_helpers_agree_with_the_computed_text()
    {
        var pseudonymizer = NewPseudonymizer();
        var deferred = (Pseudonym)Call("PseudonymizePatientId", pseudonymizer, "12345");
        Assert.Equal("patient", deferred.Domain);
        Assert.Equal((string)Call("ComputePatientId", pseudonymizer, "12345"), deferred.Value);
        Assert.Equal(deferred.Value, (string)Call("ComputePatientId", pseudonymizer, 12345L));
    }

    [Fact]
    public void Each_helper_is_marked_with_its_attribute_and_domain_and_only_identifiers_get_one()
    {
        var marks = Helpers.Value.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => (m.Name, Mark: m.GetCustomAttribute<IdentifierSpaceAttribute>()!))
            .ToList();
        Assert.All(marks, m => Assert.NotNull(m.Mark));
        Assert.Equal(
            new[] { "clinic.patient_id=patient", "patient.id=patient", "student.id=student.id" },
            marks.Select(m => m.Mark.AttributeName + "=" + m.Mark.Domain).Distinct().Order(StringComparer.Ordinal));
        // Pseudonymize and Compute, for string and long raw values.
        Assert.Equal(12, marks.Count);
    }
}

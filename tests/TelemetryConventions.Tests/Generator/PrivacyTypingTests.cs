using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>The type system keeps raw identifiers out: code that tries does not compile.</summary>
public sealed class PrivacyTypingTests
{
    private const string Conventions = """
        groups:
          - id: registry.student
            type: attribute_group
            brief: Student attributes.
            attributes:
              - id: student.id
                type: string
                brief: Keyed pseudonym of the student.
                annotations:
                  privacy:
                    classification: personal_identifier
              - id: student.grade
                type: string
                brief: Grade; never emitted.
                annotations:
                  privacy:
                    classification: quasi_identifier
                    treatment: redact
          - id: span.course.progress
            type: span
            span_kind: internal
            brief: Course progress.
            attributes:
              - ref: student.id
                requirement_level: required
              - ref: student.grade
        """;

    private static IReadOnlyList<Diagnostic> Compile(string userCode)
    {
        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("conventions/student.yaml", Conventions) },
            new Dictionary<string, string> { ["TelemetryConventionsNamespace"] = "School.Telemetry" },
            userCode);
        Assert.Empty(run.ConventionDiagnostics);
        return run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Fact]
    public void A_pseudonym_compiles()
    {
        var errors = Compile("""
            using School.Telemetry;
            public static class Use
            {
                public static void Run(System.Diagnostics.ActivitySource source, TelemetryConventions.Pseudonymizer pseudonymizer, string rawStudentNumber)
                {
                    using var span = source.StartCourseProgress(pseudonymizer.Pseudonymize(StudentAttributes.Id, rawStudentNumber));
                }
            }
            """);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_raw_string_where_a_pseudonym_is_required_does_not_compile()
    {
        var errors = Compile("""
            using School.Telemetry;
            public static class Use
            {
                public static void Run(System.Diagnostics.ActivitySource source, string rawStudentNumber)
                {
                    using var span = source.StartCourseProgress(rawStudentNumber);
                }
            }
            """);
        var error = Assert.Single(errors);
        Assert.Equal("CS1503", error.Id);
        Assert.Contains("TelemetryConventions.Pseudonym", error.GetMessage());
    }

    [Fact]
    public void A_raw_number_does_not_compile_either()
    {
        var errors = Compile("""
            using School.Telemetry;
            public static class Use
            {
                public static void Run(System.Diagnostics.ActivitySource source) => source.StartCourseProgress(20240042L);
            }
            """);
        Assert.Equal("CS1503", Assert.Single(errors).Id);
    }

    [Fact]
    public void A_redacted_attribute_has_no_way_in()
    {
        var errors = Compile("""
            using School.Telemetry;
            public static class Use
            {
                public static void Run(CourseProgressSpan span) => span.SetStudentGrade("A");
            }
            """);
        Assert.Equal("CS1061", Assert.Single(errors).Id);
    }
}

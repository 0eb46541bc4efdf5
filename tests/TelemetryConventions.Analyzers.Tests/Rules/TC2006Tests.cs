using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UndeclaredTelemetryNameAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2006Tests
{
    [Fact]
    public async Task Undeclared_span_and_instrument_names_are_reported_with_the_closest_declared_name()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            class Visit
            {
                void Record(ActivitySource source, Meter meter)
                {
                    using var visit = source.StartActivity({|#0:"patient.vist"|});
                    using var ok = source.StartActivity("patient.visit");
                    using var legacy = source.StartActivity("span.patient.visit");
                    var counter = meter.CreateCounter<long>({|#1:"hospital.visit"|});
                    var declared = meter.CreateCounter<long>("hospital.visits");
                    var other = new Activity({|#2:"ward.round"|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("span", "patient.vist", "; did you mean 'patient.visit'?"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("instrument", "hospital.visit", "; did you mean 'hospital.visits'?"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("span", "ward.round", ""));
    }

    [Fact]
    public async Task Kinds_the_conventions_do_not_declare_and_computed_names_are_not_checked()
    {
        const string attributesOnly = """
            groups:
              - id: registry.ward
                type: attribute_group
                brief: Ward.
                attributes:
                  - id: ward.number
                    type: int
                    brief: Number.
            """;
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            class Visit
            {
                void Record(ActivitySource source, Meter meter, string name)
                {
                    using var visit = source.StartActivity("anything.goes");
                    var counter = meter.CreateCounter<long>("ward.rounds");
                    using var computed = source.StartActivity(name);
                    using var caller = source.StartActivity(ActivityKind.Internal);
                }
            }
            """, attributesOnly, editorConfig: null);
    }
}

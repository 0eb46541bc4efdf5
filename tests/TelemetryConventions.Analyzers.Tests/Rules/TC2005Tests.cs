using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.DeprecatedAttributeAnalyzer,
    TelemetryConventions.CodeFixes.UseDeclaredAttributeNameCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2005Tests
{
    [Fact]
    public async Task A_renamed_attribute_is_fixed_to_its_new_name()
    {
        await VerifyCS.CodeFixAsync("""
            using System.Diagnostics;
            using Contoso.Telemetry;

            class Visit
            {
                void Record(Activity activity, TelemetryConventions.Pseudonym patient)
                {
                    activity.SetTag({|#0:"patient.id.hashed"|}, patient);
            #pragma warning disable CS0618
                    activity.SetTag({|#1:PatientAttributes.IdHashed|}, patient);
            #pragma warning restore CS0618
                }
            }
            """, """
            using System.Diagnostics;
            using Contoso.Telemetry;

            class Visit
            {
                void Record(Activity activity, TelemetryConventions.Pseudonym patient)
                {
                    activity.SetTag(PatientAttributes.Id, patient);
            #pragma warning disable CS0618
                    activity.SetTag(PatientAttributes.Id, patient);
            #pragma warning restore CS0618
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patient.id.hashed", "; it was renamed to 'patient.id'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("patient.id.hashed", "; it was renamed to 'patient.id'"));
    }

    [Fact]
    public async Task An_obsoleted_attribute_is_reported_with_its_note_and_no_fix()
    {
        const string conventions = """
            groups:
              - id: registry.old
                type: attribute_group
                brief: Old.
                attributes:
                  - id: ward.colour
                    type: string
                    brief: Colour of the ward.
                    deprecated:
                      reason: obsoleted
                      note: >
                        Wards are identified
                        by number.
            """;
        var source = """
            using System.Diagnostics;

            class Visit
            {
                void Record(Activity activity)
                {
                    activity.SetTag({|#0:"ward.colour"|}, "blue");
                    activity.SetTag("ward.colour.shade", "dark");
                }
            }
            """;
        await VerifyCS.CodeFixAsync(source, source, conventions,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ward.colour", ": Wards are identified by number"));
    }
}

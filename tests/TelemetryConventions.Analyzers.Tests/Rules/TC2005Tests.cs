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

    [Fact]
    public async Task A_rename_chain_points_at_its_last_name()
    {
        const string conventions = """
            groups:
              - id: registry.ward
                type: attribute_group
                brief: Ward.
                attributes:
                  - id: ward.colour
                    type: string
                    brief: First name of the ward's colour.
                    deprecated:
                      reason: renamed
                      renamed_to: ward.hue
                  - id: ward.hue
                    type: string
                    brief: Second name of the ward's colour.
                    deprecated:
                      reason: renamed
                      renamed_to: ward.tint
                  - id: ward.tint
                    type: string
                    brief: The ward's colour.
            """;
        await VerifyCS.CodeFixAsync("""
            using System.Diagnostics;

            class Visit
            {
                void Record(Activity activity)
                {
                    activity.SetTag({|#0:"ward.colour"|}, "blue");
                    activity.SetTag({|#1:"ward.hue"|}, "blue");
                }
            }
            """, """
            using System.Diagnostics;
            using Contoso.Telemetry;

            class Visit
            {
                void Record(Activity activity)
                {
                    activity.SetTag(WardAttributes.Tint, "blue");
                    activity.SetTag(WardAttributes.Tint, "blue");
                }
            }
            """, conventions,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ward.colour", "; it was renamed to 'ward.tint'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("ward.hue", "; it was renamed to 'ward.tint'"));
    }
}

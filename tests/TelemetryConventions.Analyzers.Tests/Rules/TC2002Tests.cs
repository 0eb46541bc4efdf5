using Xunit;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.RawAttributeNameAnalyzer,
    TelemetryConventions.CodeFixes.UseDeclaredAttributeNameCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2002Tests
{
    [Fact]
    public async Task A_declared_name_written_as_a_literal_is_fixed_to_its_constant()
    {
        await VerifyCS.CodeFixAsync("""
            using System.Diagnostics;
            using Contoso.Telemetry;

            class Visit
            {
                void Record(Activity activity, string doctor, TagList tags)
                {
                    activity.SetTag({|#0:"doctor.id"|}, doctor);
                    tags.Add({|#1:"patient.age"|}, 4);
                }
            }
            """, """
            using System.Diagnostics;
            using Contoso.Telemetry;

            class Visit
            {
                void Record(Activity activity, string doctor, TagList tags)
                {
                    activity.SetTag(DoctorAttributes.Id, doctor);
                    tags.Add(PatientAttributes.Age, 4);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("doctor.id", "DoctorAttributes.Id"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("patient.age", "PatientAttributes.Age"));
    }

    [Fact]
    public async Task Constants_names_without_a_constant_and_deprecated_names_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;

            class Visit
            {
                const string Local = "doctor.id";

                void Record(Activity activity)
                {
                    activity.SetTag(Contoso.Telemetry.DoctorAttributes.Id, "d");
                    activity.SetTag(Local, "d");
                    activity.SetTag("hospital.ward", "east");
                    activity.SetTag("patient.id.hashed", "x");
                    activity.SetBaggage("doctor.id", "d");
                }
            }
            """, TestSources.ConventionsWithUngenerated, editorConfig: null);
    }
}

using Microsoft.CodeAnalysis.Testing;
using TelemetryConventions.Analyzers.Rules;
using TelemetryConventions.CodeFixes;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests.Fixes;

/// <summary>
/// Where the generator wrote a helper for the attribute a raw identifier is sent under, the TC1001 and TC1002
/// fixes call it, so the domain is the one the conventions declare rather than one the fix spells.
/// </summary>
public class GeneratedHelperFixTests
{
    private const string Usings = """
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;
        using TelemetryConventions;

        """;

    private static Task Verify(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = HelperSources.CodeFixTest<UnpseudonymisedIdentifierAnalyzer, WrapWithPseudonymizerCodeFix>(source, fixedSource);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task A_declared_key_gets_its_generated_helper_and_the_namespace_is_imported()
    {
        await Verify(Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string patientId)
                {
                    activity.SetTag("patient.id", {|TC1001:patientId|});
                }
            }
            """, Usings.TrimEnd() + "\nusing Contoso.Telemetry;\n\n" + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string patientId)
                {
                    activity.SetTag("patient.id", pseudonymizer.PseudonymizePatientId(patientId));
                }
            }
            """);
    }

    [Fact]
    public async Task A_log_placeholder_that_spells_the_attribute_gets_the_same_helper()
    {
        await Verify(Usings + """
            using Contoso.Telemetry;

            class Visit
            {
                void Record(ILogger logger, Pseudonymizer pseudonymizer, string patientId)
                {
                    logger.LogInformation("Admitted {PatientId}", {|TC1001:patientId|});
                }
            }
            """, Usings + """
            using Contoso.Telemetry;

            class Visit
            {
                void Record(ILogger logger, Pseudonymizer pseudonymizer, string patientId)
                {
                    logger.LogInformation("Admitted {PatientId}", pseudonymizer.PseudonymizePatientId(patientId));
                }
            }
            """);
    }

    [Fact]
    public async Task Text_contexts_get_the_Compute_helper_and_an_added_pseudonymiser()
    {
        await Verify(Usings + """
            using Contoso.Telemetry;

            class Visit
            {
                private readonly string _ward;

                public Visit(string ward) => _ward = ward;

                void Record(Activity activity, long patientNumber)
                {
                    activity.DisplayName = "visit of " + {|TC1001:patientNumber|};
                }
            }
            """, Usings + """
            using Contoso.Telemetry;

            class Visit
            {
                private readonly string _ward;
                private readonly Pseudonymizer _pseudonymizer;

                public Visit(string ward, Pseudonymizer pseudonymizer)
                {
                    _pseudonymizer = pseudonymizer;
                    _ward = ward;
                }

                void Record(Activity activity, long patientNumber)
                {
                    activity.DisplayName = "visit of " + _pseudonymizer.ComputePatientId(patientNumber);
                }
            }
            """);
    }
}

using Microsoft.CodeAnalysis.Testing;
using TelemetryConventions.Analyzers.Rules;
using TelemetryConventions.Analyzers.Tests.Fixes;
using TelemetryConventions.CodeFixes;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC1004Tests
{
    private const string Usings = """
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;
        using TelemetryConventions;
        using Contoso.Telemetry;

        """;

    private static Task Verify(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = HelperSources.CodeFixTest<PseudonymDomainAnalyzer, UseIdentifierSpaceHelperCodeFix>(source, fixedSource);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Mismatch(int location, string domain) =>
        new DiagnosticResult(PseudonymDomainAnalyzer.Rule).WithLocation(location).WithArguments(
            $"'patient.id' is pseudonymised in domain '{domain}', but the conventions put it in identifier space 'patient.id': the same person gets another pseudonym elsewhere");

    private static DiagnosticResult Literal(int location) =>
        new DiagnosticResult(PseudonymDomainAnalyzer.Rule).WithLocation(location).WithArguments(
            "The domain of 'patient.id' is typed as the literal \"patient.id\"; use the generated helper so that it always matches the conventions");

    [Fact]
    public async Task Another_domain_for_a_declared_key_is_a_mismatch_on_every_path_and_the_helper_fixes_it()
    {
        await Verify(Usings + """
            class Visit
            {
                void Record(ActivitySource source, Activity activity, ILogger logger, Pseudonymizer pseudonymizer, string raw)
                {
                    activity.SetTag("patient.id", pseudonymizer.Pseudonymize({|#0:"patient"|}, raw));
                    activity.SetTag(PatientAttributes.Id, pseudonymizer.Compute({|#1:"patient"|}, raw));
                    logger.LogInformation("Seen {PatientId}", pseudonymizer.Compute({|#2:"user"|}, raw));
                    using var span = source.StartPatientVisit(pseudonymizer.Pseudonymize({|#3:"patient"|}, raw));
                    var kept = pseudonymizer.Pseudonymize({|#4:"patient"|}, raw);
                    activity.SetTag("patient.id", kept.Value);
                }
            }
            """, Usings + """
            class Visit
            {
                void Record(ActivitySource source, Activity activity, ILogger logger, Pseudonymizer pseudonymizer, string raw)
                {
                    activity.SetTag("patient.id", pseudonymizer.PseudonymizePatientId(raw));
                    activity.SetTag(PatientAttributes.Id, pseudonymizer.ComputePatientId(raw));
                    logger.LogInformation("Seen {PatientId}", pseudonymizer.ComputePatientId(raw));
                    using var span = source.StartPatientVisit(pseudonymizer.PseudonymizePatientId(raw));
                    var kept = pseudonymizer.PseudonymizePatientId(raw);
                    activity.SetTag("patient.id", kept.Value);
                }
            }
            """,
            Mismatch(0, "patient"), Mismatch(1, "patient"), Mismatch(2, "user"), Mismatch(3, "patient"), Mismatch(4, "patient"));
    }

    [Fact]
    public async Task The_right_domain_typed_as_a_literal_is_reported_and_the_generated_constant_is_not()
    {
        await Verify(Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string raw)
                {
                    activity.SetTag("patient.id", pseudonymizer.Pseudonymize({|#0:"patient.id"|}, raw));
                    activity.SetTag("patient.id", pseudonymizer.Pseudonymize(TelemetryPseudonyms.PatientIdDomain, raw));
                }
            }
            """, Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string raw)
                {
                    activity.SetTag("patient.id", pseudonymizer.PseudonymizePatientId(raw));
                    activity.SetTag("patient.id", pseudonymizer.Pseudonymize(TelemetryPseudonyms.PatientIdDomain, raw));
                }
            }
            """,
            Literal(0));
    }

    [Fact]
    public async Task Keys_the_conventions_do_not_pseudonymise_and_computed_domains_are_left_alone()
    {
        var source = Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string raw, string domain)
                {
                    activity.SetTag("visit.patient", pseudonymizer.Pseudonymize("patient", raw));
                    activity.SetTag("doctor.id", pseudonymizer.Compute("doctor", raw));
                    activity.SetTag("patient.id", pseudonymizer.Pseudonymize(domain, raw));
                    var text = pseudonymizer.Compute("patient", raw);
                }
            }
            """;
        await Verify(source, source);
    }
}

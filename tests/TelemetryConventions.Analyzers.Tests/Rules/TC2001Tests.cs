using Xunit;
using TelemetryConventions.Analyzers.Tests.Infrastructure;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.AdHocAttributeNameAnalyzer,
    TelemetryConventions.CodeFixes.UseDeclaredAttributeNameCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2001Tests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using Microsoft.Extensions.Logging;

        """;

    [Fact]
    public async Task A_name_of_a_registry_the_project_does_not_import_says_where_it_is_defined()
    {
        // The names file the package passes when the upstream registry is turned off.
        await VerifyCS.AnalyzerWithFileAsync(Usings + """
            class Checkout
            {
                void Record(Activity activity, string host)
                {
                    activity.SetTag({|#0:"server.address"|}, host);
                    activity.SetTag({|#1:"server.adress"|}, host);
                }
            }
            """,
            "/package/semconv/TelemetryConventions.Upstream.txt",
            "attribute server.address string\nattribute user.id string\n",
            new Dictionary<string, string>
            {
                ["TelemetryConventionNamesOf"] = "OpenTelemetry semantic conventions 1.44.0",
                ["TelemetryConventionHowToImport"] = "set EnableTelemetryConventionsUpstream to true to import it",
            },
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("server.address",
                "; it is defined by 'OpenTelemetry semantic conventions 1.44.0', which the project's conventions do not bring in: set EnableTelemetryConventionsUpstream to true to import it, or declare it in the project's conventions"),
            // A typo of a name of the list: its "did you mean", and where that name is defined.
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("server.adress",
                "; did you mean 'server.address'? It is defined by 'OpenTelemetry semantic conventions 1.44.0', which the project's conventions do not bring in: set EnableTelemetryConventionsUpstream to true to import it"));
    }

    [Fact]
    public async Task Another_spelling_of_a_declared_name_is_fixed_to_the_generated_constant()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                void Record(Activity activity, int age)
                {
                    activity.SetTag({|#0:"patient_age"|}, age);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;
            using Contoso.Telemetry;
            using Microsoft.Extensions.Logging;
            class Visit
            {
                void Record(Activity activity, int age)
                {
                    activity.SetTag(PatientAttributes.Age, age);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patient_age", "; did you mean 'patient.age'?"));
    }

    [Fact]
    public async Task A_misspelt_name_without_a_constant_is_fixed_to_the_declared_literal()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                void Record(TagList tags, string ward)
                {
                    tags.Add({|#0:"hospital.wrd"|}, ward);
                }
            }
            """, Usings + """
            class Visit
            {
                void Record(TagList tags, string ward)
                {
                    tags.Add("hospital.ward", ward);
                }
            }
            """,
            TestSources.ConventionsWithUngenerated,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("hospital.wrd", "; did you mean 'hospital.ward'?"));
    }

    [Fact]
    public async Task A_name_like_nothing_declared_is_reported_without_a_fix()
    {
        var source = Usings + """
            class Visit
            {
                private const string Key = "ward.colour";

                void Record(Activity activity, Counter<long> counter)
                {
                    activity.SetTag({|#0:Key|}, "blue");
                    counter.Add(1, new KeyValuePair<string, object?>({|#1:"bed.kind"|}, "icu"));
                }
            }
            """;
        await VerifyCS.CodeFixAsync(source, source,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ward.colour", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("bed.kind", ""));
    }

    [Fact]
    public async Task Declared_names_templates_logs_baggage_and_dynamic_keys_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visit
            {
                void Record(Activity activity, ILogger logger, string step)
                {
                    activity.SetTag("patient.age", 4);
                    activity.SetTag(Contoso.Telemetry.DoctorAttributes.Id, "d");
                    activity.SetTag("http.request.header.x-request-id", new[] { "1" });
                    activity.SetBaggage("tenant_name", "t");
                    logger.LogInformation("Visit of {ward_colour}", "x");
                    activity.SetTag($"location.{step}", "x");
                }
            }
            """);
    }

    [Fact]
    public async Task Without_convention_files_nothing_is_ad_hoc()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visit
            {
                void Record(Activity activity) => activity.SetTag("ward.colour", "blue");
            }
            """, conventions: null, editorConfig: null);
    }
}

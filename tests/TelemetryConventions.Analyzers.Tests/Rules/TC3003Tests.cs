using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.ForeignActivityEndedAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC3003Tests
{
    [Fact]
    public async Task Ending_the_current_activity_is_reported_however_it_is_written()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;

            class Handler
            {
                void Using()
                {
                    using var activity = {|#0:Activity.Current|};
                    activity?.SetTag("hospital.department", "icu");
                }

                void UsingStatement()
                {
                    using ({|#1:Activity.Current|})
                    {
                    }
                }

                void Calls()
                {
                    {|#2:Activity.Current?.Dispose()|};
                    var current = Activity.Current;
                    {|#3:current?.Stop()|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("using var activity = Activity.Current;"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("using (Activity.Current)\n        {\n        }"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("Activity.Current?.Dispose()"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("current?.Stop()"));
    }

    [Fact]
    public async Task Activities_the_code_starts_and_wrappers_around_the_current_one_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;
            using Contoso.Telemetry;

            class Handler
            {
                void Run(ActivitySource source)
                {
                    using var own = source.StartActivity("own");
                    var mine = source.StartActivity("mine");
                    mine?.Stop();
                    using var visit = new PatientVisitSpan(Activity.Current);
                    var current = Activity.Current;
                    current = source.StartActivity("replaced");
                    current?.Dispose();
                    Activity.Current?.SetTag("hospital.department", "icu");
                }
            }
            """);
    }
}

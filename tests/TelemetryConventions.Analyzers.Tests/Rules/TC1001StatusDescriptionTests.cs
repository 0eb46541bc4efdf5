using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// The generated span wrapper's <c>RecordException(exception, description, includeMessage)</c>: its
/// status description is exported as written, so it is a sink like <c>Activity.SetStatus</c>'s,
/// and the exception's message is a sink only when <c>includeMessage</c> is set.
/// </summary>
public class TC1001StatusDescriptionTests
{
    private const string Wrapper = """
        using System;
        using System.Diagnostics;

        namespace Contoso.Telemetry
        {
            [global::System.CodeDom.Compiler.GeneratedCode("TelemetryConventions", "0.1.0")]
            public readonly partial struct ChartSpan : IDisposable
            {
                private readonly Activity? _activity;
                public ChartSpan(Activity? activity) => _activity = activity;
                public ChartSpan RecordException(Exception exception, string? description = null, bool includeMessage = false)
                {
                    _activity?.SetStatus(ActivityStatusCode.Error, description ?? exception.GetType().FullName);
                    return this;
                }
                public void Dispose() => _activity?.Dispose();
            }
        }

        """;

    [Fact]
    public async Task A_description_built_from_the_exception_message_is_reported_a_fixed_one_is_not()
    {
        await VerifyCS.AnalyzerAsync(Wrapper + """
            class Charts
            {
                static void Load(string mrn) => throw new InvalidOperationException($"No chart for {mrn}");

                void Open(Contoso.Telemetry.ChartSpan span, string mrn)
                {
                    try
                    {
                        Load(mrn);
                    }
                    catch (InvalidOperationException ex)
                    {
                        span.RecordException(ex, {|TC1001:ex.Message|});
                        span.RecordException(ex, "chart lookup failed");
                        span.RecordException(ex, description: "chart lookup failed");
                        span.RecordException({|TC1001:ex|}, "chart lookup failed", includeMessage: true);
                    }
                }
            }
            """);
    }
}

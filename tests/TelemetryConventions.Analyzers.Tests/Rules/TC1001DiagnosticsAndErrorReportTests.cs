using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at .NET's own diagnostics (<c>Trace</c>, <c>TraceSource</c>, <c>EventSource</c>,
/// <c>DiagnosticSource</c>), whose listeners export what they are given, and at an error-reporting
/// SDK (Sentry), which sends its scope's user, tags, extras and breadcrumbs with every error.
/// </summary>
public class TC1001DiagnosticsAndErrorReportTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Tracing;

        """;

    [Fact]
    public async Task Trace_and_trace_source_messages_and_data_are_sinks()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed record GradeRow(string StudentNumber, string Grade);

            public sealed class MisSync
            {
                private static readonly TraceSource Source = new("Mis.Sync");

                public void Sync(string studentNumber, string guardianEmail, GradeRow row, int count)
                {
                    Source.TraceEvent(TraceEventType.Information, 1, $"Synced {{|TC1001:studentNumber|}}");
                    Source.TraceEvent(TraceEventType.Warning, 2, "Synced {0} of {1}", {|TC1001:studentNumber|}, count);
                    Source.TraceData(TraceEventType.Verbose, 3, {|TC1001:row|});
                    Trace.TraceInformation("Guardian {0} notified", {|TC1001:guardianEmail|});
                    Trace.WriteLine("Row for " + {|TC1001:studentNumber|});
                    Trace.TraceInformation("Synced {0} rows", count);
                    Source.TraceEvent(TraceEventType.Information, 4, "Batch done");
                }
            }
            """);
    }

    [Fact]
    public async Task Event_source_events_and_diagnostic_source_payloads_are_sinks()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            [EventSource(Name = "Contoso-Metering")]
            public sealed class MeterEventSource : EventSource
            {
                public static readonly MeterEventSource Log = new();

                [Event(1)]
                public void ReadingRejected(string meterSerial, string reason) => WriteEvent(1, {|TC1001:meterSerial|}, reason);

                [Event(2)]
                public void BatchDone(int count, string feeder) => WriteEvent(2, count, feeder);

                public void Admitted(string hospitalNumber, string ward) => Write("Admitted", {|TC1001:new { HospitalNumber = hospitalNumber, Ward = ward }|});
            }

            public sealed class Admissions
            {
                private static readonly DiagnosticListener Listener = new("Contoso.Admissions");

                public void Admit(string hospitalNumber, string ward, string meterSerial)
                {
                    Listener.Write("Contoso.Admissions.Started", {|TC1001:new { hospitalNumber, ward }|});
                    Listener.Write("Contoso.Admissions.Ward", new { ward, Beds = 12 });
                    MeterEventSource.Log.ReadingRejected({|TC1001:meterSerial|}, "checksum");
                    MeterEventSource.Log.BatchDone(3, "north");
                }
            }
            """);
    }

    private const string SentryStandIn = """

        namespace Sentry
        {
            public sealed class SentryUser
            {
                public string? Id { get; set; }
                public string? Email { get; set; }
                public string? Segment { get; set; }
            }

            public sealed class Breadcrumb(string message, string? type = null, IReadOnlyDictionary<string, string>? data = null)
            {
                public string Message { get; } = message;
            }

            public class Scope
            {
                public SentryUser User { get; set; } = new();
                public void SetTag(string key, string value) { }
                public void SetExtra(string key, object? value) { }
                public void AddBreadcrumb(string message, string? category = null, string? type = null, IDictionary<string, string>? data = null) { }
                public void AddBreadcrumb(Breadcrumb breadcrumb) { }
            }

            public sealed class SentryOptions
            {
                public string? Release { get; set; }
            }

            public static class SentrySdk
            {
                public static void ConfigureScope(Action<Scope> configure) { }
                public static void CaptureMessage(string message) { }
                public static void CaptureException(Exception exception) { }
            }
        }
        """;

    [Fact]
    public async Task An_error_reporting_sdk_sends_its_user_tags_extras_breadcrumbs_and_messages()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using Sentry;

            public sealed class PortalCrashReporting
            {
                public void SignedIn(string studentNumber, string email, string guardianName, string role, SentryOptions options)
                {
                    options.Release = "portal@1.2.0";
                    SentrySdk.ConfigureScope(scope =>
                    {
                        scope.User = new SentryUser { Id = {|TC1001:studentNumber|}, Email = {|TC1001:email|}, Segment = role };
                        scope.SetTag("portal.role", role);
                        scope.SetExtra("guardian", {|TC1001:guardianName|});
                        scope.AddBreadcrumb($"Opened grades of {{|TC1001:studentNumber|}}", "navigation");
                        scope.AddBreadcrumb(new Breadcrumb("Opened timetable", "navigation", new Dictionary<string, string> { ["student"] = {|TC1001:studentNumber|} }));
                        scope.AddBreadcrumb("Opened timetable", "navigation");
                    });
                    SentrySdk.CaptureMessage("Sign-in of " + {|TC1001:email|});
                    SentrySdk.CaptureMessage("Sign-in completed");
                }
            }
            """ + SentryStandIn);
    }
}

using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at a framework's collection of everything a caller sent (action arguments, a hub
/// method's arguments, route values, a job's arguments, request headers) sent whole: its keys and
/// its count stay clean, and so does one entry read by a key that names a thing.
/// </summary>
public class TC1001InputBagTests
{
    private const string StandIns = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        public sealed class ActionExecutingContext
        {
            public IDictionary<string, object?> ActionArguments { get; } = new Dictionary<string, object?>();
            public string ActionName { get; init; } = "";
        }

        public sealed class HubInvocationContext(string hubMethodName, IReadOnlyList<object?> hubMethodArguments)
        {
            public string HubMethodName { get; } = hubMethodName;
            public IReadOnlyList<object?> HubMethodArguments { get; } = hubMethodArguments;
        }

        public sealed class BackgroundJob
        {
            public IReadOnlyList<object?> Args { get; init; } = Array.Empty<object?>();
            public IReadOnlyList<int> Retries { get; init; } = Array.Empty<int>();
        }

        """;

    [Fact]
    public async Task Inputs_a_framework_hands_over_are_reported_when_sent_whole()
    {
        await VerifyCS.AnalyzerAsync(StandIns + """
            public sealed class GradebookFilter(ILogger<GradebookFilter> logger)
            {
                public void OnExecuting(ActionExecutingContext context, HubInvocationContext invocation, BackgroundJob job)
                {
                    logger.LogDebug("Executing {Action} with {@Arguments}", context.ActionName, {|TC1001:context.ActionArguments|});
                    logger.LogTrace("{Method} arguments: {Arguments}", invocation.HubMethodName, {|TC1001:invocation.HubMethodArguments|});
                    logger.LogError("Job failed with {Args}", {|TC1001:string.Join(", ", job.Args)|});
                    logger.LogDebug("Arguments {Json}", {|TC1001:JsonSerializer.Serialize(context.ActionArguments)|});
                }
            }
            """);
    }

    [Fact]
    public async Task Keys_counts_and_entries_named_for_things_stay_clean()
    {
        await VerifyCS.AnalyzerAsync(StandIns + """
            public sealed class GradebookFilter(ILogger<GradebookFilter> logger)
            {
                public void OnExecuting(ActionExecutingContext context, HubInvocationContext invocation, BackgroundJob job)
                {
                    logger.LogDebug("Executing {Action} with {Names}", context.ActionName, string.Join(",", context.ActionArguments.Keys));
                    logger.LogDebug("{Method} invoked with {Count} arguments", invocation.HubMethodName, invocation.HubMethodArguments.Count);
                    logger.LogDebug("Course {Course}", context.ActionArguments.TryGetValue("courseCode", out var course) ? course : null);
                    logger.LogDebug("Retried after {Retries}", string.Join(",", job.Retries));
                }
            }
            """);
    }

    [Fact]
    public async Task A_collection_the_source_fills_itself_is_judged_by_what_it_holds()
    {
        await VerifyCS.AnalyzerAsync(StandIns + """
            public sealed class Ticket
            {
                public Dictionary<string, string> Metadata { get; set; } = new();
            }

            public sealed class Tickets(ILogger<Tickets> logger)
            {
                public void Open(string courseCode)
                {
                    var ticket = new Ticket { Metadata = new Dictionary<string, string> { ["course"] = courseCode } };
                    logger.LogInformation("Ticket metadata {Metadata}", string.Join(",", ticket.Metadata));
                }
            }
            """);
    }

    [Fact]
    public async Task Request_headers_sent_whole_are_reported_and_the_user_agent_is_not()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Net.Http;
            using Microsoft.Extensions.Logging;

            public sealed class LicenceHandler(ILogger<LicenceHandler> logger)
            {
                public void Log(HttpRequestMessage request)
                {
                    logger.LogTrace("Licence request headers {Headers}", {|TC1001:request.Headers.ToString()|});
                    logger.LogDebug("Licence request from {Agent}", request.Headers.UserAgent.ToString());
                }
            }
            """);
    }

    [Fact]
    public async Task A_desktop_apps_command_line_is_not_a_callers_input()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class StartupEventArgs : EventArgs
            {
                public string[] Args { get; init; } = Array.Empty<string>();
            }

            public sealed class KioskApp(ILogger<KioskApp> logger)
            {
                public void OnStartup(StartupEventArgs e) => logger.LogInformation("Started with {Args}", string.Join(' ', e.Args));
            }
            """);
    }

    [Fact]
    public async Task A_bag_that_starts_empty_with_a_comparer_is_still_the_framework_s_and_an_action_s_route_values_are_not_inputs()
    {
        await VerifyCS.AnalyzerAsync(StandIns + """
            public class ActionDescriptor
            {
                public IDictionary<string, string?> RouteValues { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            }

            public sealed class ControllerActionDescriptor : ActionDescriptor;

            public sealed class ResourceContext
            {
                public IDictionary<string, object?> ActionArguments { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
                public ControllerActionDescriptor ActionDescriptor { get; } = new();
            }

            public sealed class RefundFilter(ILogger<RefundFilter> logger)
            {
                public void OnExecuting(ResourceContext context)
                {
                    logger.LogDebug("Arguments {@Arguments}", {|TC1001:context.ActionArguments|});
                    logger.LogDebug("Route values {RouteValues}", context.ActionDescriptor.RouteValues);
                }
            }
            """);
    }

    [Fact]
    public async Task The_raw_text_of_a_message_or_a_job_as_sent_is_reported_and_one_the_source_composes_is_judged_by_its_parts()
    {
        await VerifyCS.AnalyzerAsync(StandIns + """
            public sealed class OutboxMessage
            {
                public Guid Id { get; init; }
                public string Payload { get; init; } = "";
            }

            public sealed class JobDetailsDto
            {
                public string? Arguments { get; init; }
                public string? State { get; init; }
            }

            public sealed record WorkItem(string Kind, string Payload);

            public sealed class ScanResult
            {
                public string Payload { get; init; } = "";
            }

            public sealed class Relay(ILogger<Relay> logger)
            {
                public void Log(OutboxMessage message, JobDetailsDto details, ScanResult scan, int count)
                {
                    logger.LogTrace("Outbox payload {Payload}", {|TC1001:message.Payload|});
                    logger.LogTrace("Outbox payload of {Length} characters", message.Payload.Length);
                    logger.LogDebug("Job arguments {Arguments}, state {State}", details.Arguments, details.State);
                    logger.LogDebug("Scanned {Payload}", scan.Payload);
                    var item = new WorkItem("reindex", $"{{\"count\":{count}}}");
                    logger.LogDebug("Queued {Payload}", item.Payload);
                }
            }
            """);
    }

    [Fact]
    public async Task An_entry_of_a_query_collection_that_is_no_dictionary_is_judged_by_its_key()
    {
        await VerifyCS.AnalyzerAsync(StandIns + """
            public sealed class QueryCollection : IEnumerable<KeyValuePair<string, string>>
            {
                public string this[string key] => "";
                public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public sealed class Request { public QueryCollection Query { get; } = new(); }
            public sealed class Connection { public Request? Request { get; init; } }

            public sealed class Hub(ILogger<Hub> logger)
            {
                public void OnConnected(Connection connection)
                {
                    logger.LogInformation("Transport {Transport}", connection.Request?.Query["transport"] ?? "WebSockets");
                    logger.LogInformation("Patient {Patient}", connection.Request?{|TC1001:.Query["patientId"]|});
                    logger.LogInformation("Query {Query}", {|TC1001:connection.Request?.Query|});
                }
            }
            """);
    }
}

using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at the path, query and address of the request being served, judged by the routes the app
/// declares: a request logger sees every route, so a route with a parameter named for an identifier
/// makes them personal; with none, they are not judged.
/// </summary>
public class TC1001ServedRequestTests
{
    private const string StandIns = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        namespace Microsoft.AspNetCore.Http
        {
            public readonly struct PathString
            {
                public PathString(string? value) => Value = value;
                public string? Value { get; }
                public override string ToString() => Value ?? "";
            }

            public readonly struct QueryString
            {
                public QueryString(string? value) => Value = value;
                public string? Value { get; }
            }

            public abstract class HttpRequest
            {
                public abstract string Method { get; }
                public abstract PathString Path { get; }
                public abstract QueryString QueryString { get; }
            }

            public abstract class HttpContext
            {
                public abstract HttpRequest Request { get; }
            }

            public static class UriHelper
            {
                public static string GetDisplayUrl(this HttpRequest request) => "";
            }

            public static class EndpointRoutes
            {
                public static object MapGet(this object app, string pattern, Delegate handler) => app;
            }
        }

        namespace Service
        {
            using Microsoft.AspNetCore.Http;

            public sealed class RequestLogging(ILogger<RequestLogging> logger)
            {
                public Task Invoke(HttpContext context)
                {
                    var request = context.Request;
                    logger.LogInformation("HTTP {Method} started", request.Method);
                    LOGS
                    return Task.CompletedTask;
                }
            }
        }

        """;

    private const string Logs = """
        logger.LogInformation("HTTP {Method} {Path}", request.Method, {|TC1001:request.Path|});
                            logger.LogInformation("Query {Query}", {|TC1001:request.QueryString.Value|});
                            logger.LogInformation("Url {Url}", {|TC1001:request.GetDisplayUrl()|});
        """;

    [Fact]
    public async Task The_served_path_query_and_address_are_reported_when_a_route_carries_an_identifier()
    {
        await VerifyCS.AnalyzerAsync(StandIns.Replace("LOGS", Logs) + """
            namespace Service
            {
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static void Map(object app) => app.MapGet("/students/{studentNumber:alpha}/grades", (string studentNumber) => "");
                }
            }
            """);
    }

    [Fact]
    public async Task With_routes_that_name_only_things_the_served_path_is_not_judged()
    {
        await VerifyCS.AnalyzerAsync(StandIns.Replace("LOGS", Logs.Replace("{|TC1001:", "").Replace("|}", "")) + """
            namespace Service
            {
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static void Map(object app) => app.MapGet("/courses/{courseCode}/timetable/{week:int}", (string courseCode, int week) => "");
                }
            }
            """);
    }

    [Fact]
    public async Task A_route_value_or_query_parameter_the_app_reads_by_an_identifier_s_name_puts_it_in_the_served_path()
    {
        await VerifyCS.AnalyzerAsync(StandIns.Replace("LOGS", Logs) + """
            namespace Service
            {
                using System.Collections.Generic;

                public static class Lookups
                {
                    // Routes declared elsewhere (a gateway's configuration): read by name here.
                    public static string? Patient(IReadOnlyDictionary<string, string?> RouteValues) => RouteValues.GetValueOrDefault("nhsNumber");
                }
            }
            """);
    }

    [Fact]
    public async Task A_request_type_of_the_app_s_own_with_route_values_is_a_served_request()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Diagnostics;

            public sealed record IncomingRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> RouteValues);

            public sealed class Mirror
            {
                public void Send(Activity activity, IncomingRequest request)
                {
                    var subject = request.RouteValues["playerId"];
                    activity.SetTag("shadow.method", request.Method);
                    activity.SetTag("shadow.path", {|TC1001:request.Path|});
                    activity.SetTag("shadow.query", {|TC1001:request.Query|});
                }
            }

            public sealed class Catalogue
            {
                public void Send(Activity activity, IReadOnlyDictionary<string, string> RouteValues) =>
                    activity.SetTag("catalogue.title", RouteValues["titleId"]);
            }
            """);
    }

    [Fact]
    public async Task A_query_parameter_read_by_an_identifier_s_name_puts_it_in_the_served_query_not_the_path()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Diagnostics;

            public sealed record IncomingRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> RouteValues);

            public sealed class QueryForm
            {
                public IReadOnlyDictionary<string, string> Query { get; } = new Dictionary<string, string>();
            }

            public sealed class Search
            {
                public string? Email(QueryForm form) => form.Query["email"];

                public void Send(Activity activity, IncomingRequest request)
                {
                    activity.SetTag("shadow.path", request.Path);
                    activity.SetTag("shadow.query", {|TC1001:request.Query|});
                }
            }
            """);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Gaming;

public sealed record PlayerReport(string ReportedPlayerId, string Category, string? ChatExcerpt);

public sealed class ReportLimitExceededException(string reporterId, int count)
    : Exception($"Reporter {reporterId} filed {count} reports in the last hour")
{
    public int Count { get; } = count;
}

public sealed class ReportLimitExceptionHandler(ILogger<ReportLimitExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ReportLimitExceededException limit)
        {
            return false;
        }

        logger.LogWarning(exception, "Report rate limit hit"); // leak TC1001 exceptions
        Activity.Current?.SetTag("report.limit.count", limit.Count); // clean exceptions
        Activity.Current?.AddEvent(new ActivityEvent("report.limited", tags: new ActivityTagsCollection { ["exception.type"] = exception.GetType().FullName })); // clean exceptions

        var problem = new ProblemDetails { Status = 429, Title = "Too many reports", Detail = limit.Message, Instance = httpContext.Request.Path };
        await httpContext.Response.WriteAsJsonAsync(problem, cancellationToken);
        return true;
    }
}

public static class PlayerReportEndpoints
{
    private static readonly Meter Meter = new("Arena.Reports");
    private static readonly Counter<long> Reports = Meter.CreateCounter<long>("lobby.reports");

    public static void Map(WebApplication app)
    {
        app.MapPost("/players/{playerId}/reports", (
            [FromRoute] string playerId,
            [FromBody] PlayerReport report,
            [FromHeader(Name = "X-Client-Build")] string? clientBuild,
            HttpContext http,
            ILogger<PlayerReport> logger) =>
        {
            var reporter = http.User.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? "anonymous";
            var reporterIp = http.Connection.RemoteIpAddress;

            Activity.Current?.SetTag("report.category", report.Category); // clean direct
            Activity.Current?.SetTag("client.build", clientBuild); // clean precision-names
            Activity.Current?.SetTag("client.address", reporterIp?.ToString()); // leak TC1001 direct
            Reports.Add(1, new KeyValuePair<string, object?>("report.category", report.Category)); // clean direct
            Reports.Add(1, new KeyValuePair<string, object?>("reported.player", report.ReportedPlayerId)); // leak TC1003 direct

            var summary = string.Create(null, stackalloc char[128], $"{reporter} reported {playerId} for {report.Category}");
            logger.LogInformation(summary); // leak TC1001 strings
            logger.LogInformation("Report excerpt length {Length}", report.ChatExcerpt?.Length ?? 0); // clean precision-about

            if (reporter == playerId)
            {
                throw new ReportLimitExceededException(reporter, 1);
            }

            return Results.Accepted();
        });
    }
}

using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout56.Telemetry;

namespace PrivacyHoldout56.Energy;

/// <summary>A power cut reported by a customer; <c>Description</c> is what they typed.</summary>
public sealed record OutageReport(string Postcode, string CallbackPhone, string Description, bool VulnerableHousehold);

public sealed record OutageTicket(string OutageReference, string FeederCode, DateTimeOffset EstimatedRestore);

public interface IOutages
{
    Task<OutageTicket> ReportAsync(OutageReport report);
}

public static class OutageEndpoints
{
    public static void MapOutages(this IEndpointRouteBuilder app) =>
        app.MapPost("/outages", async (OutageReport report, IOutages outages) => await outages.ReportAsync(report))
            .AddEndpointFilter<OutageReportFilter>();
}

/// <summary>Traces and logs outage reports before the handler runs.</summary>
public sealed class OutageReportFilter(ILogger<OutageReportFilter> logger, TelemetrySecrets secrets) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var report = context.GetArgument<OutageReport>(0);
        var span = Activity.Current.EnrichGridOperation("Outages.Report"); // clean generated-api
        logger.LogInformation("Outage report {Arguments}", context.Arguments); // leak TC1001 logging-objects
        Activity.Current?.SetTag("outage.postcode", report.Postcode); // leak TC1001 cross-member
        Activity.Current?.SetTag("outage.postcode_district", report.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("outage.vulnerable", report.VulnerableHousehold); // clean precision-about
        span.SetGridNote(report.Description); // leak TC1001 generated-api
        Activity.Current?.SetTag("outage.description.length", report.Description.Length); // clean precision-about
        Activity.Current?.SetTag("outage.caller_bucket", HashCode.Combine(report.CallbackPhone) & 15); // leak TC1002 hashes
        Activity.Current?.SetTag("outage.caller_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(report.CallbackPhone))[0] & 15); // clean hashes

        var result = await next(context);
        if (result is OutageTicket ticket)
        {
            span.SetGridNote($"ticket {ticket.OutageReference} on feeder {ticket.FeederCode}").SetGridOutcome(GridOutcome.Ok); // clean generated-api
        }

        return result;
    }
}

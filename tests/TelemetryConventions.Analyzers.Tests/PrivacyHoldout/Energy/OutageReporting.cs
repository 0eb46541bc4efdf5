using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Energy;

public sealed record OutageReport(string AccountNumber, string ContactPhone, string Postcode, string? MeterSerial, string Description);

public sealed record Outage(string IncidentId, string FeederId, int CustomersAffected, DateTimeOffset StartedAt);

public interface IOutageMap
{
    Task<Outage?> ForPostcodeAsync(string postcode, CancellationToken cancellationToken);
}

/// <summary>Tags the on-call dashboards group outage reports by.</summary>
public static class OutageTags
{
    public static Dictionary<string, object?> For(OutageReport report, Outage? outage) => new()
    {
        ["grid.outage.known"] = outage is not null,
        ["grid.outage.incident"] = outage?.IncidentId,
        ["grid.outage.reporter"] = report.AccountNumber,
    };

    public static string Describe(Outage outage) => $"incident {outage.IncidentId} on feeder {outage.FeederId} ({outage.CustomersAffected} customers)";

    public static string Caller(OutageReport report) => $"account {report.AccountNumber}, phone {report.ContactPhone}";
}

public static class OutageEndpoints
{
    private static readonly ActivitySource Source = new("Grid.Outages");
    private static readonly Meter OutageMeter = new("Grid.Outages");
    private static readonly Counter<int> Reports = OutageMeter.CreateCounter<int>("grid.outage.reports");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/outages/report", async (OutageReport report, ClaimsPrincipal user, IOutageMap map, TelemetrySecrets secrets, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var logger = loggers.CreateLogger("Grid.Outages");
            using var activity = Source.StartActivity("grid.outage.report");
            var outage = await map.ForPostcodeAsync(report.Postcode, cancellationToken);

            foreach (var (key, value) in OutageTags.For(report, outage))
            {
                activity?.SetTag(key, value); // leak TC1001 cross-member
            }
            if (outage is not null)
            {
                activity?.SetTag("grid.outage.summary", OutageTags.Describe(outage)); // clean cross-member
                Reports.Add(1, new TagList { { "grid.feeder.id", outage.FeederId }, { "grid.outage.known", true } }); // clean precision-names
            }
            else
            {
                logger.LogWarning("Unmapped outage reported by {Caller}", OutageTags.Caller(report)); // leak TC1001 cross-member
                Reports.Add(1, new TagList { { "grid.outage.known", false }, { "grid.postcode.district", report.Postcode.Split(' ')[0] } }); // clean precision-about
            }

            var agent = user.FindFirstValue(ClaimTypes.Upn);
            activity?.SetTag("grid.outage.taken_by", agent); // leak TC1001 direct
            activity?.SetTag("grid.outage.self_service", agent is null); // clean precision-about

            var reporterKey = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(report.AccountNumber)));
            activity?.SetTag("grid.outage.reporter_key", reporterKey); // clean hashes
            var phoneDigest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(report.ContactPhone)));
            logger.LogInformation("Callback requested for {PhoneDigest}", phoneDigest); // leak TC1002 hashes

            if (report.MeterSerial is { Length: > 0 } serial)
            {
                activity?.SetTag("grid.outage.meter", serial); // leak TC1001 direct
            }
            activity?.SetTag("grid.outage.description_length", report.Description.Length);
            return Results.Ok(outage is null ? "thanks, we are looking into it" : OutageTags.Describe(outage));
        });
}

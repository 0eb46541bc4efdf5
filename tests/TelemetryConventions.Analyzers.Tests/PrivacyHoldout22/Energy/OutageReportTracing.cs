using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout22.Telemetry;

namespace PrivacyHoldout22.Energy;

public sealed class SupplyPointNotFoundException(string mpan)
    : Exception($"MPAN {mpan} is not a supply point of this network.");

public sealed record OutageReport(string Postcode, string? Mpan, string ReporterPhone, bool Vulnerable);

public interface ISupplyPointRegistry
{
    Task<string?> FeederOfAsync(string mpan, CancellationToken ct);
}

/// <summary>
/// The outage map's report endpoint: a customer gives a postcode, optionally the MPAN printed on
/// the bill, and a phone number to be called back on.
/// </summary>
public sealed class OutageReportHandler(ISupplyPointRegistry registry, ILogger<OutageReportHandler> logger)
{
    public async Task<string?> HandleAsync(OutageReport report, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("outage.postcode", report.Postcode); // leak TC1001 direct
        activity?.SetTag("outage.district", OutwardDistrict(report.Postcode)); // clean precision-about
        activity?.SetTag("outage.vulnerable_customer", report.Vulnerable); // clean precision-about
        activity?.SetTag("outage.reporter", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(report.ReporterPhone)))); // leak TC1002 hashes

        using var scope = logger.BeginScope("Outage report from {ReporterPhone}", report.ReporterPhone); // leak TC1001 direct

        if (report.Mpan is not { } mpan)
        {
            return null;
        }

        activity?.SetTag("outage.supply_point", Convert.ToBase64String(Encoding.UTF8.GetBytes(mpan))); // leak TC1001 hashes
        activity?.SetTag("outage.distributor", mpan[..2]); // clean precision-about
        try
        {
            return await registry.FeederOfAsync(mpan, ct) ?? throw new SupplyPointNotFoundException(mpan);
        }
        catch (SupplyPointNotFoundException ex)
        {
            activity?.RecordException(ex); // leak TC1001 exceptions
            logger.LogGatewayRejectedEvent($"unknown supply point {mpan}", "/outages/report"); // leak TC1001 generated-api
            logger.LogGatewayRejectedEvent("unknown supply point", "/outages/report"); // clean generated-api
            return null;
        }
    }

    private static string OutwardDistrict(string postcode)
    {
        var trimmed = postcode.Trim().ToUpperInvariant();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed[..Math.Max(0, trimmed.Length - 3)];
    }
}

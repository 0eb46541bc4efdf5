using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Energy;

public sealed class SmartMeter
{
    public required string Serial { get; init; }

    public required string AccountNumber { get; init; }

    public string FirmwareVersion { get; init; } = "1.0";

    public DateTimeOffset LastReadingAt { get; set; }

    public string FeederId { get; init; } = "F-01";
}

public sealed class MeterEstate
{
    public List<SmartMeter> Meters { get; } = new();
}

/// <summary>Reports the share of meters that have not sent a reading within a day.</summary>
public sealed class MeterEstateHealthCheck(MeterEstate estate, ILogger<MeterEstateHealthCheck> logger, Meter meter, IMemoryCache cache) : IHealthCheck
{
    private readonly Histogram<double> _silentHours = meter.CreateHistogram<double>("supply.meter.silent_hours");

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var silent = estate.Meters.Where(m => now - m.LastReadingAt > TimeSpan.FromDays(1)).ToList();

        foreach (var group in silent.GroupBy(m => m.FeederId))
        {
            _silentHours.Record(group.Max(m => (now - m.LastReadingAt).TotalHours), new KeyValuePair<string, object?>("feeder.id", group.Key)); // clean precision-names
        }

        var worst = silent.OrderBy(m => m.LastReadingAt).FirstOrDefault();
        if (worst is not null)
        {
            _silentHours.Record((now - worst.LastReadingAt).TotalHours, new KeyValuePair<string, object?>("meter.serial", worst.Serial)); // leak TC1003 direct
            logger.LogWarning("Longest silent meter {@Meter}", worst); // leak TC1001 logging-objects
            logger.LogWarning("Longest silent meter runs firmware {Firmware} on feeder {Feeder}", worst.FirmwareVersion, worst.FeederId); // clean logging-objects
        }

        var silentSerials = string.Join(';', silent.Take(5).Select(m => m.Serial));
        cache.Set("estate:silent", silentSerials, TimeSpan.FromMinutes(5));
        Activity.Current?.SetTag("estate.silent.sample", cache.TryGetValue("estate:silent", out var sample) ? sample : null); // leak TC1001 cross-member
        Activity.Current?.SetTag("estate.silent.count", silent.Count); // clean precision-about

        var data = new Dictionary<string, object> { ["silent"] = silent.Count, ["total"] = estate.Meters.Count };
        return Task.FromResult(silent.Count * 10 > estate.Meters.Count
            ? HealthCheckResult.Degraded($"{silent.Count} meters silent", data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}

public sealed class TariffSwitchHandler(Pseudonymizer pseudonymizer, ActivitySource source, ILogger<TariffSwitchHandler> logger, Meter meter)
{
    public void Handle(SwitchRequest request, string switchId, string region)
    {
        using var span = source.StartSupplySwitch(pseudonymizer.PseudonymizeSupplyCustomerId(request.AccountNumber));
        span.SetSupplySwitchId(switchId); // clean generated-api
        span.SetSupplyTariff(SupplyTariffValue.Custom(request.TargetTariff)); // clean generated-api
        span.SetSupplyTariff(SupplyTariffValue.Custom(request.MeterSerial)); // leak TC1001 generated-api

        var shard = pseudonymizer.ComputeSupplyCustomerId(request.AccountNumber).GetHashCode() & 15;
        span.SetSupplyMetersCount(shard); // clean precision-about

        var meterKey = Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(request.MeterSerial)));
        logger.LogInformation("Switch {SwitchId} for meter key {MeterKey}", switchId, meterKey); // leak TC1002 hashes

        meter.CreateSupplySwitchesCounter().Add(1, supplyRegion: region, supplyTariff: SupplyTariffValue.Custom(request.TargetTariff)); // clean generated-api
        if (request.TargetTariff.Length == 0)
        {
            span.SetStatus(ActivityStatusCode.Error, $"empty tariff for account {request.AccountNumber}"); // leak TC1001 generated-api
        }
    }
}

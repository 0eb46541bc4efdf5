using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using PrivacyHoldout27.Telemetry;

namespace PrivacyHoldout27.Energy;

public sealed record SupplyPointLoad(string SupplierId, string Region, string MeterSerial, string Mpan, double LastHalfHourKwh, bool Exporting);

public sealed record PendingSwitch(string SupplierId, string Mpan, int DaysWaiting);

public interface ISupplyPointCache
{
    IReadOnlyList<SupplyPointLoad> Loads();

    IReadOnlyList<PendingSwitch> PendingSwitches();
}

/// <summary>Observable gauges of the supply platform, registered once per meter.</summary>
public sealed class SupplyGauges
{
    private readonly ISupplyPointCache _cache;

    public SupplyGauges(Meter meter, ISupplyPointCache cache)
    {
        _cache = cache;
        meter.CreateObservableGauge("supply.region.load", ObserveRegions, "kWh");
        meter.CreateObservableGauge("supply.point.load", ObservePoints, "kWh");
        meter.CreateObservableUpDownCounter("supply.switches.pending", ObserveSwitchesByDistributor, "{switch}");
        meter.CreateTenancyBacklogObservableGauge(ObserveSwitchBacklog);
    }

    private IEnumerable<Measurement<double>> ObserveRegions() =>
        _cache.Loads()
            .GroupBy(l => (l.SupplierId, l.Region))
            .Select(g => new Measurement<double>(g.Sum(l => l.LastHalfHourKwh), new KeyValuePair<string, object?>("supply.supplier", g.Key.SupplierId), new("supply.region", g.Key.Region))); // clean direct

    private IEnumerable<Measurement<double>> ObservePoints()
    {
        foreach (var load in _cache.Loads().Where(l => l.Exporting))
        {
            yield return new Measurement<double>(load.LastHalfHourKwh, new KeyValuePair<string, object?>("meter.serial", load.MeterSerial), new("supply.exporting", true)); // leak TC1003 direct
        }
    }

    private IEnumerable<Measurement<int>> ObserveSwitchesByDistributor() =>
        _cache.PendingSwitches().GroupBy(s => s.Mpan[..2]).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("supply.mpan.distributor", g.Key))); // clean precision-about

    private IEnumerable<Measurement<double>> ObserveSwitchBacklog()
    {
        foreach (var pending in _cache.PendingSwitches().Where(s => s.DaysWaiting > 21))
        {
            yield return TenancyBacklogObservableGauge.Measure(pending.DaysWaiting, pending.SupplierId, tenancyQueue: pending.Mpan); // leak TC1003 generated-api
        }
    }
}

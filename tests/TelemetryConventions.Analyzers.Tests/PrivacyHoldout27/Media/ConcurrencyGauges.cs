using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace PrivacyHoldout27.Media;

public sealed record LiveStream(string Brand, string Plan, Guid SubscriberId, bool KidsProfile, string DeviceClass);

public interface IStreamRegistry
{
    IReadOnlyList<LiveStream> Live();

    int ConcurrencyLimit(string plan);
}

/// <summary>Observable instruments of the concurrency service, which enforces each plan's stream limit.</summary>
public sealed class ConcurrencyGauges
{
    private readonly IStreamRegistry _registry;

    public ConcurrencyGauges(Meter meter, IStreamRegistry registry)
    {
        _registry = registry;
        meter.CreateObservableGauge("media.streams.live", ObserveByPlan, "{stream}");
        meter.CreateObservableGauge("media.streams.over_limit", ObserveOverLimit, "{stream}");
    }

    private IEnumerable<Measurement<int>> ObserveByPlan()
    {
        foreach (var group in _registry.Live().GroupBy(s => (s.Brand, s.Plan, s.KidsProfile)))
        {
            yield return new Measurement<int>(group.Count(), new KeyValuePair<string, object?>("media.brand", group.Key.Brand), new("subscriber.plan", group.Key.Plan), new("profile.kids", group.Key.KidsProfile)); // clean precision-names
        }
    }

    private IEnumerable<Measurement<int>> ObserveOverLimit()
    {
        foreach (var group in _registry.Live().GroupBy(s => (s.Plan, s.SubscriberId)))
        {
            var over = group.Count() - _registry.ConcurrencyLimit(group.Key.Plan);
            if (over > 0)
            {
                yield return new Measurement<int>(over, new KeyValuePair<string, object?>("subscriber.id", group.Key.SubscriberId.ToString())); // leak TC1003 direct
            }
        }
    }
}

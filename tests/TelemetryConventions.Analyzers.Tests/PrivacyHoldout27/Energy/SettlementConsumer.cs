using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout27.Energy;

public interface IReadingValidator
{
    /// <summary>Null when the reading is plausible, else a reason from a fixed list ("negative", "spike", "clock-drift").</summary>
    string? Validate(MeterReading reading);
}

public interface ISettlementStore
{
    Task<long> SettleAsync(string supplierId, IReadOnlyList<MeterReading> readings, CancellationToken cancellationToken);
}

/// <summary>
/// Settles a batch of half-hourly readings. Each reading arrived with the trace context of the
/// meter gateway's span; the settlement span links to them.
/// </summary>
public sealed class SettlementConsumer(IReadingValidator validator, ISettlementStore store, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Supply.Settlement");

    public async Task SettleAsync(string supplierId, IReadOnlyList<MeterReading> batch, CancellationToken cancellationToken)
    {
        var links = new List<ActivityLink>();
        var accepted = new List<MeterReading>();
        foreach (var reading in batch)
        {
            var reason = validator.Validate(reading);
            if (reason is not null)
            {
                MeterEventSource.Log.ReadingRejected(reading.MeterSerial, reason); // leak TC1001 cross-member
                continue;
            }

            accepted.Add(reading);
            if (ActivityContext.TryParse(reading.TraceParent, reading.TraceState, out var upstream))
            {
                links.Add(new ActivityLink(upstream, new ActivityTagsCollection { ["messaging.kafka.partition"] = reading.Partition, ["messaging.kafka.offset"] = reading.Offset })); // clean direct
            }
        }

        using var activity = Source.StartActivity(ActivityKind.Consumer, default(ActivityContext), tags: null, links: links, name: "settle readings");
        activity?.SetTag("supply.supplier", supplierId);
        activity?.SetTag("supply.readings.accepted", accepted.Count);

        var run = await store.SettleAsync(supplierId, accepted, cancellationToken);
        MeterEventSource.Log.BatchSettled(supplierId, accepted.Count, run); // clean direct
    }

    /// <summary>Re-reads one meter on demand; the on-demand span links to the reading it replaces.</summary>
    public void LinkOnDemandRead(Activity activity, MeterReading previous)
    {
        if (ActivityContext.TryParse(previous.TraceParent, previous.TraceState, out var upstream))
        {
            activity.AddLink(new ActivityLink(upstream, new ActivityTagsCollection { ["meter.serial"] = previous.MeterSerial })); // leak TC1001 direct
        }

        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(previous.MeterSerial));
        activity.SetTag("meter.cohort", BitConverter.ToUInt16(digest) % 16); // leak TC1002 hashes

        var keyed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(previous.MeterSerial));
        activity.SetTag("meter.shard", keyed[0] % 16); // clean hashes
        activity.SetTag("meter.model", previous.MeterSerial[..3]); // clean precision-about
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout35.Energy;

/// <summary>A read as it lands in the raw zone, from one of two head-end systems.</summary>
public sealed record LandedRead(string SourceSystem, string Mpan, string MeterSerial, DateTimeOffset IntervalStart, decimal Kwh, DateTimeOffset ReceivedAt);

/// <summary>
/// The smart-meter estate sends many reads twice (the DCC adaptor and the legacy head-end both
/// forward them): this stage keeps one read per meter and interval before the reads reach the
/// warehouse, preferring the DCC copy, and reports conflicting values.
/// </summary>
public sealed partial class ReadsDeduplicationStage(TelemetrySecrets secrets, IRedactorProvider redactors, ILogger<ReadsDeduplicationStage> logger)
{
    private static readonly ActivitySource Source = new("Supply.Raw.Dedup");
    private static readonly Meter Meter = new("Supply.Raw.Dedup");
    private static readonly Counter<long> DuplicateHits = Meter.CreateCounter<long>("dedup.hits", "{read}");

    public IReadOnlyList<LandedRead> Deduplicate(string region, IReadOnlyList<LandedRead> landed)
    {
        using var activity = Source.StartActivity("reads.dedup");
        Baggage.SetBaggage("mdm.region", region); // clean direct

        var kept = new Dictionary<string, LandedRead>(StringComparer.Ordinal);
        var conflicts = new List<(LandedRead Kept, LandedRead Dropped)>();
        var dropped = 0;
        foreach (var read in landed)
        {
            var dedupKey = $"{read.MeterSerial}:{read.IntervalStart:O}";
            if (!kept.TryGetValue(dedupKey, out var existing))
            {
                kept[dedupKey] = read;
                continue;
            }

            dropped++;
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(dedupKey))[0] % 16;
            DuplicateHits.Add(1, new KeyValuePair<string, object?>("dedup.shard", shard)); // clean hashes
            if (dropped == 1)
            {
                logger.LogDebug("First duplicate of the batch: {DedupKey}", dedupKey); // leak TC1001 strings
                activity?.SetTag("dedup.first.digest", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(dedupKey)))); // leak TC1002 hashes
            }

            var (winner, loser) = existing.SourceSystem == "dcc" ? (existing, read) : (read, existing);
            kept[dedupKey] = winner;
            if (winner.Kwh != loser.Kwh)
            {
                conflicts.Add((winner, loser));
                LogConflict(logger, winner.MeterSerial, winner.Kwh, loser.Kwh); // clean cross-member
                LogConflictOnSupplyPoint(logger, winner.Mpan, winner.IntervalStart); // leak TC1001 cross-member
            }
        }

        activity?.SetTag("dedup.dropped", dropped); // clean precision-about
        activity?.SetTag("dedup.winner.source", "dcc"); // clean direct
        if (conflicts.Count > 0)
        {
            var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
            logger.LogWarning("{Count} conflicting duplicates, first on meter {Meter}", conflicts.Count, redactor.Redact(conflicts[0].Kept.MeterSerial)); // clean precision-about
            logger.LogWarning("Meters with conflicting duplicates: {Serials}", conflicts.Select(c => c.Kept.MeterSerial).Distinct().ToList()); // leak TC1001 logging-objects
            logger.LogInformation("Conflicts by meter model: {Models}", string.Join(",", conflicts.Select(c => c.Kept.MeterSerial[..3]).Distinct())); // clean precision-about
            activity?.SetTag("dedup.conflict.supply_point", Convert.ToBase64String(Encoding.ASCII.GetBytes(conflicts[0].Kept.Mpan))); // leak TC1001 hashes
        }

        return kept.Values.ToList();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Duplicate reads disagree on meter {MeterSerial}: kept {KeptKwh} kWh, dropped {DroppedKwh} kWh")]
    private static partial void LogConflict(ILogger logger, [PrivateData] string meterSerial, decimal keptKwh, decimal droppedKwh);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Conflict on supply point {Mpan} at {IntervalStart}")]
    private static partial void LogConflictOnSupplyPoint(ILogger logger, string mpan, DateTimeOffset intervalStart);
}

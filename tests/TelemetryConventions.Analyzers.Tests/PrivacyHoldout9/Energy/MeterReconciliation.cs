using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout9.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout9.Energy;

public sealed record MeterRead(string MeterSerial, DateOnly ReadOn, decimal Kwh);

public sealed record BilledRead(string MeterSerial, string AccountNumber, decimal Kwh);

/// <summary>Reconciles the meter operator's daily CSV (serial;date;kwh) against billed reads.</summary>
public sealed class DailyReadReconciler(ILogger<DailyReadReconciler> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Grid.Reconciliation");
    private readonly Dictionary<string, decimal> _lastKnownBySerial = new(StringComparer.OrdinalIgnoreCase);
    private readonly Histogram<double> _driftKwh = meter.CreateHistogram<double>("reads.drift", "kWh");

    public static IEnumerable<MeterRead> Parse(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            yield return new MeterRead(parts[0], DateOnly.Parse(parts[1]), decimal.Parse(parts[2]));
        }
    }

    public void Reconcile(IReadOnlyList<MeterRead> operatorReads, IReadOnlyList<BilledRead> billed)
    {
        using var job = Source.StartIntakeJob("operator-daily");
        var activity = Activity.Current;
        activity?.SetTag("reconcile.operator_rows", operatorReads.Count); // clean precision-about
        var pairs = operatorReads.Join(billed, o => o.MeterSerial, b => b.MeterSerial, (o, b) => (Operator: o, Billed: b), StringComparer.OrdinalIgnoreCase).ToList();
        activity?.SetTag("reconcile.matched", pairs.Count); // clean precision-about
        foreach (var (op, bill) in pairs)
        {
            var drift = (double)(op.Kwh - bill.Kwh);
            if (Math.Abs(drift) > 5)
            {
                logger.LogWarning("Drift of {Drift} kWh on meter {Meter}", drift, op.MeterSerial); // leak TC1001 direct
                _driftKwh.Record(drift, new KeyValuePair<string, object?>("account", bill.AccountNumber)); // leak TC1003 direct
                _driftKwh.Record(drift, new KeyValuePair<string, object?>("meter.subject", pseudonymizer.ComputeIntakeSubjectId(op.MeterSerial))); // leak TC1003 precision-pseudonym
                job.AddIntakeRowRejectedEvent($"drift {drift:F1} kWh"); // clean generated-api
            }

            _lastKnownBySerial[op.MeterSerial] = op.Kwh;
        }

        var unmatched = operatorReads.Select(r => r.MeterSerial).Except(billed.Select(b => b.MeterSerial), StringComparer.OrdinalIgnoreCase).ToList();
        activity?.SetTag("reconcile.unmatched", unmatched.Count); // clean precision-about
        job.SetIntakeNote("unmatched: " + string.Join(",", unmatched)); // leak TC1001 generated-api
        activity?.SetTag("reconcile.cache_size", _lastKnownBySerial.Count); // clean precision-about
    }

    public void CompareSideBySide(IReadOnlyList<MeterRead> yesterday, IReadOnlyList<MeterRead> today)
    {
        foreach (var (before, after) in yesterday.Zip(today))
        {
            if (after.Kwh < before.Kwh)
            {
                Activity.Current?.AddEvent(new ActivityEvent("read.went_backwards", tags: new ActivityTagsCollection { ["meter.serial"] = after.MeterSerial })); // leak TC1001 cross-member
                Activity.Current?.AddEvent(new ActivityEvent("read.went_backwards.day", tags: new ActivityTagsCollection { ["read.on"] = after.ReadOn.ToString("O") })); // clean cross-member
            }
        }
    }
}

/// <summary>Ships disputed reads to the ombudsman portal; the archive itself is not telemetry.</summary>
public sealed class DisputeExportJob(ILogger<DisputeExportJob> logger)
{
    public byte[] Export(IReadOnlyCollection<BilledRead> disputed)
    {
        var csv = new StringBuilder("meter_serial,account,kwh\n");
        foreach (var read in disputed)
        {
            csv.Append(read.MeterSerial).Append(',').Append(read.AccountNumber).Append(',').Append(read.Kwh).Append('\n');
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(csv.ToString()));
        }

        var archive = buffer.ToArray();
        logger.LogInformation("Dispute export {Bytes} bytes for {Count} reads", archive.Length, disputed.Count); // clean precision-about
        var first = disputed.FirstOrDefault();
        if (first is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(first.AccountNumber));
            logger.LogDebug("Export starts with account token {Token}", token); // leak TC1001 hashes
        }

        Activity.Current?.SetTag("dispute.meter_serial_prefix_count", disputed.Select(d => d.MeterSerial[..2]).Distinct().Count()); // clean precision-names
        return archive;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Energy;

public sealed record InstalledMeter(string MeterSerial, string AccountNumber, string Mpan, string Region, string Model, bool Exports);

public sealed record HalfHourRead(string MeterSerial, DateTimeOffset At, double Kwh);

public sealed class MeterNotCommissionedException(string meterSerial)
    : Exception($"Meter {meterSerial} is installed but not commissioned with the DCC")
{
    public string MeterSerial { get; } = meterSerial;
}

public interface IMeterFleet
{
    Task<IReadOnlyList<InstalledMeter>> InstalledAsync(string region, CancellationToken cancellationToken);

    Task<IReadOnlyList<HalfHourRead>> ReadsAsync(IReadOnlyCollection<string> meterSerials, DateOnly day, CancellationToken cancellationToken);

    /// <summary>MPANs with a generator registered for export payments.</summary>
    Task<IReadOnlySet<string>> RegisteredGeneratorsAsync(CancellationToken cancellationToken);
}

public interface IDccGateway
{
    /// <summary>Asks the DCC to re-read a batch of meters; returns the DCC's request id.</summary>
    Task<string> RequestReadsAsync(IReadOnlyList<string> meterSerials, CancellationToken cancellationToken);
}

/// <summary>The daily audit of a region's smart meter fleet: silent meters, spikes and unexplained export.</summary>
public sealed class MeterFleetAudit(
    IMeterFleet fleet,
    IDccGateway dcc,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<MeterFleetAudit> logger)
{
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);

    public async Task AuditAsync(string region, DateOnly day, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("usage.fleet.audit");
        var installed = await fleet.InstalledAsync(region, cancellationToken);
        var bySerial = installed.ToDictionary(m => m.MeterSerial);
        var reads = await fleet.ReadsAsync(bySerial.Keys, day, cancellationToken);

        var reporting = reads.Select(r => r.MeterSerial).ToHashSet();
        var silent = bySerial.Keys.Except(reporting).ToList();
        activity?.SetTag("usage.fleet.installed", installed.Count);
        activity?.SetTag("usage.fleet.silent", silent.Count);
        logger.LogWarning("Silent meters in {Region}: {Meters}", region, silent); // leak TC1001 logging-objects
        logger.LogWarning("Silent meters in {Region} by model {@Models}", region, silent.CountBy(s => bySerial[s].Model).ToDictionary()); // clean logging-objects

        foreach (var batch in silent.Chunk(100))
        {
            var requestId = await dcc.RequestReadsAsync(batch, cancellationToken);
            logger.LogInformation("DCC re-read {Request}: {Meters} meters", requestId, batch.Length);
            activity?.AddEvent(new ActivityEvent("usage.dcc.reread", tags: new ActivityTagsCollection { ["request"] = requestId, ["first"] = batch.First() })); // leak TC1001 direct
        }

        foreach (var read in reads)
        {
            _lastSeen[read.MeterSerial] = read.At;
        }
        logger.LogDebug("Last seen {LastSeen}", _lastSeen); // leak TC1001 logging-objects
        logger.LogDebug("Tracking {Meters} meters, oldest read {Oldest}", _lastSeen.Count, _lastSeen.Values.DefaultIfEmpty().Min()); // clean precision-about

        var spikes = reads
            .GroupBy(r => r.MeterSerial)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(r => r.At).ToList();
                return ordered.Zip(ordered.Skip(1), (before, after) => (Meter: g.Key, after.At, Jump: after.Kwh - before.Kwh));
            })
            .Where(s => s.Jump > 5)
            .ToList();
        var worstSpike = spikes.MaxBy(s => s.Jump);
        activity?.SetTag("usage.spike.max_jump", worstSpike.Jump); // clean precision-about
        activity?.SetTag("usage.spike.meter", worstSpike.Meter); // leak TC1001 cross-member

        foreach (var (serial, at, jump) in spikes.DistinctBy(s => s.Meter))
        {
            var installedMeter = bySerial[serial];
            using var review = source.StartUsageAnomalyReview(pseudonymizer.PseudonymizeUsageAccountId(installedMeter.AccountNumber), UsageAnomalyKind.Spike); // clean precision-pseudonym
            review.SetUsageMeterId(pseudonymizer.PseudonymizeUsageMeterId(serial)); // clean precision-pseudonym
            review.SetUsageRegion(installedMeter.Region); // clean cross-member
            review.SetUsageNote($"jump of {jump:F1} kWh at {at:HH:mm} on a {installedMeter.Model}"); // clean generated-api
            logger.LogInformation("Spike letter queued for account {Account}", installedMeter.AccountNumber); // leak TC1001 cross-member
            logger.LogUsageAnomalyDetectedEvent(UsageAnomalyKind.Spike, pseudonymizer.PseudonymizeUsageAccountId(installedMeter.AccountNumber), region, $"meter {serial} jumped {jump:F1} kWh"); // leak TC1001 generated-api
            meter.CreateUsageAnomaliesCounter().Add(1, UsageAnomalyKind.Spike, region, usageSegment: pseudonymizer.ComputeUsageAccountId(installedMeter.AccountNumber)); // leak TC1003 precision-pseudonym
        }

        var generators = await fleet.RegisteredGeneratorsAsync(cancellationToken);
        var unexplainedExport = installed.Where(m => m.Exports).Select(m => m.Mpan).Where(mpan => !generators.Contains(mpan)).ToList();
        meter.CreateUsageAnomaliesCounter().Add(unexplainedExport.Count, UsageAnomalyKind.ReverseFlow, region); // clean precision-about
        if (unexplainedExport.Count > 0)
        {
            logger.LogWarning("Export without a registered generator: {Mpans}", string.Join(", ", unexplainedExport)); // leak TC1001 strings
        }

        try
        {
            var firstUncommissioned = installed.First(m => !reporting.Contains(m.MeterSerial) && m.Model.StartsWith("SMETS1", StringComparison.Ordinal));
            throw new MeterNotCommissionedException(firstUncommissioned.MeterSerial);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogDebug(ex, "Every SMETS1 meter in {Region} reported", region); // clean exceptions
        }
        catch (MeterNotCommissionedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogWarning(ex, "Uncommissioned SMETS1 meter in {Region}", region); // leak TC1001 exceptions
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.CommandLine;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Energy;

public sealed class MeterUnreachableException(string meterSerial, int attempts)
    : Exception($"Meter {meterSerial} did not answer after {attempts} attempts")
{
    public int Attempts { get; } = attempts;
}

public interface IHeadEndClient
{
    /// <summary>Asks the smart-meter head-end for a read; throws <see cref="HttpRequestException"/> when the head-end is down.</summary>
    Task<int> RequestReadsAsync(string meterSerial, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>
/// <c>meter-ops reread --serial 19K0012345 --serial 21L0098765 --from 2024-05-01 --to 2024-05-31</c>: re-requests
/// missing half-hourly reads from the head-end after a DCC outage.
/// </summary>
public sealed class MeterRereadCommand(IHeadEndClient headEnd, ActivitySource source, Meter meter, ILogger<MeterRereadCommand> logger)
{
    private static readonly Meter OpsMeter = new("Energy.MeterOps");
    private static readonly Counter<long> Rereads = OpsMeter.CreateCounter<long>("meter_ops.rereads");

    private readonly Option<string[]> _serials = new("--serial", "Meter serial (repeatable)") { IsRequired = true };
    private readonly Option<DateOnly> _from = new("--from", "First day to re-read");
    private readonly Option<DateOnly> _to = new("--to", "Last day to re-read");

    public Command Build()
    {
        var command = new Command("reread", "Re-requests missing reads from the head-end");
        command.AddOption(_serials);
        command.AddOption(_from);
        command.AddOption(_to);
        command.SetHandler(RunAsync);
        return command;
    }

    private async Task RunAsync(InvocationContext context)
    {
        var serials = context.ParseResult.GetValueForOption(_serials) ?? [];
        var from = context.ParseResult.GetValueForOption(_from);
        var to = context.ParseResult.GetValueForOption(_to);
        var cancellationToken = context.GetCancellationToken();

        using var run = source.StartJobRun("reread");
        logger.LogInformation("Re-reading {Count} meters from {From} to {To}", serials.Length, from, to); // clean precision-about
        var failed = new List<string>();
        for (var i = 0; i < serials.Length; i++)
        {
            var serial = serials[i];
            try
            {
                var requested = await headEnd.RequestReadsAsync(serial, from, to, cancellationToken);
                Rereads.Add(requested, new KeyValuePair<string, object?>("meter.model", serial[..3])); // clean precision-about
                Rereads.Add(requested, new KeyValuePair<string, object?>("meter.serial", serial)); // leak TC1003 direct
                ReportProgress(serial, i + 1, serials.Length); // leak TC1001 cross-member
            }
            catch (MeterUnreachableException ex)
            {
                failed.Add(serial);
                logger.LogWarning(ex, "Re-read skipped"); // leak TC1001 exceptions
                run.AddJobRowSkippedEvent($"unreachable after {ex.Attempts} attempts"); // clean precision-about
            }
            catch (HttpRequestException ex)
            {
                logger.LogError(ex, "Head-end refused the request; stopping"); // clean exceptions
                context.ExitCode = 2;
                break;
            }
        }

        run.SetJobRowsTouched(serials.Length - failed.Count); // clean precision-about
        meter.CreateJobRowsCounter().Add(failed.Count, "reread", "unreachable"); // clean precision-names
        if (failed.Count > 0)
        {
            logger.LogWarning("Unreachable meters: {Meters}", failed); // leak TC1001 logging-objects
        }
    }

    private void ReportProgress(string meterSerial, int done, int total) =>
        logger.LogInformation("[{Done}/{Total}] re-read requested for {MeterSerial}", done, total, meterSerial); // leak TC1001 direct
}

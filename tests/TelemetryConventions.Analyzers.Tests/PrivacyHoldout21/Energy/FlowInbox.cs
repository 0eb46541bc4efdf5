using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout21.Energy;

public interface IFlowMailbox
{
    Task<(string FileName, string Content)?> NextAsync(CancellationToken cancellationToken);

    Task MoveToErrorsAsync(string fileName, CancellationToken cancellationToken);
}

public interface IReadingsStore
{
    Task SaveAsync(MeterReading reading, CancellationToken cancellationToken);
}

/// <summary>Picks D0010 files up from the DTC gateway's inbound folder and stores their readings.</summary>
public sealed class FlowInbox(IFlowMailbox mailbox, D0010FlowReader reader, IReadingsStore store, ILogger<FlowInbox> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await mailbox.NextAsync(stoppingToken) is { } file)
        {
            try
            {
                var readings = reader.Read(new StringReader(file.Content));
                foreach (var reading in readings)
                {
                    await store.SaveAsync(reading, stoppingToken);
                }

                logger.LogInformation("{FileName}: {Count} readings from {Meters} meters", file.FileName, readings.Count, readings.Select(r => r.MeterSerial).Distinct().Count()); // clean precision-about
                if (readings.Count == 1)
                {
                    Activity.Current?.SetTag("dtc.single_read.meter", readings[0].MeterSerial); // leak TC1001 cross-member
                }
            }
            catch (FlowFormatException ex)
            {
                logger.LogError(ex, "Flow {FileName} moved to errors", file.FileName); // leak TC1001 exceptions
                await mailbox.MoveToErrorsAsync(file.FileName, stoppingToken);
            }
        }
    }
}

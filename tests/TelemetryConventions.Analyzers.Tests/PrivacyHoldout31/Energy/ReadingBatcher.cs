using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Support.Coordination;

namespace PrivacyHoldout31.Energy;

public sealed record MeterReading(string MeterSerial, string Mpan, DateTimeOffset ReadAt, decimal Kwh);

public sealed class DuplicateReadingException(string mpan, DateTimeOffset readAt)
    : Exception($"A reading for MPAN {mpan} at {readAt:O} is already stored");

public interface IReadingStore
{
    Task WriteAsync(IReadOnlyList<MeterReading> readings, CancellationToken cancellationToken);
}

/// <summary>
/// Head-end readings arrive on a channel; one instance of the service writes them in batches, holding the
/// lease on the supplier's settlement blob so two instances never write the same day twice.
/// </summary>
public sealed class ReadingBatcher(Channel<MeterReading> readings, IReadingStore store, IBlobLeaseClient settlementLease, ILogger<ReadingBatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BlobLease lease;
        try
        {
            lease = await settlementLease.AcquireAsync(TimeSpan.FromSeconds(60), stoppingToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            logger.LogInformation(ex, "Settlement blob {Blob} leased by another instance ({ErrorCode})", settlementLease.BlobName, ex.ErrorCode); // clean exceptions
            return;
        }

        Activity.Current?.SetTag("settlement.lease_id", lease.LeaseId); // clean precision-about
        var batch = new List<MeterReading>(BatchSize);
        while (await readings.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && readings.Reader.TryRead(out var reading))
            {
                batch.Add(reading);
            }

            try
            {
                await store.WriteAsync(batch, stoppingToken);
                await settlementLease.RenewAsync(stoppingToken);
                logger.LogDebug("Wrote {Count} readings, {Backlog} waiting", batch.Count, readings.Reader.Count); // clean precision-about
            }
            catch (DuplicateReadingException ex)
            {
                logger.LogWarning(ex, "Batch rejected for a duplicate reading"); // leak TC1001 exceptions
                logger.LogInformation("Rejected batch of {Count} started with {FirstReading}", batch.Count, batch[0]); // leak TC1001 logging-objects
            }
            catch (TimeoutException ex)
            {
                logger.LogWarning(ex, "Reading store timed out with {Count} readings", batch.Count); // clean exceptions
            }

            batch.Clear();
        }
    }
}

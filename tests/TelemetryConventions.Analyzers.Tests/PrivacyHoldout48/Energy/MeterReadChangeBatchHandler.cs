using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Energy;

public enum ChangeKind
{
    Upsert,
    Delete,
}

public sealed record MeterReadChange(string ChangeId, ChangeKind Kind, string MeterSerial, string AccountNumber, decimal Register, DateTimeOffset ReadAt, long ClientSequence);

public sealed record ChangeBatch(string BatchId, string EngineerStaffNumber, string HandsetAssetTag, IReadOnlyList<MeterReadChange> Changes);

public sealed record StoredRead(string MeterSerial, decimal Register, DateTimeOffset ReadAt, string Source);

public interface IMeterReadStore
{
    Task<StoredRead?> LatestAsync(string meterSerial, CancellationToken cancellationToken);

    Task SaveAsync(MeterReadChange change, CancellationToken cancellationToken);

    Task DeleteAsync(string changeId, CancellationToken cancellationToken);
}

public sealed record ConflictResolution(string Policy, StoredRead Kept, MeterReadChange Rejected);

/// <summary>Applies the change batches field engineers' handsets push after a day offline.</summary>
public sealed class MeterReadChangeBatchHandler(
    IMeterReadStore store,
    ActivitySource source,
    ILogger<MeterReadChangeBatchHandler> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _conflicts = meter.CreateCounter<long>("metering.sync.conflicts");

    public async Task<int> HandleAsync(ChangeBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartSyncPush("meter_reads");
        span.SetSyncBatchSize(batch.Changes.Count);
        span.SetSyncNote($"batch {batch.BatchId} from handset {batch.HandsetAssetTag}"); // clean precision-names
        Activity.Current?.SetTag("engineer", batch.EngineerStaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("batch.deletes", batch.Changes.Count(c => c.Kind == ChangeKind.Delete)); // clean precision-about

        var applied = 0;
        foreach (var change in batch.Changes.OrderBy(c => c.ClientSequence))
        {
            if (change.Kind == ChangeKind.Delete)
            {
                await store.DeleteAsync(change.ChangeId, cancellationToken);
                logger.LogInformation("Tombstone applied for change {ChangeId}", change.ChangeId); // clean precision-names
                continue;
            }

            var latest = await store.LatestAsync(change.MeterSerial, cancellationToken);
            if (latest is not null && latest.ReadAt >= change.ReadAt)
            {
                var resolution = new ConflictResolution("server_wins", latest, change);
                span.AddSyncConflictDetectedEvent(resolution.Policy, syncNote: $"meter {change.MeterSerial} already read at {latest.ReadAt:o}"); // leak TC1001 strings
                logger.LogWarning("Read conflict resolved: {@Resolution}", resolution); // leak TC1001 logging-objects
                logger.LogWarning("Read conflict on change {ChangeId}: kept {KeptSource} register {Kept}, rejected {Rejected}", change.ChangeId, latest.Source, latest.Register, change.Register); // clean precision-about
                _conflicts.Add(1, new KeyValuePair<string, object?>("policy", resolution.Policy)); // clean precision-names
                _conflicts.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeSyncAccountId(change.AccountNumber))); // leak TC1003 precision-pseudonym
                continue;
            }

            await store.SaveAsync(change, cancellationToken);
            applied++;
        }

        logger.LogInformation("Batch {BatchId} applied {Applied}/{Total}", batch.BatchId, applied, batch.Changes.Count); // clean precision-names
        logger.LogDebug("Meters in batch: {Meters}", batch.Changes.Select(c => c.MeterSerial).Distinct().ToArray()); // leak TC1001 cross-member
        logger.LogDebug("Accounts in batch: {Accounts}", batch.Changes.Select(c => pseudonymizer.ComputeSyncAccountId(c.AccountNumber)).Distinct().Count()); // clean precision-about
        return applied;
    }
}

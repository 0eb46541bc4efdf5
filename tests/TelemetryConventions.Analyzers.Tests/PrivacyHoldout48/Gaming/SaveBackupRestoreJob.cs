using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Support.Datasync;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Gaming;

public sealed record RestoreRequest(string RestoreId, Guid PlayerId, string PlayerEmail, DateTimeOffset RestorePoint, IReadOnlyList<int> Slots);

public sealed record BackupManifest(string BackupId, Guid PlayerId, DateTimeOffset TakenAt, int SlotCount, long TotalBytes);

/// <summary>Nightly backups of every player's cloud saves and restores asked for through support.</summary>
public sealed partial class SaveBackupRestoreJob(
    IBlobContainer backups,
    ILogger<SaveBackupRestoreJob> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Game.SaveBackups");
    private readonly Counter<long> _restores = meter.CreateCounter<long>("game.save.restores");

    public static string BackupBlobName(Guid playerId, DateTimeOffset takenAt) => $"saves/{playerId:N}/{takenAt:yyyyMMdd}.bak";

    public async Task BackUpAsync(BackupManifest manifest, Stream archive, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("save.backup");
        var blobName = BackupBlobName(manifest.PlayerId, manifest.TakenAt);
        await backups.UploadAsync(blobName, archive, cancellationToken);
        activity?.SetTag("backup.id", manifest.BackupId); // clean precision-names
        activity?.SetTag("backup.slots", manifest.SlotCount); // clean precision-about
        activity?.SetTag("backup.blob", blobName); // leak TC1001 strings
        LogBackedUp(logger, manifest.BackupId, manifest.TotalBytes); // clean precision-about
    }

    public async Task RestoreAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("save.restore");
        activity?.SetTag("restore.id", request.RestoreId); // clean precision-names
        activity?.SetTag("restore.point", request.RestorePoint.ToString("yyyy-MM-dd")); // clean precision-about
        activity?.SetTag("restore.requested_by", request.PlayerEmail); // leak TC1001 direct
        activity?.SetTag(SyncAttributes.DeviceContact, pseudonymizer.ComputeSyncAccountId(request.PlayerEmail)); // leak TC1001 precision-pseudonym
        activity?.SetBaggage("player.ref", pseudonymizer.ComputeSyncAccountId(request.PlayerId.ToString())); // clean precision-pseudonym

        var blobName = BackupBlobName(request.PlayerId, request.RestorePoint);
        if (!await backups.ExistsAsync(blobName, cancellationToken))
        {
            logger.LogWarning("No backup {BlobName} for restore {RestoreId}", blobName, request.RestoreId); // leak TC1001 strings
            _restores.Add(1, new KeyValuePair<string, object?>("outcome", "missing")); // clean precision-names
            return;
        }

        await using var archive = await backups.DownloadAsync(blobName, cancellationToken);
        _restores.Add(1, new KeyValuePair<string, object?>("outcome", "restored"), new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct
        LogRestored(logger, request.RestoreId, request.PlayerId, request.Slots.Count); // leak TC1001 direct
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {BackupId} stored ({TotalBytes} bytes)")]
    private static partial void LogBackedUp(ILogger logger, string backupId, long totalBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restore {RestoreId} for player {PlayerId} restored {SlotCount} slots")]
    private static partial void LogRestored(ILogger logger, string restoreId, Guid playerId, int slotCount);
}

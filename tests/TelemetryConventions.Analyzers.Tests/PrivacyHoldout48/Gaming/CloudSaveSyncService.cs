using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Gaming;

public sealed record SaveSlot(Guid PlayerId, int Slot, long Revision, string DeviceName, byte[] Blob, DateTimeOffset SavedAt);

public sealed record SaveUpload(Guid PlayerId, string Gamertag, int Slot, long BaseRevision, string ConsoleHardwareId, string DeviceName, byte[] Blob, DateTimeOffset SavedAt);

public sealed record SaveConflict(int Slot, long ServerRevision, long ClientRevision, string ServerDeviceName);

public interface ISaveStore
{
    Task<SaveSlot?> GetAsync(Guid playerId, int slot, CancellationToken cancellationToken);

    Task PutAsync(SaveSlot slot, CancellationToken cancellationToken);
}

public sealed class SaveRevisionConflictException(Guid playerId, int slot, long serverRevision)
    : Exception($"Save slot {slot} of player {playerId} is at revision {serverRevision}.")
{
    public int Slot { get; } = slot;

    public long ServerRevision { get; } = serverRevision;
}

public sealed class CloudSaveSyncService(
    ISaveStore saves,
    ILogger<CloudSaveSyncService> logger,
    Meter meter,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Game.CloudSaves");
    private readonly Histogram<long> _saveBytes = meter.CreateHistogram<long>("game.save.bytes", "By");

    public async Task<SaveConflict?> UploadAsync(SaveUpload upload, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("save.upload");
        activity?.SetTag("save.slot", upload.Slot); // clean precision-names
        activity?.SetTag("save.base_revision", upload.BaseRevision); // clean precision-about
        activity?.SetTag("player.gamertag", upload.Gamertag); // leak TC1001 direct
        activity?.SetTag("player.ref", pseudonymizer.PseudonymizeSyncAccountId(upload.PlayerId.ToString()).Value); // clean precision-pseudonym
        activity?.SetTag("console.hwid", upload.ConsoleHardwareId); // leak TC1001 direct
        var cohort = HashCode.Combine(upload.PlayerId) & 31;
        activity?.SetTag("player.cohort", cohort); // leak TC1002 hashes
        var blobChecksum = Convert.ToHexString(SHA256.HashData(upload.Blob));
        activity?.SetTag("save.checksum", blobChecksum); // clean hashes
        _saveBytes.Record(upload.Blob.Length, new KeyValuePair<string, object?>("slot", upload.Slot)); // clean precision-about

        try
        {
            return await StoreAsync(upload, cancellationToken);
        }
        catch (SaveRevisionConflictException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Save conflict on slot {Slot}: server at {ServerRevision}", ex.Slot, ex.ServerRevision); // clean exceptions
            var current = await saves.GetAsync(upload.PlayerId, upload.Slot, cancellationToken);
            var conflict = new SaveConflict(upload.Slot, ex.ServerRevision, upload.BaseRevision, current?.DeviceName ?? "unknown");
            logger.LogInformation("Conflict returned to the client: {@Conflict}", conflict); // leak TC1001 logging-objects
            return conflict;
        }
    }

    private async Task<SaveConflict?> StoreAsync(SaveUpload upload, CancellationToken cancellationToken)
    {
        var current = await saves.GetAsync(upload.PlayerId, upload.Slot, cancellationToken);
        if (current is not null && current.Revision != upload.BaseRevision)
        {
            throw new SaveRevisionConflictException(upload.PlayerId, upload.Slot, current.Revision);
        }

        await saves.PutAsync(new SaveSlot(upload.PlayerId, upload.Slot, upload.BaseRevision + 1, upload.DeviceName, upload.Blob, upload.SavedAt), cancellationToken);
        logger.LogDebug("Stored revision {Revision} of slot {Slot}", upload.BaseRevision + 1, upload.Slot); // clean precision-names
        return null;
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Media;

public sealed record ProgressEdit(string TitleId, string EpisodeId, TimeSpan Position, DateTimeOffset EditedAt, string PlaybackDeviceId);

public sealed record ProgressSyncRequest(Guid SubscriberId, Guid ProfileId, string ProfileName, string? SinceToken, IReadOnlyList<ProgressEdit> Edits);

public sealed record ProgressSyncResponse(string NextToken, int Accepted, int Superseded);

public interface IProgressStore
{
    Task<ProgressEdit?> GetAsync(Guid profileId, string episodeId, CancellationToken cancellationToken);

    Task UpsertAsync(Guid profileId, ProgressEdit edit, CancellationToken cancellationToken);

    Task<long> CurrentSequenceAsync(CancellationToken cancellationToken);
}

[ApiController]
[Route("v2/progress")]
public sealed class WatchProgressSyncController(
    IProgressStore store,
    ActivitySource source,
    ILogger<WatchProgressSyncController> logger,
    Meter meter,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private readonly Counter<long> _superseded = meter.CreateCounter<long>("media.progress.superseded");
    private readonly Counter<long> _syncs = meter.CreateCounter<long>("media.progress.syncs");

    [HttpPost("sync")]
    public async Task<ActionResult> SyncAsync([FromBody] ProgressSyncRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartSyncPush("watch_progress");
        span.SetSyncAccountId(pseudonymizer.PseudonymizeSyncAccountId(request.SubscriberId.ToString())); // clean generated-api
        span.SetSyncBatchSize(request.Edits.Count); // clean precision-about
        span.SetSyncNote(request.ProfileName); // leak TC1001 generated-api
        Activity.Current?.SetTag("profile.id", request.ProfileId); // leak TC1001 direct
        Activity.Current?.SetTag("sync.since_token.present", request.SinceToken is not null); // clean precision-about

        var accepted = 0;
        var superseded = 0;
        foreach (var edit in request.Edits)
        {
            var existing = await store.GetAsync(request.ProfileId, edit.EpisodeId, cancellationToken);
            if (existing is not null && existing.EditedAt > edit.EditedAt)
            {
                superseded++;
                span.AddSyncConflictDetectedEvent("last_writer_wins", syncNote: $"episode {edit.EpisodeId} newer on another device"); // clean strings
                logger.LogDebug("Edit from device {Device} superseded by {OtherDevice}", edit.PlaybackDeviceId, existing.PlaybackDeviceId); // leak TC1001 direct
                _superseded.Add(1, new KeyValuePair<string, object?>("title", edit.TitleId)); // clean precision-names
                continue;
            }

            await store.UpsertAsync(request.ProfileId, edit, cancellationToken);
            accepted++;
        }

        var devices = request.Edits.Select(e => e.PlaybackDeviceId).Distinct().ToList();
        Activity.Current?.SetTag("sync.devices", devices.Count); // clean precision-about
        Activity.Current?.SetTag("sync.device.classes", string.Join(",", devices.Select(d => d[..3]).Distinct())); // clean precision-about
        _syncs.Add(1, new KeyValuePair<string, object?>("profile", pseudonymizer.ComputeSyncAccountId(request.ProfileId.ToString()))); // leak TC1003 precision-pseudonym

        var next = (await store.CurrentSequenceAsync(cancellationToken)).ToString("x");
        logger.LogInformation("Progress sync accepted {Accepted}, superseded {Superseded}, next token {NextToken}", accepted, superseded, next); // clean precision-names
        return Ok(new ProgressSyncResponse(next, accepted, superseded));
    }
}

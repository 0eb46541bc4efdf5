using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Support.Datasync;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Healthcare;

public sealed class VisitNote : EntityTableData
{
    public required string NhsNumber { get; set; }

    public required string PatientFamilyName { get; set; }

    public required string NurseStaffNumber { get; set; }

    public string Body { get; set; } = string.Empty;

    public string WardCode { get; set; } = string.Empty;
}

public sealed record VisitNoteChange(string NoteId, byte[] BaseVersion, VisitNote Proposed, string ClientId);

public sealed record PushVisitNotesRequest(string DeviceInstallationId, string AppVersion, IReadOnlyList<VisitNoteChange> Changes);

public sealed record PushOutcome(int Applied, int Conflicts, IReadOnlyList<string> ConflictNoteIds);

public sealed class VisitNoteConflictException(string noteId, string nhsNumber)
    : Exception($"Visit note {noteId} for patient {nhsNumber} was changed on the server since the client's base version.")
{
    public string NoteId { get; } = noteId;
}

/// <summary>
/// Sync endpoint of the community nursing app. Nurses run the app on their own phones (enrolled in
/// the trust's device management), so an installation or client id is one installation on a person's phone.
/// </summary>
[ApiController]
[Route("sync/visit-notes")]
public sealed class VisitNoteSyncController(
    IRepository<VisitNote> notes,
    ActivitySource source,
    ILogger<VisitNoteSyncController> logger,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    [HttpPost("push")]
    public async Task<ActionResult> PushAsync([FromBody] PushVisitNotesRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartSyncPush("visit_notes");
        span.SetSyncBatchSize(request.Changes.Count);
        var nurse = HttpContext.User.SubjectId ?? "anonymous";
        span.SetSyncAccountId(pseudonymizer.PseudonymizeSyncAccountId(nurse)); // clean precision-pseudonym
        Activity.Current?.SetTag("sync.installation.id", request.DeviceInstallationId); // leak TC1001 direct
        Activity.Current?.SetTag("sync.app.version", request.AppVersion); // clean precision-names

        var applied = 0;
        var conflicts = new List<string>();
        foreach (var change in request.Changes)
        {
            try
            {
                await ApplyAsync(change, cancellationToken);
                applied++;
            }
            catch (VisitNoteConflictException ex)
            {
                conflicts.Add(ex.NoteId);
                span.AddSyncConflictDetectedEvent("client_rebase", syncNote: ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Conflict on visit note {NoteId}; the client will rebase", ex.NoteId); // clean precision-about
            }
        }

        logger.LogInformation("Applied {Applied} of {Total} visit note changes from nurse {Nurse}", applied, request.Changes.Count, nurse); // leak TC1001 direct
        logger.LogInformation("Conflicting notes: {NoteIds}", string.Join(",", conflicts)); // clean precision-about
        return Ok(new PushOutcome(applied, conflicts.Count, conflicts));
    }

    private async Task ApplyAsync(VisitNoteChange change, CancellationToken cancellationToken)
    {
        var current = await notes.ReadAsync(change.NoteId, cancellationToken);
        if (!current.Version.AsSpan().SequenceEqual(change.BaseVersion))
        {
            var changedFields = DiffFields(current, change.Proposed);
            Activity.Current?.AddEvent(new ActivityEvent("visit_note.conflict", tags: new ActivityTagsCollection { ["note.id"] = change.NoteId, ["fields.changed"] = string.Join(",", changedFields) })); // clean precision-names
            if (changedFields.Contains(nameof(VisitNote.PatientFamilyName)))
            {
                logger.LogWarning("Family name edited on both sides: server {Server}, client {Client}", current.PatientFamilyName, change.Proposed.PatientFamilyName); // leak TC1001 cross-member
            }

            throw new VisitNoteConflictException(change.NoteId, current.NhsNumber);
        }

        await notes.ReplaceAsync(change.Proposed, change.BaseVersion, cancellationToken);
        Activity.Current?.SetTag("visit_note.body.length", change.Proposed.Body.Length); // clean precision-about
        Activity.Current?.SetTag("visit_note.ward", change.Proposed.WardCode); // clean precision-names
        Activity.Current?.SetTag("sync.change.client", change.ClientId); // leak TC1001 cross-member
    }

    private static List<string> DiffFields(VisitNote server, VisitNote client)
    {
        var fields = new List<string>();
        if (server.Body != client.Body) fields.Add(nameof(VisitNote.Body));
        if (server.PatientFamilyName != client.PatientFamilyName) fields.Add(nameof(VisitNote.PatientFamilyName));
        if (server.WardCode != client.WardCode) fields.Add(nameof(VisitNote.WardCode));
        return fields;
    }
}

/// <summary>Delta tokens for the pull endpoint: the watermark of the last change the client saw.</summary>
public sealed class VisitNoteDeltaTokens(ILogger<VisitNoteDeltaTokens> logger)
{
    public string Issue(string nurseStaffNumber, DateTimeOffset watermark)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{nurseStaffNumber}|{watermark.UtcTicks}"));
        logger.LogDebug("Issued delta token {Token}", token); // leak TC1001 hashes
        logger.LogDebug("Delta token watermark {Watermark:o}, token length {Length}", watermark, token.Length); // clean precision-about
        return token;
    }

    public DateTimeOffset Read(string token, string nurseStaffNumber)
    {
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
        if (parts[0] != nurseStaffNumber)
        {
            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(parts[0])))[..12];
            logger.LogWarning("Delta token issued to {TokenOwner} replayed by another nurse", fingerprint); // leak TC1002 hashes
            throw new InvalidOperationException("The delta token was issued to another account.");
        }

        return new DateTimeOffset(long.Parse(parts[1]), TimeSpan.Zero);
    }
}

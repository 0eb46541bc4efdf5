using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Support.Datasync;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Healthcare;

public sealed record PendingAttachment(string AttachmentId, string VisitNoteId, string NhsNumber, string ContentType, long Bytes, DateTimeOffset CapturedOfflineAt);

public sealed record AttachmentUploadResult(string AttachmentId, bool Stored, string? Reason);

/// <summary>Photos a nurse took while offline, uploaded when the tablet reconnects.</summary>
public sealed partial class WoundPhotoUploadService(
    IBlobContainer photos,
    ILogger<WoundPhotoUploadService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Clinic.FieldSync.Attachments");
    private readonly Counter<long> _uploaded = meter.CreateCounter<long>("clinic.attachments.uploaded");
    private readonly Histogram<double> _offlineAge = meter.CreateHistogram<double>("clinic.attachments.offline_age", "s");

    public async Task<AttachmentUploadResult> UploadAsync(PendingAttachment pending, Stream content, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("attachment.upload");
        var blobName = $"patients/{pending.NhsNumber}/wounds/{pending.AttachmentId}.jpg";
        activity?.SetTag("attachment.id", pending.AttachmentId); // clean precision-names
        activity?.SetTag("attachment.blob", blobName); // leak TC1001 strings
        activity?.SetTag("attachment.container", photos.Name); // clean precision-names
        activity?.SetTag("patient.ref", pseudonymizer.Pseudonymize("patient.nhs_number", pending.NhsNumber).Value); // clean precision-pseudonym

        try
        {
            await photos.UploadAsync(blobName, content, cancellationToken);
        }
        catch (IOException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            LogUploadFailed(logger, pending.AttachmentId, pending.NhsNumber); // leak TC1001 direct
            return new AttachmentUploadResult(pending.AttachmentId, false, "io");
        }

        var age = (DateTimeOffset.UtcNow - pending.CapturedOfflineAt).TotalSeconds;
        _offlineAge.Record(age, new KeyValuePair<string, object?>("content.type", pending.ContentType)); // clean precision-names
        _uploaded.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeSyncAccountId(pending.NhsNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Stored attachment {AttachmentId} ({Bytes} bytes) for visit note {VisitNoteId}", pending.AttachmentId, pending.Bytes, pending.VisitNoteId); // clean precision-about
        LogUploaded(logger, pending.AttachmentId, pending.NhsNumber); // clean logging-objects
        return new AttachmentUploadResult(pending.AttachmentId, true, null);
    }

    public async Task<Stream?> DownloadForReviewAsync(PendingAttachment pending, CancellationToken cancellationToken)
    {
        var blobName = $"patients/{pending.NhsNumber}/wounds/{pending.AttachmentId}.jpg";
        try
        {
            return await photos.DownloadAsync(blobName, cancellationToken);
        }
        catch (BlobNotFoundException ex)
        {
            logger.LogWarning(ex, "Wound photo missing after sync"); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.code", ex.ErrorCode); // clean exceptions
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of attachment {AttachmentId} for patient {NhsNumber} failed; it stays queued on the device")]
    private static partial void LogUploadFailed(ILogger logger, string attachmentId, string nhsNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uploaded attachment {AttachmentId} for patient {NhsNumber}")]
    private static partial void LogUploaded(ILogger logger, string attachmentId, [PrivateData] string nhsNumber);
}

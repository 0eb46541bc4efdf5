namespace PrivacyHoldout97.Healthcare;

/// <summary>Marker type for the attachment endpoints' logger category.</summary>
public sealed class ReferralAttachments;

public interface IReferralDirectory
{
    Task<bool> IsForPatientAsync(string referralId, string nhsNumber, CancellationToken cancellationToken);
}

/// <summary>The referral exists but is for another patient.</summary>
public sealed class ReferralMismatchException(string referralId, string nhsNumber)
    : InvalidOperationException($"Referral {referralId} is not for patient {nhsNumber}")
{
    public string ReferralId { get; } = referralId;
}

/// <summary>
/// GP referrals arrive with attachments: letters, photos of a lesion, scanned results. The referrer's
/// system posts each file against the referral and the patient's NHS number; the file is scanned and
/// stored under the patient's folder of the referrals account.
/// </summary>
public static partial class ReferralAttachmentEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Referrals.Attachments");
    private static readonly Meter Meter = new("Trust.Referrals.Attachments");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("referral.attachment.rejected", "{file}");
    private static readonly Histogram<long> Sizes = Meter.CreateHistogram<long>("referral.attachment.size", "By");
    private static readonly ClindocFilesCounter Files = Meter.CreateClindocFilesCounter();
    private static readonly string[] Accepted = [".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".docx"];

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/referrals/{referralId}/patients/{nhsNumber}/attachments", UploadAsync);

    public static async Task<IResult> UploadAsync(
        string referralId,
        string nhsNumber,
        IFormFile file,
        HttpRequest request,
        BlobServiceClient blobs,
        ClamClient clam,
        IReferralDirectory directory,
        Pseudonymizer pseudonymizer,
        StorageOptions options,
        ILogger<ReferralAttachments> logger,
        CancellationToken cancellationToken)
    {
        using var span = Source.StartClindocUpload("referral-attachment");
        span.SetClindocSubjectId(pseudonymizer.PseudonymizeClindocSubjectId(nhsNumber)); // clean precision-pseudonym
        span.SetClindocContentType(file.ContentType); // clean precision-about
        span.SetClindocSize(file.Length);
        span.Activity?.SetTag("referral.id", referralId); // clean precision-names
        logger.LogInformation("Attachment {FileName} received for referral {ReferralId}", file.FileName, referralId); // leak TC1001 direct
        span.Activity?.SetTag("http.request.header.content_disposition", file.ContentDisposition); // leak TC1001 strings
        Sizes.Record(file.Length, new KeyValuePair<string, object?>("file.content_type", file.ContentType)); // clean precision-about

        if (!await directory.IsForPatientAsync(referralId, nhsNumber, cancellationToken))
        {
            var mismatch = new ReferralMismatchException(referralId, nhsNumber);
            logger.LogWarning(mismatch, "Attachment refused"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, mismatch.Message); // leak TC1001 exceptions
            return Results.NotFound();
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!Accepted.Contains(extension))
        {
            Rejected.Add(1, new KeyValuePair<string, object?>("file.extension", extension)); // clean precision-about
            logger.LogClindocFileRejectedEvent("extension", clindocNote: $"extension '{extension}' is not accepted for referrals"); // clean generated-api
            return Results.BadRequest(new UploadProblem("extension", "Attach a PDF, an image or a Word document."));
        }

        if (file.Length > options.MaxUploadBytes)
        {
            LogTooLarge(logger, file.FileName, file.Length); // clean direct
            return Results.StatusCode(413);
        }

        var attachmentId = "att-" + Guid.NewGuid().ToString("N")[..12];
        var blobName = $"patients/{nhsNumber}/referrals/{referralId}/{attachmentId}{extension}";
        span.SetClindocDocumentId(attachmentId); // clean precision-names
        span.SetClindocBlobName(blobName); // leak TC1001 generated-api
        span.SetClindocContainer(options.UploadsContainer);

        await using var content = file.OpenReadStream();
        var scan = await clam.SendAndScanFileAsync(content, cancellationToken);
        span.SetClindocScanVerdict(scan.Result.ToString().ToLowerInvariant()); // clean precision-about
        if (scan.Result == ClamScanResults.VirusDetected)
        {
            var signature = scan.InfectedFiles?.FirstOrDefault()?.VirusName ?? "unknown";
            logger.LogWarning("clamd flagged attachment {AttachmentId}: {Reply}", attachmentId, scan.RawResult); // clean strings
            logger.LogClindocFileRejectedEvent("infected", attachmentId, "infected", pseudonymizer.PseudonymizeClindocSubjectId(nhsNumber), $"signature {signature}"); // clean generated-api
            Files.Add(1, "referral-attachment", "quarantined", file.ContentType);
            span.Activity?.AddEvent(new ActivityEvent("attachment.quarantined", tags: new ActivityTagsCollection { ["file.name"] = file.FileName, ["malware.signature"] = signature })); // leak TC1001 direct
            return Results.UnprocessableEntity(new UploadProblem("malware", "The file could not be accepted."));
        }

        content.Position = 0;
        var digest = Convert.ToHexString(await SHA256.HashDataAsync(content, cancellationToken));
        span.Activity?.SetTag("file.hash.sha256", digest); // clean hashes
        content.Position = 0;

        var blob = blobs.GetBlobContainerClient(options.UploadsContainer).GetBlobClient(blobName);
        try
        {
            var stored = await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType },
                Metadata = new Dictionary<string, string> { ["referral"] = referralId, ["original_name"] = file.FileName, ["sha256"] = digest },
                Conditions = new BlobRequestConditions { IfNoneMatch = "*" },
            }, cancellationToken);
            logger.LogInformation("Stored referral attachment at {BlobUri}, etag {ETag}", blob.Uri, stored.Value.ETag); // leak TC1001 strings
            span.Activity?.SetTag("blob.etag", stored.Value.ETag);
            logger.LogDebug("Upload result {Result}", stored.Value); // clean logging-objects
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "BlobAlreadyExists")
        {
            logger.LogWarning(ex, "Attachment {AttachmentId} was already stored", attachmentId); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return Results.Conflict();
        }

        Files.Add(1, "referral-attachment", "stored", file.ContentType); // clean generated-api
        span.SetClindocOutcome("stored");
        var origin = request.Headers.TryGetValue("X-Referrer-Ods", out var ods) ? ods : "unknown";
        Activity.Current?.AddBaggage("referral.origin.ods", origin); // clean precision-names
        Activity.Current?.AddBaggage("referral.patient", nhsNumber); // leak TC1001 direct
        return Results.Created($"/referrals/{referralId}/attachments/{attachmentId}", new { attachmentId });
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "Attachment {FileName} is {Length} bytes, over the referral limit")]
    private static partial void LogTooLarge(ILogger logger, [PrivateData] string fileName, long length);
}

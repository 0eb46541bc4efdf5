using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using nClam;
using PrivacyCorpus.Shared;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Healthcare;

public sealed record StoredAttachment(Guid AttachmentId, string BlobName, long Length);

/// <summary>GP practices attach letters and scans to an e-referral before the hospital triages it.</summary>
public static class ReferralAttachmentEndpoints
{
    private static readonly string[] AllowedExtensions = [".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/referrals/{referralId:guid}/attachments", UploadAsync);

    internal static async Task<IResult> UploadAsync(
        Guid referralId,
        IFormFile file,
        [FromForm] string nhsNumber,
        ReferralAttachmentStore store,
        ClamClient clam,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<ReferralAttachmentStore> logger,
        CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        activity?.SetTag("referral.id", referralId);
        activity?.SetTag("upload.extension", extension); // clean precision-about
        activity?.SetTag("upload.original_name", file.FileName); // leak TC1001 direct
        activity?.SetTag("upload.form_field", file.Name); // clean precision-names

        var span = activity.EnrichDocumentUpload("referral-attachment");
        span.SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(nhsNumber)); // clean precision-pseudonym
        span.SetDocumentSize(file.Length).SetDocumentContentType(file.ContentType);

        if (!AllowedExtensions.Contains(extension))
        {
            logger.LogWarning("Rejected attachment {FileName} for referral {ReferralId}: extension not allowed", file.FileName, referralId); // leak TC1001 direct
            span.AddDocumentRejectedEvent($"extension {extension} not allowed", file.ContentType); // clean generated-api
            return Results.BadRequest("Only PDF and image files are accepted.");
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        content.Position = 0;

        var scan = await clam.SendAndScanFileAsync(content, cancellationToken);
        activity?.SetTag("upload.scan.reply", scan.RawResult); // clean precision-about
        if (scan.Result == ClamScanResults.VirusDetected)
        {
            span.SetDocumentScanVerdict(DocumentScanVerdict.Infected);
            activity?.AddEvent(new ActivityEvent("upload.infected", tags: new ActivityTagsCollection { ["scan.signature"] = scan.InfectedFiles?.FirstOrDefault()?.VirusName })); // clean precision-about
            logger.LogError("Infected attachment on referral {ReferralId} for patient {NhsNumber}", referralId, nhsNumber); // leak TC1001 direct
            meter.CreateDocumentUploadsCounter().Add(1, documentKind: "referral-attachment", documentScanVerdict: DocumentScanVerdict.Infected);
            return Results.StatusCode(StatusCodes.UnprocessableEntity);
        }

        var digest = Convert.ToHexString(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        activity?.SetTag("upload.sha256", digest); // clean hashes

        content.Position = 0;
        var stored = await store.SaveAsync(referralId, nhsNumber, extension, content, file.ContentType, cancellationToken);
        activity?.SetTag("upload.blob_name", stored.BlobName); // leak TC1001 cross-member
        activity?.SetTag("upload.container", store.ContainerName); // clean cross-member
        span.SetDocumentId(stored.AttachmentId.ToString("N")).SetDocumentScanVerdict(DocumentScanVerdict.Clean);
        meter.CreateDocumentUploadsCounter().Add(1, documentKind: "referral-attachment", documentContentType: file.ContentType, documentScanVerdict: DocumentScanVerdict.Clean); // clean precision-about

        return Results.Created($"/referrals/{referralId}/attachments/{stored.AttachmentId}", stored);
    }
}

internal static class StatusCodes
{
    public const int UnprocessableEntity = 422;
}

public sealed class ReferralAttachmentStore(BlobServiceClient blobs, ILogger<ReferralAttachmentStore> logger)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient("referral-attachments");

    public string ContainerName => _container.Name;

    public async Task<StoredAttachment> SaveAsync(Guid referralId, string nhsNumber, string extension, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var attachmentId = Guid.NewGuid();

        // One prefix per patient, so that a subject access request can list everything we hold.
        var blobName = $"patients/{nhsNumber}/referrals/{referralId:N}/{attachmentId:N}{extension}";
        var blob = _container.GetBlobClient(blobName);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { ["referral"] = referralId.ToString("N") },
        };

        var response = await blob.UploadAsync(content, options, cancellationToken);
        logger.LogInformation("Stored referral attachment at {BlobUri}", blob.Uri); // leak TC1001 strings
        logger.LogDebug("Upload to container {Container} answered {Status} with ETag {ETag}", _container.Name, response.Status, response.Value.ETag); // clean precision-about
        return new StoredAttachment(attachmentId, blobName, content.Length);
    }
}

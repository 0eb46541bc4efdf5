using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Azure;
using Azure.AI.FormRecognizer.DocumentAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Retail;

public static class UploadActivityExtensions
{
    /// <summary>The shop's one place for the tags every upload span carries.</summary>
    public static Activity? TagUploadedFile(this Activity? activity, string fileName, string contentType, long length)
    {
        activity?.SetTag("upload.file_name", fileName); // leak TC1001 direct
        activity?.SetTag("upload.content_type", contentType); // clean precision-about
        activity?.SetTag("upload.length", length);
        return activity;
    }
}

public sealed record ReturnClaim(Guid ClaimId, string LoyaltyNumber, string OrderNumber);

public static class ReturnTags
{
    public static ActivityTagsCollection For(ReturnClaim claim) => new()
    {
        ["return.claim"] = claim.ClaimId,
        ["return.order"] = claim.OrderNumber,
        ["loyalty.member"] = claim.LoyaltyNumber,
    };
}

/// <summary>Customers claiming a return without the parcel label upload a photo of their till receipt.</summary>
public sealed class ReceiptReturnUploads(
    DocumentAnalysisClient ocr,
    IAmazonS3 s3,
    Pseudonymizer pseudonymizer,
    ILogger<ReceiptReturnUploads> logger)
{
    private const string Bucket = "returns-evidence";

    public async Task<IResult> UploadAsync(ReturnClaim claim, IFormFile receipt, CancellationToken cancellationToken)
    {
        var activity = Activity.Current.TagUploadedFile(receipt.FileName, receipt.ContentType, receipt.Length); // leak TC1001 cross-member
        var span = activity.EnrichDocumentUpload("till-receipt").SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(claim.LoyaltyNumber)); // clean precision-pseudonym
        activity?.SetTag("return.claim", claim.ClaimId);
        activity?.SetTag("return.order", claim.OrderNumber); // clean precision-about

        await using var stream = receipt.OpenReadStream();
        if (stream.Length < 1024)
        {
            throw new InvalidDataException($"Receipt image '{receipt.FileName}' is too small to read"); // leak TC1001 exceptions
        }

        var result = (await ocr.AnalyzeDocumentAsync(WaitUntil.Completed, "prebuilt-receipt", stream, cancellationToken)).Value;
        var fields = result.Documents.FirstOrDefault()?.Fields;
        var printedLoyalty = fields?.GetValueOrDefault("LoyaltyNumber")?.Content;
        var cardDigits = fields?.GetValueOrDefault("CardLastFour")?.Content;
        var storeNumber = fields?.GetValueOrDefault("StoreNumber")?.Content;

        activity?.SetTag("receipt.store", storeNumber); // clean precision-about
        activity?.SetTag("receipt.card_last4", cardDigits); // clean precision-about
        activity?.SetTag("receipt.total", fields?.GetValueOrDefault("Total")?.Content); // clean precision-about
        if (printedLoyalty is not null && printedLoyalty != claim.LoyaltyNumber)
        {
            logger.LogWarning("Receipt shows loyalty card {Printed} but the claim is for {Claimed}", printedLoyalty, claim.LoyaltyNumber); // leak TC1001 direct
            span.AddDocumentRejectedEvent("loyalty card on receipt differs from claim"); // clean precision-about
        }

        // Stored under a generated name, which then replaces the customer's file name on the span.
        var storedName = $"{Guid.NewGuid():N}{Path.GetExtension(receipt.FileName).ToLowerInvariant()}";
        stream.Position = 0;
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = $"claims/{claim.ClaimId:N}/{storedName}", InputStream = stream, ContentType = receipt.ContentType }, cancellationToken);
        Activity.Current.TagUploadedFile(storedName, receipt.ContentType, receipt.Length); // clean cross-member
        logger.LogInformation("Receipt for claim {ClaimId} read with {Confidence:P0} confidence: {Content}", claim.ClaimId, result.Documents.FirstOrDefault()?.Confidence, result.Content); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("return.receipt_uploaded", tags: ReturnTags.For(claim))); // leak TC1001 cross-member
        return Results.Accepted();
    }
}

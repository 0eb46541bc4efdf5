using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.AI.FormRecognizer.DocumentAnalysis;
using Azure.Storage.Blobs;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Transport;

public sealed record FoundItem(Guid ItemId, string Depot, string Category, string RouteCode);

/// <summary>
/// Depot staff photograph found items with the depot's tablet; a wallet or a purse is photographed
/// with the card or licence that names its owner, so the owner can be contacted.
/// </summary>
public sealed class LostPropertyIntake(
    BlobServiceClient blobs,
    DocumentAnalysisClient ocr,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<LostPropertyIntake> logger)
{
    public async Task<IResult> RecordAsync(FoundItem item, IFormFile photo, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(item); // clean logging-objects
        using var span = source.StartDocumentUpload("lost-property-photo").SetDocumentId(item.ItemId.ToString()); // clean precision-about
        span.SetDocumentContentType(photo.ContentType);

        await using var stream = photo.OpenReadStream();
        var directories = ImageMetadataReader.ReadMetadata(stream);
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var subIfd = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();

        // The depot tablets are the operator's and stay in the depot office: their serial and position say
        // which depot took the photo. The tablets stamp the signed-in member of staff as the EXIF artist.
        Activity.Current?.SetTag("photo.device_serial", subIfd?.GetDescription(ExifSubIfdDirectory.TagBodySerialNumber)); // clean precision-about
        Activity.Current?.SetTag("photo.position", gps is null ? null : $"{gps.Latitude:F5},{gps.Longitude:F5}"); // clean precision-about
        Activity.Current?.SetTag("photo.taken_by", ifd0?.GetDescription(ExifIfd0Directory.TagArtist)); // leak TC1001 direct

        stream.Position = 0;
        var blob = blobs.GetBlobContainerClient("lost-property").GetBlobClient($"{item.Depot}/{item.ItemId:N}.jpg");
        await blob.UploadAsync(stream, overwrite: true, cancellationToken);
        Activity.Current?.SetTag("photo.blob", blob.Name); // clean precision-about

        if (item.Category is "wallet" or "purse" or "card")
        {
            stream.Position = 0;
            var read = (await ocr.AnalyzeDocumentAsync(WaitUntil.Completed, "prebuilt-idDocument", stream, cancellationToken)).Value;
            var fields = read.Documents.FirstOrDefault()?.Fields;
            var ownerName = $"{fields?.GetValueOrDefault("FirstName")?.Content} {fields?.GetValueOrDefault("LastName")?.Content}".Trim();
            if (ownerName.Length > 0)
            {
                span.SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(ownerName)); // clean precision-pseudonym
                logger.LogInformation("Found item {ItemId} on route {Route} may belong to {Owner}", item.ItemId, item.RouteCode, ownerName); // leak TC1001 direct
                span.SetDocumentNote($"owner identified from {read.Documents[0].DocumentType}"); // clean precision-about
            }

            logger.LogDebug("Identity document fields read: {Fields}", fields?.ToDictionary(f => f.Key, f => f.Value.Content)); // leak TC1001 logging-objects
            logger.LogDebug("Identity document fields read: {FieldNames}", fields?.Keys.ToList()); // clean precision-names
            Activity.Current?.SetTag(DocumentAttributes.OwnerContact, pseudonymizer.ComputeDocumentOwnerId(ownerName)); // leak TC1001 generated-api
        }

        return Results.Created($"/lost-property/{item.ItemId}", null);
    }
}

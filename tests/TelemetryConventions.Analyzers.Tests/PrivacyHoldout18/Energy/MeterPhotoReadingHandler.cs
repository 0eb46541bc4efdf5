using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.AI.FormRecognizer.DocumentAnalysis;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Energy;

/// <summary>Customers send a photo of their meter from the app; the register and the serial are read from it.</summary>
public sealed class MeterPhotoReadingHandler(
    DocumentAnalysisClient ocr,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<MeterPhotoReadingHandler> logger)
{
    public async Task<IResult> HandleAsync(string accountNumber, IFormFile photo, CancellationToken cancellationToken)
    {
        using var span = source.StartDocumentUpload("meter-photo").SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(accountNumber)); // clean precision-pseudonym
        span.SetDocumentContentType(photo.ContentType).SetDocumentSize(photo.Length);

        await using var stream = photo.OpenReadStream();
        var directories = ImageMetadataReader.ReadMetadata(stream);
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var subIfd = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var location = directories.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();

        span.SetDocumentNote($"{ifd0?.GetDescription(ExifIfd0Directory.TagMake)} {ifd0?.GetDescription(ExifIfd0Directory.TagModel)}"); // clean precision-about
        Activity.Current?.SetTag("photo.taken", subIfd?.GetDescription(ExifSubIfdDirectory.TagDateTimeOriginal)); // clean precision-about
        Activity.Current?.SetTag("photo.camera_owner", subIfd?.GetDescription(ExifSubIfdDirectory.TagCameraOwnerName)); // leak TC1001 direct
        if (location is not null)
        {
            Activity.Current?.SetTag("photo.location", $"{location.Latitude:F6},{location.Longitude:F6}"); // leak TC1001 direct
            Activity.Current?.SetTag("photo.region", $"{Math.Round(location.Latitude, 1)},{Math.Round(location.Longitude, 1)}"); // clean precision-about
        }

        logger.LogDebug("EXIF of meter photo: {Tags}", directories.SelectMany(d => d.Tags).Select(t => $"{t.Name}={t.Description}")); // leak TC1001 logging-objects
        logger.LogDebug("Meter photo has {TagCount} EXIF tags in {Directories}", directories.Sum(d => d.Tags.Count), directories.Select(d => d.Name)); // clean precision-names

        stream.Position = 0;
        var result = (await ocr.AnalyzeDocumentAsync(WaitUntil.Completed, "meter-register-v2", stream, cancellationToken)).Value;
        var fields = result.Documents.FirstOrDefault()?.Fields;
        var serial = fields?.GetValueOrDefault("MeterSerial")?.Content;
        var register = fields?.GetValueOrDefault("Register")?.Content;
        if (serial is null || register is null)
        {
            span.AddDocumentRejectedEvent("register or serial unreadable", photo.ContentType); // clean precision-about
            logger.LogInformation("Unreadable meter photo; recognised text {Lines}", result.Pages.SelectMany(p => p.Lines).Select(l => l.Content).ToList()); // leak TC1001 logging-objects
            return Results.BadRequest("We could not read your meter. Please try another photo.");
        }

        Activity.Current?.SetTag("meter.serial", serial); // leak TC1001 direct
        Activity.Current?.SetTag("meter.model", serial[..Math.Min(3, serial.Length)]); // clean precision-about
        Activity.Current?.SetTag("meter.register", register); // clean precision-about
        return Results.Accepted(value: new { register });
    }
}

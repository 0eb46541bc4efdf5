namespace PrivacyHoldout126.Energy;

/// <summary>A photo of the installed meter or heat pump the household attaches to its review.</summary>
public sealed record InstallPhoto(string JobNumber, string MeterSerial, string AccountNumber, string FileName, Stream Content);

[ApiController]
[Route("api/jobs/{jobNumber}/photos")]
public sealed class MeterPhotoUploadController(IMediaStore store, ContentSafetyClient safety, TelemetrySecrets secrets, ILogger<MeterPhotoUploadController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Energy.ReviewPhotos");

    [HttpPost("")]
    public async Task<ActionResult> Upload([FromBody] InstallPhoto photo)
    {
        var photoId = Guid.NewGuid().ToString("N");
        using var span = Source.StartInstallrevSubmit(photoId).SetInstallrevMediaCount(1); // clean generated-api
        var blobName = $"review-photos/{photo.JobNumber}/{photoId}.jpg";
        span.Activity?.SetTag("installrev.blob", blobName); // clean precision-names
        span.Activity?.SetTag("installrev.meter.model", photo.MeterSerial[..3]); // clean precision-about
        logger.LogInformation("Photo for meter {Serial} on job {Job}", photo.MeterSerial, photo.JobNumber); // leak TC1001 direct

        var stored = await store.UploadAsync(blobName, photo.Content, "image/jpeg", photo.FileName);
        var exif = await store.ReadExifAsync(stored.BlobName);
        if (exif is not null)
        {
            span.Activity?.SetTag("installrev.exif.camera", $"{exif.Make} {exif.Model}"); // clean precision-about
            span.Activity?.SetTag("installrev.exif.has_gps", exif.GpsLatitude is not null); // clean precision-about
            logger.LogDebug("Photo taken at {Lat},{Lon}", exif.GpsLatitude, exif.GpsLongitude); // leak TC1001 direct
            logger.LogDebug("EXIF {Exif}", exif); // leak TC1001 logging-objects
            span.Activity?.SetTag("installrev.exif.area", $"{Math.Round(exif.GpsLatitude ?? 0, 1)},{Math.Round(exif.GpsLongitude ?? 0, 1)}"); // clean precision-about
            await store.StripExifAsync(stored.BlobName);
        }

        var phash = await store.HashAsync(stored.BlobName);
        span.Activity?.SetTag("installrev.phash", phash.ToString()); // clean hashes
        var serialHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(photo.MeterSerial)))[..16];
        logger.LogInformation("Photo meter fingerprint {Fingerprint}", serialHash); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(photo.MeterSerial))[0] & 0x0F;
        span.Activity?.SetTag("installrev.shard", shard); // clean hashes

        try
        {
            var analysis = await safety.AnalyzeImageAsync(new Uri($"https://photos.example-energy.co.uk/{stored.BlobName}"));
            span.SetInstallrevOutcome(analysis.CategoriesAnalysis.Any(c => c.Severity >= 4) ? "held" : "stored"); // clean generated-api
        }
        catch (RequestFailedException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.ErrorCode); // clean exceptions
            logger.LogWarning(ex, "Image analysis failed with {Status}", ex.Status); // clean exceptions
        }

        logger.LogInformation("Stored {Original} as {Blob}", stored.OriginalFileName, stored.BlobName); // leak TC1001 cross-member
        return Ok(photoId);
    }
}

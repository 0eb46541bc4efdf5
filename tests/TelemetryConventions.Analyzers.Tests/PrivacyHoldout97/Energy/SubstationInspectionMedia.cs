namespace PrivacyHoldout97.Energy;

/// <summary>
/// A photo or video an inspector's drone or tablet took at a substation (<c>LocalPath</c>: the field app's
/// upload in the landing folder, named by capture id). The tablets are the company's; their camera app stamps
/// the signed-in inspector's name as the EXIF artist.
/// </summary>
public sealed record InspectionCapture(string CaptureId, string SubstationId, string InspectorStaffId, string InspectorEmail, string LocalPath, string Kind);

/// <summary>
/// Field inspections of substations: drone videos and tablet photos of the site are stored by
/// substation and capture, videos are transcoded to a review proxy, and photos get a thumbnail for the
/// asset register.
/// </summary>
public sealed class SubstationInspectionMedia(
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<SubstationInspectionMedia> logger)
{
    private static readonly ActivitySource Source = new("Energy.Assets.Inspections");
    private static readonly Meter Meter = new("Energy.Assets.Inspections");
    private static readonly MeterdocProcessingDurationHistogram Processing = Meter.CreateMeterdocProcessingDurationHistogram();
    private static readonly Counter<long> CapturesByInspector = Meter.CreateCounter<long>("inspections.captures", "{capture}");
    private static readonly TranscodeProfile ReviewProxy = new("proxy-540p", 540, 1200, 64);

    public async Task StoreAsync(InspectionCapture capture, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartMeterdocUpload(capture.Kind);
        span.SetMeterdocSubstation(capture.SubstationId);
        span.SetMeterdocDocumentId(capture.CaptureId);
        span.SetMeterdocUploaderId(pseudonymizer.PseudonymizeMeterdocUploaderId(capture.InspectorStaffId)); // clean precision-pseudonym
        CapturesByInspector.Add(1, new KeyValuePair<string, object?>("inspector", capture.InspectorStaffId)); // leak TC1003 direct
        CapturesByInspector.Add(1, new KeyValuePair<string, object?>("substation", capture.SubstationId)); // clean precision-names

        var blobName = $"substations/{capture.SubstationId}/{DateTime.UtcNow:yyyy-MM-dd}/{capture.CaptureId}{Path.GetExtension(capture.LocalPath)}";
        await using var file = File.OpenRead(capture.LocalPath);
        await blobs.GetBlobContainerClient("inspections").GetBlobClient(blobName).UploadAsync(file, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["substation"] = capture.SubstationId, ["uploaded_by"] = capture.InspectorEmail },
        }, cancellationToken);
        span.SetMeterdocBlobName(blobName); // clean generated-api
        logger.LogInformation("Stored capture {CaptureId} of {Substation} uploaded by {Inspector}", capture.CaptureId, capture.SubstationId, capture.InspectorEmail); // leak TC1001 cross-member

        if (capture.Kind == "drone-video")
        {
            var probe = await FFProbe.AnalyseAsync(capture.LocalPath, cancellationToken);
            // The drone writes the site's position (ISO 6709) and the flight's id into the container's tags.
            probe.Format.Tags.TryGetValue("location", out var location);
            span.Activity?.SetTag("video.location", location); // clean precision-about
            span.Activity?.SetTag("video.tags", string.Join(", ", probe.Format.Tags.Select(t => $"{t.Key}={t.Value}"))); // clean strings
            var proxy = Path.Combine(options.WorkingDirectory, "inspections", capture.CaptureId, "proxy.mp4");
            try
            {
                await FFMpegArguments.FromFileInput(capture.LocalPath).OutputToFile(proxy, overwrite: true, ReviewProxy).ProcessAsynchronously();
                Processing.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, capture.Kind, ReviewProxy.Name); // clean generated-api
            }
            catch (FFMpegException ex)
            {
                logger.LogError(ex, "Review proxy of capture {CaptureId} failed", capture.CaptureId); // clean exceptions
                span.RecordException(ex, "proxy transcode failed", includeMessage: true); // clean exceptions
            }
        }
        else
        {
            await using var input = File.OpenRead(capture.LocalPath);
            var info = await Image.IdentifyAsync(input, cancellationToken);
            string? tablet = null, artist = null;
            info.Metadata.ExifProfile?.TryGetValue(ExifTag.BodySerialNumber, out tablet);
            info.Metadata.ExifProfile?.TryGetValue(ExifTag.Artist, out artist);
            span.Activity?.SetTag("photo.tablet_serial", tablet); // clean precision-names
            logger.LogDebug("Capture {CaptureId} stamped by {Artist}", capture.CaptureId, artist); // leak TC1001 direct
            Processing.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, capture.Kind, "thumb-320");
        }

        logger.LogDebug("Capture done: {Capture}", capture); // leak TC1001 logging-objects
    }
}

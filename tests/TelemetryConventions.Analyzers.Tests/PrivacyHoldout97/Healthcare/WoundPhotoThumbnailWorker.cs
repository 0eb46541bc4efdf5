namespace PrivacyHoldout97.Healthcare;

/// <summary>A wound photo the ward tablets' photo app uploaded to the patient's folder (<c>BlobName</c>: <c>wounds/{hospitalNumber}/{photoId}.jpg</c>).</summary>
public sealed record WoundPhotoUploaded(string PhotoId, string HospitalNumber, string Ward, string BlobName, string TakenByStaffId, DateTimeOffset TakenAt);

/// <summary>
/// Makes the thumbnails the EPR's wound chart shows: a 256-pixel and a 1024-pixel WebP of every
/// photo, with the EXIF block stripped, written to the derived container under the photo's id. The
/// ward tablets belong to the trust; their photo app stamps the clinician's name as the EXIF artist and
/// the patient's hospital number as the image description.
/// </summary>
public sealed class WoundPhotoThumbnailWorker(
    IQueueReceiver<WoundPhotoUploaded> queue,
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<WoundPhotoThumbnailWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Epr.WoundPhotos");
    private static readonly Meter Meter = new("Trust.Epr.WoundPhotos");
    private static readonly ClindocThumbnailDurationHistogram Duration = Meter.CreateClindocThumbnailDurationHistogram();
    private static readonly Counter<long> PhotosByClinician = Meter.CreateCounter<long>("wound.photos.processed", "{photo}");
    private static readonly int[] Edges = [256, 1024];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var photo = await queue.ReceiveAsync(stoppingToken);
            if (photo is null)
            {
                continue;
            }
            using var span = Source.StartClindocProcess("wound-photo");
            span.SetClindocDocumentId(photo.PhotoId);
            span.SetClindocBlobName(photo.BlobName); // leak TC1001 cross-member
            span.SetClindocSubjectId(pseudonymizer.PseudonymizeClindocSubjectId(photo.HospitalNumber)); // clean precision-pseudonym
            logger.LogDebug("Thumbnailing {@Photo}", photo); // leak TC1001 logging-objects
            try
            {
                await ThumbnailAsync(photo, span, stoppingToken);
                PhotosByClinician.Add(1, new KeyValuePair<string, object?>("clinician", pseudonymizer.ComputeClindocUploaderId(photo.TakenByStaffId))); // leak TC1003 precision-pseudonym
            }
            catch (UnknownImageFormatException ex)
            {
                logger.LogWarning(ex, "Photo {PhotoId} on ward {Ward} is not an image", photo.PhotoId, photo.Ward); // clean exceptions
                span.RecordException(ex, "not an image", includeMessage: true); // clean exceptions
            }
            catch (IOException ex)
            {
                logger.LogError(ex, "Could not stage photo {PhotoId}", photo.PhotoId); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, "staging failed"); // clean exceptions
            }
        }
    }

    private async Task ThumbnailAsync(WoundPhotoUploaded photo, ClindocProcessSpan span, CancellationToken cancellationToken)
    {
        // The decoder wants a seekable file; photos are staged under the patient's number so the nightly cleaner can find them.
        var staged = Path.Combine(options.WorkingDirectory, $"{photo.HospitalNumber}_{photo.PhotoId}.jpg");
        var source = blobs.GetBlobContainerClient(options.UploadsContainer).GetBlobClient(photo.BlobName);
        await using (var file = File.Create(staged))
        {
            await (await source.OpenReadAsync(cancellationToken)).Value.CopyToAsync(file, cancellationToken);
        }

        await using var input = File.OpenRead(staged);
        var info = await Image.IdentifyAsync(input, cancellationToken);
        span.Activity?.SetTag("image.width", info.Width);
        span.Activity?.SetTag("image.format", info.Metadata.DecodedImageFormat); // clean precision-about
        var exif = info.Metadata.ExifProfile;
        if (exif is not null)
        {
            exif.TryGetValue<string>(ExifTag.Make, out var make);
            exif.TryGetValue<string>(ExifTag.Model, out var model);
            exif.TryGetValue<string>(ExifTag.BodySerialNumber, out var tabletSerial);
            exif.TryGetValue<string>(ExifTag.Artist, out var artist);
            exif.TryGetValue<string>(ExifTag.ImageDescription, out var description);
            span.Activity?.SetTag("exif.camera", $"{make} {model}"); // clean precision-about
            span.Activity?.SetTag("exif.body_serial", tabletSerial); // clean precision-names
            logger.LogInformation("Photo {PhotoId} taken by {Artist}", photo.PhotoId, artist); // leak TC1001 direct
            span.SetClindocNote($"app description: {description}"); // leak TC1001 generated-api
            logger.LogDebug("EXIF of {PhotoId}: {Exif}", photo.PhotoId, string.Join("; ", exif.Values)); // leak TC1001 strings
            logger.LogDebug("Photo {PhotoId} carries {TagCount} EXIF tags", photo.PhotoId, exif.Values.Count); // clean precision-about
        }

        input.Position = 0;
        using var image = await Image.LoadAsync(input, cancellationToken);
        image.StripMetadata();
        foreach (var edge in Edges)
        {
            var started = Stopwatch.GetTimestamp();
            var rendition = $"thumb-{edge}";
            var thumbName = $"wounds/{photo.PhotoId}/{edge}.webp";
            image.ResizeToFit(edge);
            using var buffer = new MemoryStream();
            await image.SaveAsWebpAsync(buffer, 80, cancellationToken);
            buffer.Position = 0;
            await blobs.GetBlobContainerClient(options.DerivedContainer).GetBlobClient(thumbName)
                .UploadAsync(buffer, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/webp", CacheControl = "private, max-age=3600" } }, cancellationToken);
            span.SetClindocRendition(rendition);
            span.SetClindocBlobName(thumbName); // clean generated-api
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "wound-photo", rendition);
        }

        File.Delete(staged);
        logger.LogInformation("Thumbnails of photo {PhotoId} ready; staged copy {Staged} removed", photo.PhotoId, staged); // leak TC1001 strings
    }
}

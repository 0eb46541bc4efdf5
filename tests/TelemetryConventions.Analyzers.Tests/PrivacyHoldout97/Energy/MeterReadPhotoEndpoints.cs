namespace PrivacyHoldout97.Energy;

/// <summary>Marker type for the read photo endpoints' logger category.</summary>
public sealed class MeterReadPhotos;

/// <summary>What the meter photo reader recognised on the photo: the meter's serial and the register.</summary>
public sealed record MeterPhotoRecognition(string MeterSerial, decimal Register, double Confidence);

public interface IMeterPhotoReader
{
    Task<MeterPhotoRecognition> ReadAsync(Stream photo, CancellationToken cancellationToken);
}

public interface IReadsLedger
{
    Task<string> SubmitAsync(string accountNumber, string meterSerial, decimal register, string photoBlob, CancellationToken cancellationToken);

    Task<string?> MeterOnAccountAsync(string accountNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Customers submit a meter reading from the app with a photo of the meter. The photo is read to
/// check the serial and register, kept with the read for disputes, and a small copy is made for the
/// agents' screen.
/// </summary>
public static class MeterReadPhotoEndpoints
{
    private static readonly ActivitySource Source = new("Energy.Reads.Photos");
    private static readonly Meter Meter = new("Energy.Reads.Photos");
    private static readonly MeterdocFilesCounter Files = Meter.CreateMeterdocFilesCounter();
    private static readonly Counter<long> Mismatches = Meter.CreateCounter<long>("reads.photo.serial_mismatch", "{read}");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/accounts/{accountNumber}/reads/photo", SubmitAsync);

    public static async Task<IResult> SubmitAsync(
        string accountNumber,
        IFormFile photo,
        IMeterPhotoReader reader,
        IReadsLedger ledger,
        BlobServiceClient blobs,
        Pseudonymizer pseudonymizer,
        ILogger<MeterReadPhotos> logger,
        CancellationToken cancellationToken)
    {
        using var span = Source.StartMeterdocUpload("meter-read-photo");
        span.SetMeterdocSubjectId(pseudonymizer.PseudonymizeMeterdocSubjectId(accountNumber)); // clean precision-pseudonym
        // Half of the accounts get the new photo reader; the split is by account.
        var cohort = Math.Abs(accountNumber.GetHashCode()) % 2 == 0 ? "reader-v2" : "reader-v1";
        span.Activity?.SetTag("photo.reader_cohort", cohort); // clean hashes
        span.Activity?.SetTag("photo.account_bucket", Math.Abs(accountNumber.GetHashCode()) % 100); // leak TC1002 hashes
        span.SetMeterdocContentType(photo.ContentType); // clean precision-about
        logger.LogInformation("Read photo {FileName} ({Length} bytes) from the app", photo.FileName, photo.Length); // leak TC1001 direct
        span.Activity?.SetTag("photo.form_field", photo.Name); // clean precision-names

        await using var content = photo.OpenReadStream();
        var info = await Image.IdentifyAsync(content, cancellationToken);
        span.Activity?.SetTag("photo.megapixels", Math.Round(info.Width * (double)info.Height / 1_000_000, 1));
        if (info.Metadata.ExifProfile?.GetGpsPosition() is { } position)
        {
            // The photo is taken at the meter, in the customer's home.
            span.Activity?.SetTag("photo.gps", $"{position.Latitude:F6},{position.Longitude:F6}"); // leak TC1001 strings
            span.Activity?.SetTag("photo.gps_region", $"{Math.Round(position.Latitude, 1)},{Math.Round(position.Longitude, 1)}"); // clean precision-about
        }

        content.Position = 0;
        var recognised = await reader.ReadAsync(content, cancellationToken);
        span.Activity?.SetTag("photo.confidence", recognised.Confidence);
        span.Activity?.SetTag("photo.register", recognised.Register); // clean precision-about
        span.Activity?.SetTag("photo.meter_model", recognised.MeterSerial[..3]); // clean precision-about
        logger.LogDebug("Recognised {Recognition}", recognised); // leak TC1001 logging-objects

        var expected = await ledger.MeterOnAccountAsync(accountNumber, cancellationToken);
        if (!string.Equals(expected, recognised.MeterSerial, StringComparison.OrdinalIgnoreCase))
        {
            Mismatches.Add(1);
            logger.LogWarning("Photo shows meter {Seen}, account has {Expected}", recognised.MeterSerial, expected); // leak TC1001 direct
            logger.LogMeterdocFileRejectedEvent("serial-mismatch", meterdocNote: $"seen {recognised.MeterSerial[..3]}…, expected {expected?[..3]}…"); // clean generated-api
            return Results.UnprocessableEntity(new UploadProblem("serial", "The photo shows a different meter."));
        }

        var readBlob = $"reads/{accountNumber}/{DateTime.UtcNow:yyyyMMddHHmmss}{Path.GetExtension(photo.FileName)}";
        content.Position = 0;
        await blobs.GetBlobContainerClient("meter-reads").GetBlobClient(readBlob).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = photo.ContentType },
            AccessTier = AccessTier.Cool,
        }, cancellationToken);
        var readId = await ledger.SubmitAsync(accountNumber, recognised.MeterSerial, recognised.Register, readBlob, cancellationToken);

        span.SetMeterdocDocumentId(readId); // clean precision-names
        span.SetMeterdocBlobName(readBlob); // leak TC1001 generated-api
        span.SetMeterdocContainer("meter-reads");
        Files.Add(1, "meter-read-photo", "stored", photo.ContentType);

        // The agents' screen shows a 320-pixel copy without EXIF, named by the read.
        content.Position = 0;
        using var image = await Image.LoadAsync(content, cancellationToken);
        image.StripMetadata();
        image.ResizeToFit(320);
        using var small = new MemoryStream();
        await image.SaveAsJpegAsync(small, 70, cancellationToken);
        small.Position = 0;
        var thumb = $"agent-view/{readId}.jpg";
        await blobs.GetBlobContainerClient("meter-reads").GetBlobClient(thumb).UploadAsync(small, new BlobUploadOptions(), cancellationToken);
        logger.LogInformation("Read {ReadId} stored with agent copy {Thumb}", readId, thumb); // clean strings
        Activity.Current?.AddBaggage("energy.read_id", readId); // clean precision-names
        Activity.Current?.AddBaggage("energy.meter_serial", recognised.MeterSerial); // leak TC1001 cross-member
        return Results.Created($"/accounts/{accountNumber}/reads/{readId}", new { readId });
    }
}

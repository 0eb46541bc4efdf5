namespace PrivacyHoldout97.Retail;

/// <summary>A product photo from the studio or a supplier's portal.</summary>
public sealed record ProductPhoto(string Sku, int Position, string SupplierId, string UploadedBy, string LocalPath);

/// <summary>
/// Product imagery: photos from the in-house studio and from suppliers' portals are stored by SKU,
/// cut into the sizes the site and the app use, and the CDN is purged for the product. The studio's
/// cameras stamp the photographer's name as the EXIF artist and the company as the copyright holder;
/// <c>UploadedBy</c> is the staff number of the colleague or the supplier portal user's email.
/// </summary>
public sealed class ProductImagePipeline(
    BlobServiceClient blobs,
    ICdnPurger cdn,
    Pseudonymizer pseudonymizer,
    ILogger<ProductImagePipeline> logger)
{
    private static readonly ActivitySource Source = new("Retail.Catalogue.Images");
    private static readonly Meter Meter = new("Retail.Catalogue.Images");
    private static readonly StorefileResizeDurationHistogram Resize = Meter.CreateStorefileResizeDurationHistogram();
    private static readonly StorefileFilesCounter Files = Meter.CreateStorefileFilesCounter();
    private static readonly Counter<long> PhotosBySupplier = Meter.CreateCounter<long>("catalogue.photos", "{photo}");
    private static readonly (string Name, int Edge)[] Renditions = [("pdp-1200", 1200), ("plp-480", 480), ("cart-120", 120)];

    public async Task PublishAsync(ProductPhoto photo, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorefileUpload("product-image");
        span.SetStorefileSku(photo.Sku);
        span.SetStorefileDocumentId($"img-{photo.Sku}-{photo.Position}");
        span.SetStorefileUploaderId(pseudonymizer.PseudonymizeStorefileUploaderId(photo.UploadedBy)); // clean precision-pseudonym
        span.Activity?.SetTag("catalogue.supplier", photo.SupplierId); // clean precision-names
        PhotosBySupplier.Add(1, new KeyValuePair<string, object?>("supplier", photo.SupplierId)); // clean precision-names
        logger.LogInformation("Photo {Position} of {Sku} uploaded by {UploadedBy}", photo.Position, photo.Sku, photo.UploadedBy); // leak TC1001 cross-member

        await using var input = File.OpenRead(photo.LocalPath);
        var info = await Image.IdentifyAsync(input, cancellationToken);
        string? artist = null, copyright = null;
        info.Metadata.ExifProfile?.TryGetValue(ExifTag.Artist, out artist);
        info.Metadata.ExifProfile?.TryGetValue(ExifTag.Copyright, out copyright);
        span.Activity?.SetTag("image.copyright", copyright); // clean precision-names
        span.Activity?.SetTag("image.photographer", artist); // leak TC1001 direct
        span.Activity?.SetTag("image.source_size", $"{info.Width}x{info.Height}"); // clean precision-about

        input.Position = 0;
        var digest = Convert.ToHexString(SHA1.HashData(input));
        span.Activity?.SetTag("image.sha1", digest); // clean hashes
        input.Position = 0;
        using var image = await Image.LoadAsync(input, cancellationToken);
        image.StripMetadata();
        var container = blobs.GetBlobContainerClient("catalogue");
        var paths = new List<string>();
        foreach (var (name, edge) in Renditions)
        {
            var started = Stopwatch.GetTimestamp();
            image.ResizeToFit(edge);
            using var output = new MemoryStream();
            await image.SaveAsWebpAsync(output, 82, cancellationToken);
            output.Position = 0;
            var blob = container.GetBlobClient($"products/{photo.Sku}/{photo.Position}/{name}.webp");
            await blob.UploadAsync(output, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/webp", CacheControl = "public, max-age=604800" } }, cancellationToken);
            paths.Add("/" + blob.Name);
            Resize.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "product-image", name); // clean generated-api
        }

        var purge = await cdn.PurgeAsync(paths, cancellationToken);
        logger.LogInformation("Purged {Paths} ({PurgeId})", paths, purge); // clean logging-objects
        span.SetStorefileBlobName($"products/{photo.Sku}/{photo.Position}"); // clean generated-api
        Files.Add(1, "product-image", "published", "image/webp");
    }
}

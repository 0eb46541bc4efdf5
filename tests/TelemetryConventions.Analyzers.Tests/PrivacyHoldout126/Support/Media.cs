namespace ReviewKit.Media;

// Photo and video uploads attached to reviews, answers and items: the stored object, the EXIF the
// camera wrote, a perceptual hash for near-duplicate detection, and the uploader (storage is not telemetry).

/// <summary>A stored upload. <c>OriginalFileName</c> is the name on the author's device. Prints its members.</summary>
public sealed record StoredMedia(string MediaId, string BlobName, string ContentType, long Length, string? OriginalFileName);

/// <summary>The EXIF a camera or phone wrote. Prints its members.</summary>
public sealed record ExifSummary(string? Make, string? Model, double? GpsLatitude, double? GpsLongitude, DateTimeOffset? TakenAt, int Width, int Height)
{
    public string? Artist { get; init; }

    public string? Software { get; init; }
}

/// <summary>A 64-bit perceptual hash of an image and the distance to the nearest known one.</summary>
public sealed record PerceptualHash(ulong Value, int NearestDistance)
{
    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}

public interface IMediaStore
{
    Task<StoredMedia> UploadAsync(string blobName, Stream content, string contentType, string? originalFileName, CancellationToken cancellationToken = default);

    Task DeleteAsync(string blobName, CancellationToken cancellationToken = default);

    Task<ExifSummary?> ReadExifAsync(string blobName, CancellationToken cancellationToken = default);

    Task<PerceptualHash> HashAsync(string blobName, CancellationToken cancellationToken = default);

    Task StripExifAsync(string blobName, CancellationToken cancellationToken = default);
}

/// <summary>Refused by the upload pipeline: quotes the blob name and the rule broken.</summary>
public sealed class MediaRejectedException(string blobName, string rule) : Exception($"Upload {blobName} rejected: {rule}")
{
    public string BlobName { get; } = blobName;

    public string Rule { get; } = rule;
}

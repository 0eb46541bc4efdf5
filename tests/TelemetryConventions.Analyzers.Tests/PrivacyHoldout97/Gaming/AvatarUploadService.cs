namespace PrivacyHoldout97.Gaming;

/// <summary>The player uploading, as the session resolves them.</summary>
public sealed record PlayerSession(Guid PlayerId, string Gamertag, string Email, string Platform);

/// <summary>What the image moderation model said.</summary>
public sealed record ModerationVerdict(string Label, double Score, bool Allowed);

public interface IImageModerator
{
    Task<ModerationVerdict> ClassifyAsync(Stream image, CancellationToken cancellationToken);
}

/// <summary>
/// Custom avatars: the player uploads a picture, the moderation model checks it, and the service
/// stores the original and two WebP sizes under the player's folder of the CDN origin, then purges
/// the old sizes from the CDN.
/// </summary>
public sealed class AvatarUploadService(
    BlobServiceClient blobs,
    IImageModerator moderator,
    ICdnPurger cdn,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<AvatarUploadService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Avatars");
    private static readonly Meter Meter = new("Studio.Avatars");
    private static readonly UgcfileFilesCounter Files = Meter.CreateUgcfileFilesCounter();
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("avatars.refused", "{avatar}");
    private static readonly int[] Sizes = [64, 256];

    public async Task<string?> UploadAsync(PlayerSession player, IFormFile picture, CancellationToken cancellationToken)
    {
        using var span = Source.StartUgcfileUpload("avatar");
        span.SetUgcfileSubjectId(pseudonymizer.PseudonymizeUgcfileSubjectId(player.PlayerId.ToString())); // clean precision-pseudonym
        span.SetUgcfileContentType(picture.ContentType); // clean precision-about
        span.SetUgcfileSize(picture.Length);
        span.Activity?.SetTag("player.platform", player.Platform); // clean precision-names
        logger.LogInformation("Avatar upload from {Gamertag}", player.Gamertag); // leak TC1001 direct
        logger.LogDebug("Session {@Player}", player); // leak TC1001 logging-objects

        await using var content = picture.OpenReadStream();
        ImageInfo info;
        try
        {
            info = await Image.IdentifyAsync(content, cancellationToken);
        }
        catch (UnknownImageFormatException ex)
        {
            logger.LogInformation(ex, "Avatar is not an image ({ContentType})", picture.ContentType); // clean exceptions
            return null;
        }
        span.Activity?.SetTag("avatar.dimensions", $"{info.Width}x{info.Height}"); // clean precision-about

        content.Position = 0;
        var verdict = await moderator.ClassifyAsync(content, cancellationToken);
        span.SetUgcfileModerationLabel(verdict.Label);
        if (!verdict.Allowed)
        {
            Refusals.Add(1, new KeyValuePair<string, object?>("moderation.label", verdict.Label)); // clean precision-names
            Refusals.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeUgcfileSubjectId(player.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
            logger.LogUgcfileFileRejectedEvent("moderated", ugcfileScanVerdict: verdict.Label, ugcfileSubjectId: pseudonymizer.PseudonymizeUgcfileSubjectId(player.PlayerId.ToString()), ugcfileNote: $"{verdict.Label} {verdict.Score:0.00}"); // clean generated-api
            logger.LogUgcfileFileRejectedEvent("moderated", ugcfileNote: $"{player.Gamertag}: {verdict.Label}"); // leak TC1001 generated-api
            span.SetStatus(ActivityStatusCode.Error, $"avatar of {player.Gamertag} refused"); // leak TC1001 strings
            return null;
        }

        var folder = $"avatars/{player.PlayerId:N}";
        var container = blobs.GetBlobContainerClient("cdn-origin");
        content.Position = 0;
        var digest = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
        span.Activity?.SetTag("avatar.sha256", digest); // clean hashes
        content.Position = 0;
        await container.GetBlobClient($"{folder}/original{Path.GetExtension(picture.FileName)}").UploadAsync(content, new BlobUploadOptions(), cancellationToken);

        content.Position = 0;
        using var image = await Image.LoadAsync(content, cancellationToken);
        image.StripMetadata();
        var paths = new List<string>();
        foreach (var size in Sizes)
        {
            image.ResizeToFit(size);
            using var webp = new MemoryStream();
            await image.SaveAsWebpAsync(webp, 85, cancellationToken);
            webp.Position = 0;
            var blob = container.GetBlobClient($"{folder}/{size}.webp");
            await blob.UploadAsync(webp, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/webp", CacheControl = "public, max-age=86400" } }, cancellationToken);
            paths.Add("/" + blob.Name);
            span.Activity?.SetTag(UgcfileAttributes.Rendition, $"avatar-{size}"); // clean precision-names
        }

        span.SetUgcfileBlobName(folder); // leak TC1001 generated-api
        var purge = await cdn.PurgeAsync(paths, cancellationToken);
        logger.LogInformation("Purge {PurgeId} of {Paths}", purge, paths); // leak TC1001 logging-objects
        span.Activity?.SetTag("cdn.purge_id", purge); // clean precision-names
        span.Activity?.SetTag("cdn.purged_paths", paths.Count);
        var avatarUrl = $"{options.CdnBaseUrl}/{folder}/256.webp?v={digest[..8]}";
        span.Activity?.SetTag("avatar.url", avatarUrl); // leak TC1001 strings
        Files.Add(1, "avatar", "stored", picture.ContentType);
        return avatarUrl;
    }
}

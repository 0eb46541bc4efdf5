namespace PrivacyHoldout97.Media;

/// <summary>A subscriber's device asking to download a title for offline viewing.</summary>
public sealed record OfflineDownloadRequest(Guid SubscriberId, string DeviceId, string DeviceClass, string TitleId, string Rendition, string Country);

/// <summary>
/// Offline downloads: each device gets signed CDN URLs to the title's download rendition, valid for
/// the licence window, and the number of devices with downloads is limited per subscription.
/// </summary>
public sealed class OfflineDownloadLinks(
    RSA cdnSigningKey,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<OfflineDownloadLinks> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Downloads");
    private static readonly Meter Meter = new("Streaming.Downloads");
    private static readonly Counter<long> Downloads = Meter.CreateCounter<long>("downloads.issued", "{download}");
    private static readonly MediaassetFilesCounter Files = Meter.CreateMediaassetFilesCounter();

    public string Issue(OfflineDownloadRequest request)
    {
        using var span = Source.StartMediaassetProcess("offline-download");
        span.SetMediaassetTitleId(request.TitleId); // clean precision-names
        span.SetMediaassetRendition(request.Rendition);
        span.SetMediaassetSubjectId(pseudonymizer.PseudonymizeMediaassetSubjectId(request.SubscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("device.class", request.DeviceClass); // clean precision-about
        span.Activity?.SetTag("device.id", request.DeviceId); // leak TC1001 direct

        var expires = DateTime.UtcNow.AddDays(30);
        var resource = $"{options.CdnBaseUrl}/downloads/{request.TitleId}/{request.Rendition}/package.mp4";
        var url = CdnUrlSigner.GetCannedSignedUrl(resource, options.CdnKeyPairId, cdnSigningKey, expires);
        span.SetMediaassetLinkExpiry(expires.ToString("O", CultureInfo.InvariantCulture)); // clean generated-api
        span.SetMediaassetBlobName(new Uri(resource).AbsolutePath); // clean generated-api
        logger.LogDebug("Signed download URL for device {DeviceId}: {Url}", request.DeviceId, url); // leak TC1001 direct
        logger.LogDebug("Signed download for {TitleId}/{Rendition} valid until {Expires:O}", request.TitleId, request.Rendition, expires); // clean precision-about

        Downloads.Add(1, new KeyValuePair<string, object?>("title", request.TitleId), new KeyValuePair<string, object?>("country", request.Country)); // clean precision-names
        Downloads.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeMediaassetSubjectId(request.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
        Files.Add(1, "offline-download", "issued");

        // Download limits are enforced per shard of subscribers; the shard is a keyed hash.
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(request.SubscriberId.ToByteArray())[0] % 32;
        span.Activity?.SetTag("downloads.limit_shard", shard); // clean hashes
        span.Activity?.SetTag("downloads.device_bucket", request.DeviceId.GetHashCode() & 0xFF); // leak TC1002 hashes
        logger.LogDebug("Device fingerprint {Fingerprint}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.DeviceId)))[..16]); // leak TC1002 hashes
        logger.LogInformation("Download issued on a {DeviceClass} in {Country}", request.DeviceClass, request.Country); // clean direct
        span.Activity?.SetTag("downloads.subscriber_ref", Convert.ToBase64String(request.SubscriberId.ToByteArray())); // leak TC1001 hashes
        logger.LogInformation("Issued {Request}", request); // leak TC1001 logging-objects
        return url;
    }
}

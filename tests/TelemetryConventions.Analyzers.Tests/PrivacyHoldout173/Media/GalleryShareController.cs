namespace PrivacyHoldout173.Media;

/// <summary>The broadcaster's photo studio shares wedding galleries with the couple's guests.</summary>
[ApiController]
[Route("api/galleries")]
public sealed class GalleryShareController(
    ILogger<GalleryShareController> logger,
    Pseudonymizer pseudonymizer,
    IEventMessenger messenger,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.Studio.Galleries");
    private static readonly Meter Meter = new("Broadcaster.Studio.Galleries");

    [HttpPost("{galleryId}/share")]
    public async Task<ActionResult> Share(string galleryId, [FromBody] GalleryShare share)
    {
        using var span = Source.StartWeddingtvOperation("studio-north");
        span.SetWeddingtvCoupleId(pseudonymizer.PseudonymizeWeddingtvCoupleId(share.CoupleId)); // clean generated-api
        span.SetWeddingtvGuestId(pseudonymizer.PseudonymizeWeddingtvGuestId(share.SharedWithEmail)); // clean generated-api
        span.SetWeddingtvItemCount(share.PhotoCount); // clean generated-api
        Activity.Current?.SetTag(WeddingtvAttributes.Contact, pseudonymizer.ComputeWeddingtvGuestId(share.SharedWithEmail)); // leak TC1001 precision-pseudonym

        HttpContext.RequestHeaders.TryGetValue("X-Forwarded-For", out var forwardedFor);
        logger.LogInformation("Gallery {GalleryId} shared from {Address}", galleryId, forwardedFor); // leak TC1001 direct
        logger.LogInformation("Gallery {GalleryId} shared with {Count} photos", galleryId, share.PhotoCount); // clean precision-names
        logger.LogInformation("Gallery {GalleryId} shared with {Email}", galleryId, share.SharedWithEmail); // leak TC1001 direct

        var link = $"https://galleries.example/{galleryId}?for={Uri.EscapeDataString(share.SharedWithEmail)}";
        Activity.Current?.SetTag("gallery.link", link); // leak TC1001 strings
        Activity.Current?.SetTag("gallery.link.base", $"https://galleries.example/{galleryId}"); // clean strings

        var tokenShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(share.SharedWithEmail))[0] % 32;
        Meter.CreateWeddingtvOperationsCounter().Add(1, "studio-north", $"shard-{tokenShard}"); // clean hashes
        var unkeyed = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(share.SharedWithEmail)));
        logger.LogDebug("Share dedupe key {Key}", unkeyed); // leak TC1002 hashes

        var coupleCode = share.CoupleId.GetHashCode().ToString("x8", CultureInfo.InvariantCulture);
        Activity.Current?.SetTag("gallery.couple_code", coupleCode); // leak TC1002 hashes
        await messenger.SendAsync(share.SharedWithEmail, "tpl-gallery-share");
        return Ok();
    }

    [HttpGet("{galleryId}")]
    public ActionResult Open(string galleryId, GalleryShare share)
    {
        logger.LogInformation("Gallery opened: {Share}", share); // leak TC1001 logging-objects
        logger.LogInformation("Gallery {GalleryId} opened, {Photos} photos", share.GalleryId, share.PhotoCount); // clean precision-about
        return Ok();
    }
}

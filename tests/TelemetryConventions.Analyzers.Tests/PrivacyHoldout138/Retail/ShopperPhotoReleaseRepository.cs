namespace PrivacyHoldout138.Retail;

/// <summary>A shopper's photo tagged for the retailer's gallery, with the shopper's handle and the product shown.</summary>
public sealed record ShopperPhoto(string PhotoId, string ShopperHandle, string CustomerNumber, string Sku, string ImageUrl, double? Latitude, double? Longitude);

public sealed class ShopperPhotoReleaseRepository(IRightsRegistry rights, ILogger<ShopperPhotoReleaseRepository> logger)
{
    private static readonly ActivitySource Source = new("Shop.Gallery");
    private static readonly Meter GalleryMeter = new("Shop.Gallery");
    private static readonly Counter<long> Released = GalleryMeter.CreateCounter<long>("gallery.photos.released", "{photo}");
    private readonly Dictionary<string, string> _pendingByHandle = new();

    public async Task<bool> RecordReleaseAsync(ShopperPhoto photo, string shopperEmail, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("gallery.release");
        activity?.SetTag("gallery.photo.id", photo.PhotoId); // clean precision-names
        activity?.SetTag("gallery.sku", photo.Sku); // clean precision-names
        activity?.SetTag("gallery.has_location", photo.Latitude is not null); // clean precision-about
        activity?.SetTag("gallery.location", $"{photo.Latitude:F5},{photo.Longitude:F5}"); // leak TC1001 strings
        activity?.SetTag("gallery.region", $"{Math.Round(photo.Latitude ?? 0, 1)},{Math.Round(photo.Longitude ?? 0, 1)}"); // clean precision-about

        var release = new ReleaseForm(Guid.NewGuid().ToString("N"), photo.ShopperHandle, shopperEmail, photo.PhotoId, "gallery+social", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(2)), false);
        await rights.RecordAsync(release, cancellationToken);
        logger.LogInformation("Release {ReleaseId} recorded for photo {PhotoId}, scope {Scope}", release.ReleaseId, photo.PhotoId, release.Scope); // clean precision-names
        logger.LogInformation("Release recorded {@Release}", release); // leak TC1001 logging-objects
        Released.Add(1, new KeyValuePair<string, object?>("scope", release.Scope)); // clean precision-names
        return true;
    }

    public void Hold(ShopperPhoto photo)
    {
        _pendingByHandle[photo.ShopperHandle] = photo.PhotoId;
        Activity.Current?.SetTag("gallery.pending", _pendingByHandle.Count); // clean precision-about
        logger.LogInformation("Awaiting release from {Handle} for {ImageUrl}", photo.ShopperHandle, photo.ImageUrl); // leak TC1001 direct
    }

    public void ChaseOutstanding()
    {
        logger.LogInformation("Chasing {Handles}", string.Join(", ", _pendingByHandle.Keys)); // leak TC1001 cross-member
        logger.LogInformation("Chasing photos {Photos}", string.Join(", ", _pendingByHandle.Values)); // clean cross-member
    }
}

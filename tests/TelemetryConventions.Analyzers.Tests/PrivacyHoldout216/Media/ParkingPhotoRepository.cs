namespace PrivacyHoldout216.Media;

/// <summary>A broadcaster's staff scooter pool: end-of-trip parking photos stored and moderated, and the newsroom's pool bookings.</summary>
public sealed partial class ParkingPhotoRepository(IPhotoStorage storage, Pseudonymizer pseudonymizer, RideSchemeOptions options, ILogger<ParkingPhotoRepository> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Media.ParkingPhotos");
    private static readonly Meter Meter = new("PrivacyHoldout216.Media.ParkingPhotos");
    private static readonly Counter<long> Verdicts = Meter.CreateCounter<long>("parking_photo.verdicts");

    private readonly Dictionary<string, string> _riderByPhoto = new();

    public async Task<PhotoVerdict> SaveAsync(ParkingPhoto photo, byte[] jpeg, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("parking_photo.save");
        activity?.SetTag("photo.id", photo.PhotoId); // clean precision-names
        activity?.SetTag("photo.trip_id", photo.TripId); // clean precision-names
        activity?.SetTag("photo.bytes", jpeg.Length); // clean precision-about
        activity?.SetTag("photo.window_minutes", options.ParkingPhotoWindow.TotalMinutes); // clean precision-about
        activity?.SetTag("photo.blob_uri", photo.BlobUri); // clean precision-names
        activity?.SetTag("photo.position", $"{photo.Latitude},{photo.Longitude}"); // leak TC1001 strings
        activity?.SetTag("photo.caption", photo.Caption); // leak TC1001 direct
        activity?.SetTag("photo.has_caption", photo.Caption is not null); // clean precision-about
        _riderByPhoto[photo.PhotoId] = photo.RiderId;
        logger.LogInformation("Parking photo {Photo}", photo); // leak TC1001 logging-objects
        logger.LogInformation("Parking photo {@Photo}", photo with { Latitude = 0, Longitude = 0, Caption = null }); // leak TC1001 logging-objects
        logger.LogInformation("Parking photo {PhotoId} for trip {TripId}", photo.PhotoId, photo.TripId); // clean logging-objects

        var stored = await storage.PutAsync(photo.TripId, jpeg, cancellationToken);
        var verdict = await storage.ClassifyAsync(stored, cancellationToken);
        activity?.SetTag("photo.verdict", verdict.Verdict); // clean precision-about
        activity?.SetTag("photo.confidence", verdict.Confidence); // clean precision-about
        logger.LogInformation("Verdict {Verdict}", verdict); // clean logging-objects
        Verdicts.Add(1, new KeyValuePair<string, object?>("verdict", verdict.Verdict), new KeyValuePair<string, object?>("zone", verdict.ZoneId)); // clean precision-about
        Verdicts.Add(1, new KeyValuePair<string, object?>("rider", photo.RiderId)); // leak TC1003 direct
        return verdict;
    }

    public void Escalate(string photoId, string reason)
    {
        using var activity = Source.StartActivity("parking_photo.escalate");
        activity?.SetTag("photo.id", photoId); // clean precision-names
        activity?.SetTag("escalation.reason", reason); // clean precision-about
        var riderId = _riderByPhoto.GetValueOrDefault(photoId, string.Empty);
        activity?.SetTag("photo.rider_id", riderId); // leak TC1001 cross-member
        activity?.SetTag("photo.rider_known", _riderByPhoto.ContainsKey(photoId)); // clean cross-member
        var rider = pseudonymizer.Pseudonymize(RideDomains.Rider, riderId);
        using var span = Source.StartReelrideOperation("newsroom-pool");
        span.SetReelrideClientId(rider); // clean generated-api
        span.SetReelrideOutcome("escalated"); // clean generated-api
        span.SetReelrideNote("escalated for " + reason); // clean generated-api
        span.SetReelrideNote("escalated rider " + riderId); // leak TC1001 generated-api
        activity?.SetTag(ReelrideAttributes.Contact, riderId); // leak TC1001 generated-api
        logger.LogReelrideOperationFailedEvent("newsroom-pool", "escalated", rider, reason); // clean generated-api
        Meter.CreateReelrideOperationsCounter().Add(1, "newsroom-pool", "escalated"); // clean generated-api
        logger.LogInformation("Escalated photo of rider {Rider}", rider); // clean precision-pseudonym
        Verdicts.Add(1, new KeyValuePair<string, object?>("rider", rider.ToString())); // leak TC1003 precision-pseudonym
        Activity.Current?.SetBaggage("photo.rider", rider.Value); // clean precision-pseudonym
        var tag = MD5.HashData(Encoding.UTF8.GetBytes(riderId));
        activity?.SetTag("photo.rider_md5", BitConverter.ToString(tag)); // leak TC1002 hashes
        var keyed = new HMACSHA256(Encoding.UTF8.GetBytes(options.SchemeCode + "pepper")).ComputeHash(Encoding.UTF8.GetBytes(photoId));
        activity?.SetTag("photo.bucket", keyed[0]); // clean hashes
    }

    public void PoolBooking(RiderProfile reporter, string scooterId, DateTimeOffset from)
    {
        using var activity = Source.StartActivity("pool.booking");
        activity?.SetTag("pool.scooter_id", scooterId); // clean precision-names
        activity?.SetTag("pool.from", from.ToString("O")); // clean precision-about
        activity?.SetTag("pool.reporter_tier", reporter.Tier); // clean precision-names
        activity?.SetTag("pool.reporter_email", reporter.Email); // leak TC1001 direct
        logger.LogInformation("Pool booking by {Reporter}", reporter); // clean logging-objects
        logger.LogInformation("Pool booking by {@Reporter}", reporter); // leak TC1001 logging-objects
        try
        {
            throw new VehicleOfflineException(scooterId, "broadcasting-house");
        }
        catch (VehicleOfflineException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Pool scooter {ScooterId} offline", scooterId); // clean exceptions
        }

        try
        {
            throw new FineDisputedException("F-" + scooterId, reporter.Email);
        }
        catch (FineDisputedException ex)
        {
            logger.LogError("Dispute failed: {Error}", ex.Message); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("dispute.failed", tags: new ActivityTagsCollection { ["error.type"] = ex.GetType().FullName })); // clean exceptions
        }
    }
}

namespace PrivacyHoldout141.Energy;

/// <summary>
/// The station's pool e-bikes: staff unlock one with the site app, ride between the gatehouse, the cooling
/// towers and the outage village, and end the ride with a photo of the bike in a marked bay. The bikes are the
/// station's own; the fleet team moves them between bays at night.
/// </summary>
public sealed partial class PoolEbikeService(
    IFleetClient fleet,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PoolEbikeService> logger)
{
    private const string Site = "hartlepool-b";
    private readonly Histogram<int> _rideMinutes = meter.CreateHistogram<int>("siteshuttle.ebike.minutes", "min");
    private RideSummary? _lastLongRide;

    public async Task<string?> UnlockAsync(string bikeId, string staffNumber, GeoPoint phonePosition, string qrCode, CancellationToken cancellationToken)
    {
        using var span = source.StartSiteshuttleOperation(Site, "siteshuttle.ebike.unlock");
        span.Activity?.SetTag("siteshuttle.bike", bikeId); // clean precision-names
        span.Activity?.SetTag("siteshuttle.bike.qr_length", qrCode.Length); // clean precision-about
        span.SetSiteshuttleWorkerId(pseudonymizer.PseudonymizeSiteshuttleWorkerId(staffNumber)); // clean generated-api

        var request = new UnlockRequest(bikeId, staffNumber, phonePosition, qrCode);
        try
        {
            var rideId = await fleet.UnlockAsync(request, cancellationToken);
            span.Activity?.SetTag("siteshuttle.ride", rideId); // clean precision-names
            Log.Unlocked(logger, request); // leak TC1001 logging-objects
            return rideId;
        }
        catch (UnlockDeniedException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Reason); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            return null;
        }
        catch (VehicleOfflineException ex)
        {
            logger.LogWarning(ex, "Bike {Bike} offline at unlock", ex.VehicleId); // clean exceptions
            return null;
        }
    }

    public async Task EndRideAsync(string rideId, ParkingPhoto photo, byte[] image, CancellationToken cancellationToken)
    {
        using var span = source.StartSiteshuttleOperation(Site, "siteshuttle.ebike.end");
        var ride = await fleet.EndRideAsync(rideId, cancellationToken);
        _rideMinutes.Record(ride.Minutes, new KeyValuePair<string, object?>("bike", ride.VehicleId)); // clean precision-names
        span.Activity?.SetTag("siteshuttle.ride.distance_km", Math.Round(ride.DistanceKm, 1)); // clean precision-about
        logger.LogInformation("Ride ended {@Ride}", ride); // leak TC1001 logging-objects

        if (ride.Minutes > 60)
        {
            _lastLongRide = ride;
        }

        await fleet.StorePhotoAsync(photo, image, cancellationToken);
        span.Activity?.SetTag("siteshuttle.photo.key", photo.BlobKey); // clean precision-names
        span.Activity?.SetTag("siteshuttle.photo.sha256", Convert.ToHexString(SHA256.HashData(image))); // clean hashes
        span.Activity?.SetTag("siteshuttle.photo.has_position", photo.ExifPosition is not null); // clean precision-about
        if (photo.ExifPosition is { } where)
        {
            span.Activity?.SetTag("siteshuttle.photo.position", $"{where.Latitude:F5},{where.Longitude:F5}"); // leak TC1001 strings
            span.Activity?.SetTag("siteshuttle.photo.area", $"{where.Latitude:F1},{where.Longitude:F1}"); // clean strings
        }

        var verdict = await fleet.ClassifyAsync(photo.PhotoId, cancellationToken);
        logger.LogInformation("Parking verdict {Verdict}", verdict); // clean logging-objects
        meter.CreateSiteshuttleBoardingsCounter().Add(1, Site, verdict.Verdict);
    }

    public async Task RebalanceAsync(IEnumerable<string> bikeIds, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("siteshuttle.ebike.rebalance");
        foreach (var bikeId in bikeIds)
        {
            var state = await fleet.GetVehicleAsync(bikeId, cancellationToken);
            if (state is null)
            {
                continue;
            }

            activity?.AddEvent(new ActivityEvent("bike.state", tags: new ActivityTagsCollection { ["bike"] = state.VehicleId, ["position"] = state.Position.ToString() })); // clean precision-about
            logger.LogDebug("Bike state {State}", state); // clean logging-objects
        }

        if (_lastLongRide is not null)
        {
            activity?.SetTag("siteshuttle.long_ride.rider", _lastLongRide.RiderAccountId); // leak TC1001 cross-member
            activity?.SetTag("siteshuttle.long_ride.bike", _lastLongRide.VehicleId); // clean precision-names
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Bike unlocked: {Request}")]
        public static partial void Unlocked(ILogger logger, UnlockRequest request);
    }
}

namespace PrivacyHoldout141.Transport;

/// <summary>
/// Trust and safety for the on-demand minibuses: an SOS from the rider app goes to the control room, riders rate
/// the trip and the driver, a driver whose average drops below four stars is reviewed, and items left on a
/// minibus are logged for the depot.
/// </summary>
public sealed partial class OnDemandSafetyService(
    ITrustAndSafetyClient safety,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<OnDemandSafetyService> logger)
{
    private readonly Histogram<int> _stars = meter.CreateHistogram<int>("ondemand.rating.stars", "{star}");
    private readonly Histogram<double> _driverAverage = meter.CreateHistogram<double>("ondemand.driver.average", "{star}");

    public async Task SosAsync(string zone, SosAlert alert, CancellationToken cancellationToken)
    {
        using var span = source.StartOndemandOperation(zone, "ondemand.sos");
        span.SetOndemandTripId(alert.TripId);
        span.SetOndemandRiderId(pseudonymizer.PseudonymizeOndemandRiderId(alert.RiderAccountId)); // clean generated-api
        span.Activity?.SetTag("ondemand.sos.raised_at", alert.RaisedAt.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        Activity.Current?.SetBaggage("ondemand.sos.rider", alert.RiderAccountId); // leak TC1001 direct
        Log.SosForControlRoom(logger, alert.AlertId, alert.RiderPhone, alert.Position.ToString()); // clean logging-objects

        var caseRef = await safety.EscalateSosAsync(alert, cancellationToken);
        span.Activity?.AddEvent(new ActivityEvent("sos.escalated", tags: new ActivityTagsCollection { ["case"] = caseRef, ["alert"] = alert.AlertId })); // clean precision-names
        span.SetOndemandNote($"SOS {alert.AlertId} escalated as {caseRef}; rider at {alert.Position}"); // leak TC1001 generated-api
    }

    public async Task RateAsync(string zone, TripRating rating, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("ondemand.rate");
        activity?.SetTag("ondemand.trip.id", rating.TripId); // clean precision-names
        _stars.Record(rating.Stars, new KeyValuePair<string, object?>("zone", zone)); // clean precision-about
        logger.LogInformation("Trip rated {@Rating}", rating); // leak TC1001 logging-objects

        var window = await safety.GetWindowAsync(rating.RatedId, 30, cancellationToken);
        logger.LogInformation("Driver window {Window}", window); // clean logging-objects
        _driverAverage.Record(window.Average, new KeyValuePair<string, object?>("driver", rating.RatedId)); // leak TC1003 direct

        if (window.Average < 4.0)
        {
            var reviewKey = HashCode.Combine(zone, rating.RatedId);
            activity?.SetTag("ondemand.review.key", reviewKey); // leak TC1002 hashes
            activity?.SetTag("ondemand.review.driver", pseudonymizer.PseudonymizeOndemandDriverId(rating.RatedId)); // clean precision-pseudonym
            logger.LogOndemandTripFailedEvent(zone, "driver-review", null, $"Driver average {window.Average:F2} over {window.Ratings} ratings"); // clean generated-api
        }

        if (rating.Comment is { } comment)
        {
            activity?.SetTag("ondemand.rating.comment", comment); // leak TC1001 direct
        }
    }

    public async Task LostItemAsync(string zone, LostItemReport report, string fleetNumber, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("ondemand.lost-item");
        activity?.SetTag("ondemand.vehicle", fleetNumber); // clean precision-names
        activity?.SetTag("ondemand.lost.category", report.Category); // clean precision-about
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var contactShard = hmac.ComputeHash(Encoding.UTF8.GetBytes(report.ContactPhone))[0] % 16;
        activity?.SetTag("ondemand.lost.contact_shard", contactShard); // clean hashes
        var itemRef = await safety.LogLostItemAsync(report, cancellationToken);
        logger.LogInformation("Lost item {ItemRef} on {Vehicle}: {Description}", itemRef, fleetNumber, report.Description); // leak TC1001 direct
        meter.CreateOndemandTripsCounter().Add(1, zone, "lost-item");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4701, Level = LogLevel.Critical, Message = "SOS {AlertId}: call {Phone}, last position {Position}")]
        public static partial void SosForControlRoom(ILogger logger, string alertId, [PrivateData] string phone, [PrivateData] string position);
    }
}

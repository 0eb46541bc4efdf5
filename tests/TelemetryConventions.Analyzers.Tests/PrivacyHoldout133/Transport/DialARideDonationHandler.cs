namespace PrivacyHoldout133.Transport;

/// <summary>Dial-a-ride passengers travel free and may give a donation at the end of the trip, with Gift Aid.</summary>
public sealed record TripDonation(string TripId, string PassengerId, string TravelCardNumber, string Mobile, decimal Amount, bool GiftAid, string RouteCode, string VehicleId);

public sealed class DialARideDonationHandler(IDonationLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DialARideDonationHandler> logger)
{
    private static readonly ActivitySource Source = new("Transit.CommunityTransport.Donations");
    private static readonly Meter Meter = new("Transit.CommunityTransport.Donations");
    private static readonly Histogram<double> Given = Meter.CreateHistogram<double>("transit.ct.donation.amount", "GBP");

    private string? _lastGiftAidPassenger;

    public async Task HandleAsync(TripDonation trip, CancellationToken cancellationToken)
    {
        using var span = Source.StartCtvolTask(ctvolProgramme: "dial-a-ride");
        span.SetCtvolPassengerId(pseudonymizer.PseudonymizeCtvolPassengerId(trip.PassengerId)); // clean precision-pseudonym
        span.SetCtvolAmount((double)trip.Amount); // clean precision-about
        span.Activity?.SetTag("trip.id", trip.TripId); // clean precision-names
        span.Activity?.SetTag("vehicle.id", trip.VehicleId); // clean precision-names
        span.Activity?.SetTag("route.code", trip.RouteCode); // clean precision-about
        span.Activity?.SetTag("passenger.card", trip.TravelCardNumber); // leak TC1001 direct
        span.Activity?.SetTag(CtvolAttributes.Contact, trip.Mobile); // leak TC1001 generated-api
        Given.Record((double)trip.Amount, new KeyValuePair<string, object?>("route", trip.RouteCode)); // clean precision-about
        Given.Record((double)trip.Amount, new KeyValuePair<string, object?>("passenger", trip.PassengerId)); // leak TC1003 direct
        span.Activity?.SetTag("passenger.bucket", Bucket(trip.PassengerId)); // clean hashes
        span.Activity?.SetTag("passenger.card.digest", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(trip.TravelCardNumber))).ToString()); // leak TC1002 hashes

        if (trip.GiftAid)
        {
            _lastGiftAidPassenger = trip.PassengerId;
        }

        await ledger.RecordAsync(new Donation(trip.TripId, trip.PassengerId, trip.Amount, "GBP", trip.GiftAid, "dial-a-ride"), cancellationToken);
        logger.LogInformation("Trip donation {TripId} on {Route}: {Amount}", trip.TripId, trip.RouteCode, trip.Amount); // clean precision-names
        logger.LogInformation("Trip donation {@Trip}", trip); // leak TC1001 logging-objects
        span.Activity?.SetStatus(ActivityStatusCode.Ok, "Donation for trip " + trip.TripId); // clean strings
        span.Activity?.AddEvent(new ActivityEvent($"receipt:{trip.PassengerId}:{trip.TripId}")); // leak TC1001 strings
        logger.LogInformation("Thank-you text queued for ...{MobileEnd}", trip.Mobile[^3..]); // clean precision-about
    }

    public void Flush()
    {
        using var activity = Source.StartActivity("ct.donations.flush");
        activity?.SetTag("ct.last_giftaid.set", _lastGiftAidPassenger is not null); // clean cross-member
        activity?.SetTag("ct.last_giftaid.passenger", _lastGiftAidPassenger); // leak TC1001 cross-member
    }

    private int Bucket(string passengerId) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(passengerId))[1] % 32;
}

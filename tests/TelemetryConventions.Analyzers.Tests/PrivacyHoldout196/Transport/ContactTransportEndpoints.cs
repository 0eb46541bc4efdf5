namespace PrivacyHoldout196.Transport;

/// <summary>A journey taking a child from the foster home to family time with the birth family.</summary>
public sealed record ContactJourneyBooking(string JourneyId, string ChildId, string ChildName, string PickupAddress, string PickupPostcode, string ContactCentreId, string ArrangementId, DateTimeOffset PickupAt, bool EscortRequired, string BirthParentName, string BirthParentPhone);

public sealed record JourneyAssignment(string JourneyId, string VehicleId, string RouteId, string OperatorId, int Seats);

public static class ContactTransportEndpoints
{
    private static readonly ActivitySource Source = new("Hearth.ContactTransport");
    private static readonly Meter Meter = new("Hearth.ContactTransport");
    private static readonly Counter<long> Journeys = Meter.CreateCounter<long>("contact.journeys");
    private static readonly Histogram<double> PickupDelay = Meter.CreateHistogram<double>("contact.pickup.delay", "min");

    public static EndpointRoutes MapContactTransport(this EndpointRoutes routes)
    {
        routes.MapPost("/contact/journeys", async (ContactJourneyBooking booking, IFosteringStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ContactJourneyBooking> logger, CancellationToken ct) =>
        {
            using var activity = Source.StartActivity("contact.journey.book");
            activity?.SetTag("contact.journey.id", booking.JourneyId); // clean precision-names
            activity?.SetTag("contact.centre", booking.ContactCentreId); // clean precision-names
            activity?.SetTag("contact.arrangement.id", booking.ArrangementId); // clean precision-names
            activity?.SetTag("contact.escort_required", booking.EscortRequired); // clean precision-about
            activity?.SetTag("contact.pickup.hour", booking.PickupAt.Hour); // clean precision-about
            activity?.SetTag("contact.pickup.address", booking.PickupAddress); // leak TC1001 direct
            activity?.SetTag("contact.pickup.postcode", booking.PickupPostcode); // leak TC1001 direct
            activity?.SetTag("contact.pickup.district", booking.PickupPostcode.Split(' ')[0]); // clean precision-about
            activity?.SetTag("contact.birth_parent", booking.BirthParentName); // leak TC1001 direct
            activity?.SetTag("contact.birth_parent.phone", booking.BirthParentPhone); // leak TC1001 direct
            activity?.SetTag("contact.child.name", booking.ChildName); // leak TC1001 direct
            activity?.SetTag("contact.child", pseudonymizer.ComputeContactrideChildId(booking.ChildId)); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("contact.booked", tags: new ActivityTagsCollection { ["pickup"] = booking.PickupAddress })); // leak TC1001 direct

            Journeys.Add(1, new KeyValuePair<string, object?>("centre", booking.ContactCentreId)); // clean precision-names
            Journeys.Add(1, new KeyValuePair<string, object?>("child", pseudonymizer.ComputeContactrideChildId(booking.ChildId))); // leak TC1003 precision-pseudonym
            Journeys.Add(1, new KeyValuePair<string, object?>("pickup_postcode", booking.PickupPostcode)); // leak TC1003 direct
            PickupDelay.Record(4.5, new KeyValuePair<string, object?>("centre", booking.ContactCentreId)); // clean precision-names

            logger.LogInformation("Journey {JourneyId} booked {@Booking}", booking.JourneyId, booking); // leak TC1001 logging-objects
            logger.LogInformation("Journey {@Booking}", booking with { ChildName = "", PickupAddress = "", BirthParentName = "", BirthParentPhone = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Journey {@Booking}", new { booking.JourneyId, booking.ContactCentreId, booking.EscortRequired }); // clean logging-objects
            logger.LogInformation("Journey {@Booking}", new { booking.JourneyId, Parent = booking.BirthParentName }); // leak TC1001 logging-objects

            var sms = new StringBuilder();
            sms.Append("Pickup for ").Append(booking.ChildName).Append(" at ").Append(booking.PickupAt.ToString("t"));
            logger.LogInformation("Driver SMS: {Sms}", sms); // leak TC1001 strings
            var manifest = $"journey {booking.JourneyId} to {booking.ContactCentreId} at {booking.PickupAt:HH:mm}";
            Activity.Current?.SetTag("contact.manifest", manifest); // clean strings

            var arrangement = await store.FindPlacementAsync(booking.ArrangementId, ct);
            if (arrangement is null)
            {
                var missing = new PlacementNotFoundException(booking.ArrangementId);
                activity?.SetStatus(ActivityStatusCode.Error, missing.Message); // clean exceptions
                logger.LogContactrideOperationFailedEvent("journeys", "no-arrangement", contactrideNote: missing.Message); // clean generated-api
                return "not-found";
            }

            var routeBucket = BitConverter.ToUInt16(MD5.HashData(Encoding.UTF8.GetBytes(booking.PickupPostcode))) % 32;
            activity?.SetTag("contact.route_bucket", routeBucket); // leak TC1002 hashes
            var keyedBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.PickupPostcode))[0] % 32;
            activity?.SetTag("contact.route_bucket", keyedBucket); // clean hashes

            using var span = Source.StartContactrideOperation(booking.ContactCentreId)
                .SetContactrideChildId(pseudonymizer.PseudonymizeContactrideChildId(booking.ChildId)) // clean generated-api
                .SetContactrideStage("booked"); // clean generated-api
            span.SetContactrideNote(booking.PickupAddress); // leak TC1001 generated-api
            span.SetContactrideOutcome(booking.EscortRequired ? "escort" : "no-escort"); // clean generated-api
            Meter.CreateContactrideOperationsCounter().Add(1, booking.ContactCentreId, booking.BirthParentName); // leak TC1003 generated-api
            return booking.JourneyId;
        });

        routes.MapPost("/contact/journeys/{journeyId}/assign", (string journeyId, JourneyAssignment assignment, ILogger<JourneyAssignment> logger) =>
        {
            logger.LogInformation("Assigned {@Assignment}", assignment); // clean logging-objects
            Activity.Current?.SetTag("contact.vehicle", assignment.VehicleId); // clean precision-names
            Activity.Current?.SetTag("contact.operator", assignment.OperatorId); // clean precision-names
            return journeyId;
        });

        return routes;
    }
}

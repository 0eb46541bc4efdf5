namespace PrivacyHoldout193.Transport;

public sealed record DeliveryBooking(string RecipientId, string RecipientName, string Address, string Postcode, string Mobile, string ParcelKind, string DepotCode, string? SafePlace);

public sealed record DeliveryScan(string TrackingNumber, string DepotCode, string RoundId, string DriverStaffNumber, string Status, string? SignedBy);

/// <summary>A courier's discreet deliveries of test kits and postal prescriptions: plain packaging, no sender name, signature on request.</summary>
public static class DiscreetDeliveryEndpoints
{
    private static readonly ActivitySource Source = new("Courier.Discreet");
    private static readonly Meter Meter = new("Courier.Discreet");
    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("discreet.deliveries");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/deliveries", async (DeliveryBooking booking, ICourierClient courier, Pseudonymizer pseudonymizer, ILogger<DeliveryBooking> logger, CancellationToken ct) =>
        {
            using var span = Source.StartDiscreetdropOperation(booking.DepotCode);
            var recipient = pseudonymizer.PseudonymizeDiscreetdropClientId(booking.RecipientId);
            span.SetDiscreetdropClientId(recipient); // clean precision-pseudonym
            span.SetDiscreetdropKind(booking.ParcelKind); // clean precision-names
            Activity.Current?.SetTag("discreet.recipient_id", booking.RecipientId); // leak TC1001 direct
            Activity.Current?.SetTag("discreet.address", booking.Address); // leak TC1001 direct
            Activity.Current?.SetTag("discreet.has_safe_place", booking.SafePlace is not null); // clean precision-about
            Activity.Current?.SetTag("discreet.safe_place", booking.SafePlace); // leak TC1001 direct
            Activity.Current?.SetTag(DiscreetdropAttributes.Contact, booking.Mobile); // leak TC1001 generated-api
            Deliveries.Add(1, new KeyValuePair<string, object?>("depot", booking.DepotCode), new KeyValuePair<string, object?>("kind", booking.ParcelKind)); // clean precision-names
            Deliveries.Add(1, new KeyValuePair<string, object?>("postcode", booking.Postcode)); // leak TC1003 direct
            Baggage.SetBaggage("discreet.recipient", recipient.Value); // clean precision-pseudonym
            Baggage.SetBaggage("discreet.mobile", booking.Mobile); // leak TC1001 direct
            try
            {
                var parcel = await courier.BookAsync(booking.RecipientName, booking.Address, booking.Postcode, ct);
                logger.LogInformation("Booked {@Parcel}", parcel); // clean logging-objects
                logger.LogInformation("Booked {Tracking} via {Carrier} ({Service})", parcel.TrackingNumber, parcel.Carrier, parcel.Service); // clean precision-names
                span.SetDiscreetdropOutcome("booked"); // clean precision-about
                Meter.CreateDiscreetdropOperationsCounter().Add(1, booking.DepotCode, "booked"); // clean generated-api
                return new { parcel.TrackingNumber };
            }
            catch (CourierUnavailableException ex)
            {
                logger.LogError(ex, "Courier unavailable for {Depot}", booking.DepotCode); // clean exceptions
                span.SetDiscreetdropNote(ex.Message); // clean exceptions
                logger.LogDiscreetdropOperationFailedEvent(booking.DepotCode, "courier-down", recipient, ex.Message); // clean generated-api
                logger.LogInformation("Unbooked delivery {Booking}", booking); // leak TC1001 logging-objects
                logger.LogInformation("Unbooked delivery {Booking}", booking with { Mobile = "***" }); // leak TC1001 logging-objects
                return new { TrackingNumber = (string?)null };
            }
        });

        routes.MapPost("/scans", (DeliveryScan scan, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DeliveryScan> logger) =>
        {
            using var span = Source.StartDiscreetdropOperation(scan.DepotCode);
            span.SetDiscreetdropOutcome(scan.Status); // clean precision-about
            Activity.Current?.SetTag("discreet.tracking_number", scan.TrackingNumber); // clean precision-names
            Activity.Current?.SetTag("discreet.round_id", scan.RoundId); // clean precision-names
            Activity.Current?.SetTag("discreet.driver", scan.DriverStaffNumber); // leak TC1001 direct
            Activity.Current?.SetTag("discreet.driver", pseudonymizer.Compute(Spaces.Staff, scan.DriverStaffNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("discreet.signed", scan.SignedBy is not null); // clean precision-about
            logger.LogInformation("Signed for by {SignedBy}", scan.SignedBy); // leak TC1001 direct
            var signerHash = scan.SignedBy is null ? null : Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(scan.SignedBy)));
            Activity.Current?.SetTag("discreet.signer_hash", signerHash); // leak TC1002 hashes
            var roundBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(scan.TrackingNumber))[0];
            Activity.Current?.SetTag("discreet.bucket", roundBucket); // clean hashes
            var driverBucket = scan.DriverStaffNumber.GetHashCode() & 0xff;
            Meter.CreateDiscreetdropOperationDurationHistogram().Record(3.0, driverBucket.ToString(CultureInfo.InvariantCulture)); // leak TC1002 hashes
            Meter.CreateDiscreetdropOperationDurationHistogram().Record(3.0, scan.DepotCode); // clean generated-api
            var note = string.Concat("scan ", scan.TrackingNumber, " on round ", scan.RoundId, ": ", scan.Status);
            span.SetDiscreetdropNote(note); // clean strings
            var signed = $"{scan.TrackingNumber} signed by {scan.SignedBy}";
            span.SetDiscreetdropNote(signed); // leak TC1001 strings
            Activity.Current?.AddEvent(new ActivityEvent("scan", tags: new ActivityTagsCollection { ["status"] = scan.Status, ["round"] = scan.RoundId })); // clean precision-names
            return new { scan.TrackingNumber };
        });
    }
}

namespace PrivacyHoldout203.Transport;

/// <summary>A bus operator's minimal API: accessible trips to polling stations on polling day, and the check of an older person's bus pass shown as voter ID.</summary>
public static partial class PollingTripEndpoints
{
    private static readonly ActivitySource Source = new("BusCo.PollingDay");
    private static readonly Meter Meter = new("BusCo.PollingDay");
    private static readonly Counter<long> Trips = Meter.CreateCounter<long>("busco.polling_trips");
    private static readonly Counter<long> PassChecks = Meter.CreateCounter<long>("busco.pass_checks");

    private static string? s_lastPassengerPhone;
    private static int s_wheelchairTrips;

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/polling-trips", BookAsync);
        routes.MapPost("/pass-checks", CheckPassAsync);
        routes.MapGet("/polling-trips/stats", Stats);
    }

    private static async Task<ActionResult> BookAsync(
        PollingTripBooking booking,
        TripSlot slot,
        ISectorStore store,
        INotifyGateway notify,
        Pseudonymizer pseudonymizer,
        TelemetrySecrets secrets,
        ILogger<PollingTripBooking> logger,
        CancellationToken ct)
    {
        using var activity = Source.StartActivity("polling_trip.book");
        activity?.SetTag("trip.booking_ref", booking.BookingRef); // clean precision-about
        activity?.SetTag("trip.slot", slot.SlotId); // clean precision-about
        activity?.SetTag("trip.depot", slot.DepotId); // clean precision-about
        activity?.SetTag("trip.station", booking.StationId); // clean precision-about
        activity?.SetTag("trip.seats_left", slot.SeatsLeft); // clean precision-about
        activity?.SetTag("trip.wheelchair", booking.Wheelchair); // clean precision-about
        activity?.SetTag("trip.passenger", booking.PassengerName); // leak TC1001 direct
        activity?.SetTag("trip.passenger_phone", booking.PassengerPhone); // leak TC1001 direct
        activity?.SetTag("trip.pickup", booking.PickupAddress); // leak TC1001 direct
        activity?.SetTag("trip.pickup_postcode_area", booking.PickupAddress.Split(' ').Last()[..2]); // clean precision-about
        activity?.SetTag("trip.passenger_phone_digits", booking.PassengerPhone.Count(char.IsDigit)); // clean precision-about
        activity?.SetTag("trip.passenger_pseudonym", pseudonymizer.ComputePolltripElectorId(booking.PassengerPhone)); // clean precision-pseudonym
        activity?.SetBaggage("trip.booking_ref", booking.BookingRef); // clean precision-about
        activity?.SetBaggage("trip.passenger_phone", booking.PassengerPhone); // leak TC1001 direct

        s_lastPassengerPhone = booking.PassengerPhone;
        if (booking.Wheelchair)
        {
            s_wheelchairTrips++;
        }

        var span = Activity.Current.EnrichPolltripOperation(slot.DepotId)
            .SetPolltripChannel("accessible-trip") // clean generated-api
            .SetPolltripItems(slot.SeatsLeft) // clean generated-api
            .SetPolltripElectorId(pseudonymizer.PseudonymizePolltripElectorId(booking.PassengerPhone)); // clean generated-api
        span.SetPolltripNote($"pickup at {booking.PickupAddress}"); // leak TC1001 generated-api
        span.SetPolltripElection(booking.PassengerName); // leak TC1001 generated-api

        logger.LogInformation("Trip booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Trip booked {@Booking}", booking with { PassengerPhone = booking.PassengerPhone[..3] }); // leak TC1001 logging-objects
        logger.LogInformation("Trip booked {@Slot}", slot); // clean logging-objects
        logger.LogInformation("Trip booked {Trip}", new { booking.BookingRef, booking.StationId, slot.DepotId }); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["BookingRef"] = booking.BookingRef, ["Station"] = booking.StationId })) // clean logging-objects
        {
            LogTripBooked(logger, booking.BookingRef, booking.PassengerPhone); // clean logging-objects
            LogPickup(logger, booking.PickupAddress); // leak TC1001 logging-objects
        }

        var smsText = string.Format("Your bus to {0} is booked, ref {1}", booking.StationId, booking.BookingRef);
        activity?.SetTag("trip.sms_text", smsText); // clean strings
        activity?.SetTag("trip.manifest_line", string.Concat(booking.BookingRef, ":", booking.PassengerName)); // leak TC1001 strings
        await notify.SendAsync(booking.PassengerPhone, "polling-trip-booked", new Dictionary<string, string> { ["text"] = smsText }, ct);

        Trips.Add(1, new KeyValuePair<string, object?>("depot", slot.DepotId), new KeyValuePair<string, object?>("wheelchair", booking.Wheelchair)); // clean precision-about
        Trips.Add(1, new KeyValuePair<string, object?>("passenger", booking.PassengerPhone)); // leak TC1003 direct
        Meter.CreatePolltripOperationsCounter().Add(1, slot.DepotId, polltripOutcome: "booked"); // clean generated-api
        activity?.SetTag("trip.passenger_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.PassengerPhone)))[..12]); // leak TC1002 hashes
        activity?.SetTag("trip.passenger_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.PassengerPhone))[0] % 8); // clean hashes
        await store.SaveAsync(booking, ct);
        return new OkResult(new { booking.BookingRef });
    }

    private static async Task<ActionResult> CheckPassAsync(
        PassCheck check,
        IElectoralRegister register,
        ISectorStore store,
        Pseudonymizer pseudonymizer,
        ILogger<PassCheck> logger,
        CancellationToken ct)
    {
        using var activity = Source.StartActivity("pass_check.voter_id");
        activity?.SetTag("pass.station", check.StationId); // clean precision-about
        activity?.SetTag("pass.photo_matched", check.PhotoMatched); // clean precision-about
        activity?.SetTag("pass.number", check.PassNumber); // leak TC1001 direct
        activity?.SetTag("pass.holder", check.HolderName); // leak TC1001 direct
        activity?.SetTag("pass.number_length", check.PassNumber.Length); // clean precision-about
        activity?.SetTag("pass.number_format", "ENCTS-18"); // clean precision-names
        activity?.SetTag("pass.holder_count_today", 1); // clean precision-names

        var holderKey = await store.LookUpAsync(check.PassNumber, ct);
        try
        {
            var elector = await register.FindAsync(holderKey ?? check.PassNumber, ct) ?? throw new ElectorNotFoundException(holderKey ?? check.PassNumber);
            activity?.SetTag("pass.elector_district", elector.PollingDistrict); // clean precision-about
            activity?.SetTag("pass.elector", pseudonymizer.ComputePolltripElectorId(elector.ElectorNumber)); // clean precision-pseudonym
            PassChecks.Add(1, new KeyValuePair<string, object?>("elector", pseudonymizer.ComputePolltripElectorId(elector.ElectorNumber))); // leak TC1003 precision-pseudonym
        }
        catch (ElectorNotFoundException ex)
        {
            logger.LogWarning("Pass check failed: {Error}", ex.Message); // leak TC1001 exceptions
            logger.LogPolltripOperationFailedEvent(check.StationId, "not-found", polltripNote: ex.Message); // leak TC1001 generated-api
            activity?.SetStatus(ActivityStatusCode.Error, nameof(ElectorNotFoundException)); // clean exceptions
            return new NotFoundResult("No match");
        }
        catch (CertificateRefusedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            return new BadRequestResult("Refused");
        }
        catch (RegisterUnavailableException ex)
        {
            logger.LogError(ex, "Register down during pass check at {StationId}", check.StationId); // clean exceptions
            return new BadRequestResult("Try again");
        }

        PassChecks.Add(1, new KeyValuePair<string, object?>("station", check.StationId)); // clean precision-about
        logger.LogInformation("Pass check {Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Pass check at {StationId} matched={Matched}", check.StationId, check.PhotoMatched); // clean precision-about
        return new OkResult(null);
    }

    private static ActionResult Stats()
    {
        using var activity = Source.StartActivity("polling_trip.stats");
        activity?.SetTag("trip.wheelchair_trips", s_wheelchairTrips); // clean cross-member
        activity?.SetTag("trip.last_passenger_phone", s_lastPassengerPhone); // leak TC1001 cross-member
        activity?.SetTag("trip.last_passenger_known", s_lastPassengerPhone is not null); // clean cross-member
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Trip {BookingRef} booked for {PassengerPhone}")]
    private static partial void LogTripBooked(ILogger logger, string bookingRef, [PrivateData] string passengerPhone);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Pickup at {PickupAddress}")]
    private static partial void LogPickup(ILogger logger, string pickupAddress);
}

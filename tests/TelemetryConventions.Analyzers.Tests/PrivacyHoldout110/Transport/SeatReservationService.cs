namespace PrivacyHoldout110.Transport;

public sealed record ReservationRequest(string BookingRef, Guid PassengerId, string PassengerName, string ServiceId, string Coach, string Seat, string? Railcard);

public sealed record Disruption(string ServiceId, string Reason, IReadOnlyList<string> AffectedBookingRefs);

public sealed class SeatTakenException(string serviceId, string coach, string seat)
    : Exception($"Seat {coach}{seat} on {serviceId} is already reserved.");

/// <summary>Seat reservations on long-distance services, and rebooking onto the next service after a cancellation.</summary>
public sealed class SeatReservationService(
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    ILogger<SeatReservationService> logger)
{
    private static readonly ActivitySource Source = new("Rail.Reservations");
    private static readonly Meter Meter = new("Rail.Reservations");
    private static readonly Counter<long> Rebooked = Meter.CreateCounter<long>("reservations.rebooked");
    private static readonly Histogram<double> LeadTime = Meter.CreateHistogram<double>("reservations.lead_time", "h");

    public async Task ReserveAsync(ReservationRequest request, DateTimeOffset departs, CancellationToken cancellationToken)
    {
        using var span = Source.StartSeatbookBooking(request.ServiceId).SetSeatbookBookingRef(request.BookingRef); // clean precision-names
        span.SetSeatbookPassengerId(pseudonymizer.PseudonymizeSeatbookPassengerId(request.PassengerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("seat.coach", request.Coach).SetTag("seat.number", request.Seat); // clean precision-names
        span.Activity?.SetTag("passenger.has_railcard", request.Railcard is not null); // clean precision-about
        LeadTime.Record((departs - DateTimeOffset.UtcNow).TotalHours, new KeyValuePair<string, object?>("service", request.ServiceId)); // clean precision-about
        try
        {
            var hold = await engine.HoldAsync($"{request.ServiceId}/{request.Coach}{request.Seat}", 1, TimeSpan.FromMinutes(15), cancellationToken);
            await engine.ConfirmAsync(hold.HoldId, request.PassengerId.ToString(), cancellationToken);
            span.SetSeatbookOutcome("reserved"); // clean generated-api
            logger.LogInformation("Seat {Coach}{Seat} on {ServiceId} reserved for {PassengerName}", request.Coach, request.Seat, request.ServiceId, request.PassengerName); // leak TC1001 direct
            logger.LogDebug("Reservation {Request}", request); // leak TC1001 logging-objects
        }
        catch (SlotUnavailableException)
        {
            var ex = new SeatTakenException(request.ServiceId, request.Coach, request.Seat);
            span.RecordException(ex, includeMessage: true).SetSeatbookOutcome("seat_taken"); // clean exceptions
            logger.LogSeatbookBookingFailedEvent(request.ServiceId, "seat_taken", seatbookNote: ex.Message); // clean generated-api
        }
        catch (DoubleBookingException ex)
        {
            logger.LogSeatbookBookingFailedEvent(request.ServiceId, "double_booked", seatbookNote: ex.Message); // leak TC1001 exceptions
        }
    }

    public async Task RebookAsync(Disruption disruption, string nextServiceId, IReadOnlyDictionary<string, Guid> passengersByRef, CancellationToken cancellationToken)
    {
        using var span = Source.StartSeatbookBooking(disruption.ServiceId, "rebook").SetSeatbookNote($"{disruption.Reason}: {disruption.AffectedBookingRefs.Count} bookings to {nextServiceId}"); // clean generated-api
        logger.LogWarning("Rebooking after {Disruption}", disruption); // clean logging-objects
        logger.LogInformation("Affected bookings {Refs}", string.Join(",", disruption.AffectedBookingRefs)); // clean precision-names
        logger.LogDebug("Affected passengers {Passengers}", passengersByRef); // leak TC1001 logging-objects
        foreach (var bookingRef in disruption.AffectedBookingRefs)
        {
            var moved = await engine.RescheduleAsync(bookingRef, nextServiceId, cancellationToken);
            Rebooked.Add(1, new KeyValuePair<string, object?>("from", disruption.ServiceId), new("to", nextServiceId)); // clean precision-names
            Meter.CreateSeatbookBookingsCounter().Add(1, nextServiceId, "rebook", pseudonymizer.ComputeSeatbookPassengerId(passengersByRef[bookingRef].ToString())); // leak TC1003 precision-pseudonym
            Activity.Current?.AddEvent(new ActivityEvent("rebooked", tags: new ActivityTagsCollection { ["booking.ref"] = moved.BookingId, ["passenger"] = moved.BookerRef })); // leak TC1001 direct
        }
    }
}

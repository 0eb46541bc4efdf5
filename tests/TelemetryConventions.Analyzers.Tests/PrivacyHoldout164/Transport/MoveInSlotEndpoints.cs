namespace PrivacyHoldout164.Transport;

public sealed record MoveInBooking(string StudentNumber, string Hall, DateTimeOffset Arrival, string CarRegistration, string DriverMobile, int Passengers);

public interface IMoveInSlots
{
    Task<MoveInSlot?> BookAsync(MoveInBooking booking, CancellationToken cancellationToken = default);

    Task<int> FreeBaysAsync(string hall, DateTimeOffset hour, CancellationToken cancellationToken = default);
}

/// <summary>Move-in weekend: families book a 20-minute unloading bay outside the hall; the traffic team sees the plates.</summary>
public static class MoveInSlotEndpoints
{
    private static readonly ActivitySource Source = new("Campus.Transport.MoveIn");
    private static readonly Meter Meter = new("Campus.Transport.MoveIn");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("movein.bookings");
    private static readonly StudenttravelRequestsCounter Requests = Meter.CreateStudenttravelRequestsCounter();

    public static EndpointRoutes MapMoveIn(this EndpointRoutes routes) =>
        routes
            .MapPost("/move-in/slots", async (MoveInBooking booking, IMoveInSlots slots, ILoggerFactory loggers, Pseudonymizer pseudonymizer, CancellationToken cancellationToken) =>
            {
                var logger = loggers.CreateLogger("MoveIn");
                using var span = Source.StartStudenttravelOperation(booking.Hall);
                span.SetStudenttravelStudentId(pseudonymizer.PseudonymizeStudenttravelStudentId(booking.StudentNumber)); // clean generated-api
                span.SetStudenttravelItemCount(booking.Passengers); // clean generated-api
                span.SetStudenttravelNote($"plate {booking.CarRegistration}"); // leak TC1001 generated-api
                Activity.Current?.SetTag("movein.plate_region", booking.CarRegistration[..2]); // clean precision-about
                Activity.Current?.SetTag("movein.hour", booking.Arrival.Hour); // clean precision-about
                Activity.Current?.SetTag(StudenttravelAttributes.Contact, booking.DriverMobile); // leak TC1001 generated-api

                var slot = await slots.BookAsync(booking, cancellationToken);
                if (slot is null)
                {
                    var free = await slots.FreeBaysAsync(booking.Hall, booking.Arrival, cancellationToken);
                    logger.LogWarning("No bay at {Hall} for {Arrival:t}, {Free} free that hour", booking.Hall, booking.Arrival, free); // clean precision-about
                    Requests.Add(1, booking.Hall, "full"); // clean generated-api
                    return "full";
                }

                logger.LogInformation("Bay booked {@Slot}", slot); // leak TC1001 logging-objects
                logger.LogInformation("Bay booked {SlotId} at {Hall} {Start:t}", slot.SlotId, slot.Hall, slot.Start); // clean logging-objects
                logger.LogInformation("Bay booked for {Plate}, text to {Mobile}", booking.CarRegistration, booking.DriverMobile); // leak TC1001 direct
                Bookings.Add(1, new KeyValuePair<string, object?>("hall", booking.Hall), new KeyValuePair<string, object?>("plate", booking.CarRegistration)); // leak TC1003 direct
                Bookings.Add(1, new KeyValuePair<string, object?>("hall", booking.Hall), new KeyValuePair<string, object?>("hour", booking.Arrival.Hour)); // clean direct
                Requests.Add(1, booking.Hall, "booked"); // clean generated-api
                return slot.SlotId.ToString();
            })
            .MapGet("/move-in/arrivals/{hall}", async (string hall, IHallsStore halls, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            {
                var logger = loggers.CreateLogger("MoveIn");
                var arrivals = await halls.ArrivalsAsync(hall, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
                Activity.Current?.SetTag("movein.hall", hall); // clean direct
                Activity.Current?.SetTag("movein.arrivals", arrivals.Count); // clean precision-about
                logger.LogDebug("Arrivals at {Hall}: {Students}", hall, arrivals.Select(a => a.StudentNumber)); // leak TC1001 direct
                logger.LogDebug("Arrivals at {Hall}: rooms {Rooms}", hall, arrivals.Select(a => a.RoomNumber)); // clean precision-names
                return arrivals.Count;
            });
}

namespace Sport.Shuttles;

// A transit operator's match-day shuttles.

/// <summary>A shuttle booking. Prints booking id, the passenger's id, email and mobile, match, pickup stop, seats and wheelchair space.</summary>
public sealed record ShuttleBooking(string BookingId, string PassengerId, string PassengerEmail, string Mobile, string MatchId, string PickupStop, int Seats, bool WheelchairSpace);

/// <summary>A departure. Prints run, vehicle, route, boarded and capacity.</summary>
public sealed record ShuttleDeparture(string RunId, string VehicleId, string RouteId, int Boarded, int Capacity);

/// <summary>A driver's shift. Prints shift, the driver's staff id and name, and vehicle.</summary>
public sealed record DriverShift(string ShiftId, string DriverStaffId, string DriverName, string VehicleId);

/// <summary>A boarding scan. Prints scan id, the ticket barcode, stop and time.</summary>
public sealed record TicketScan(string ScanId, string TicketBarcode, string StopId, DateTimeOffset At);

public interface IBookingStore
{
    Task<ShuttleBooking?> FindByBarcodeAsync(string barcode, CancellationToken cancellationToken = default);

    Task SaveAsync(ShuttleBooking booking, CancellationToken cancellationToken = default);
}

public interface IPassengerNotifier
{
    Task TextAsync(string mobile, string message, CancellationToken cancellationToken = default);
}

/// <summary>No such booking; quotes the booking id.</summary>
public sealed class BookingNotFoundException(string bookingId) : Exception($"Booking {bookingId} not found");

/// <summary>The passenger is barred from shuttles; quotes the passenger id.</summary>
public sealed class PassengerBarredException(string passengerId) : Exception($"Passenger {passengerId} is barred from match-day shuttles");

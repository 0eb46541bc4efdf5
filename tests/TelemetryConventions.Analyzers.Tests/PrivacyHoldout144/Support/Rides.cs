namespace CultureHub.Rides;

// A transport museum's heritage rides: departures on its trams and buses, bookings and boarding. Records print their members.

/// <summary>A departure. Prints departure id, line, vehicle, time, seats and booked.</summary>
public sealed record RideDeparture(string DepartureId, string Line, string Vehicle, DateTimeOffset Departs, int Seats, int Booked);

/// <summary>A ride booking. Prints booking id, departure id, lead rider's name, email, riders, membership number and whether a wheelchair space is needed.</summary>
public sealed record RideBooking(string BookingId, string DepartureId, string LeadName, string Email, int Riders, string? MembershipNumber, bool WheelchairSpace);

/// <summary>Boarding of a booking. Prints booking id, departure id and the number boarded.</summary>
public sealed record RideBoarding(string BookingId, string DepartureId, int Boarded);

public interface IRideDesk
{
    Task<RideDeparture> DepartureAsync(string departureId, CancellationToken cancellationToken = default);

    Task<RideBooking> BookAsync(string departureId, string leadName, string email, int riders, string? membershipNumber, bool wheelchairSpace, CancellationToken cancellationToken = default);

    Task<RideBoarding> BoardAsync(string bookingId, int boarded, CancellationToken cancellationToken = default);
}

/// <summary>The departure is full; quotes the departure and its seats.</summary>
public sealed class DepartureFullException(string departureId, int seats) : Exception($"Departure {departureId} is full ({seats} seats)")
{
    public string DepartureId { get; } = departureId;
}

/// <summary>The vehicle is withdrawn; quotes the fleet number and the reason code.</summary>
public sealed class VehicleWithdrawnException(string vehicle, string reasonCode) : Exception($"{vehicle} withdrawn ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

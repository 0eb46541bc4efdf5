namespace Salon.Mobile;

// Mobile hairdressers' and nail technicians' home visits, an airport terminal's salon and client parking permits.

/// <summary>A home visit. Prints visit id, client number, address, postcode, position and time.</summary>
public sealed record HomeVisit(string VisitId, string ClientNumber, string Address, string Postcode, double Latitude, double Longitude, DateTimeOffset At);

/// <summary>A van the salon group owns. Prints registration, depot and model.</summary>
public sealed record FleetVan(string Registration, string Depot, string Model);

/// <summary>A self-employed stylist's own car. Prints registration, staff id and owner's name.</summary>
public sealed record StylistCar(string Registration, string StaffId, string OwnerName);

/// <summary>A day's round. Prints route id, depot, stops and kilometres.</summary>
public sealed record RoutePlan(string RouteId, string Depot, int Stops, double Kilometres);

/// <summary>A walk-in at the airport terminal salon. Prints walk-in id, booking reference, passenger's name, flight, gate and departure.</summary>
public sealed record TerminalWalkIn(string WalkInId, string BookingReference, string PassengerName, string FlightNumber, string Gate, DateTimeOffset DepartsAt);

/// <summary>A client's parking permit. Prints permit id, registration, client number and expiry.</summary>
public sealed record ParkingPermit(string PermitId, string Registration, string ClientNumber, DateTimeOffset Expires);

/// <summary>The route planner and the council's permit service; not telemetry.</summary>
public interface IRoutePlanner
{
    Task<RoutePlan> PlanAsync(string depot, IReadOnlyList<HomeVisit> visits, CancellationToken cancellationToken = default);

    Task<string> IssuePermitAsync(string registration, DateTimeOffset until, CancellationToken cancellationToken = default);
}

/// <summary>The postcode is outside the service area; quotes the full postcode.</summary>
public sealed class AddressNotServedException(string postcode) : Exception($"Postcode {postcode} is outside the service area");

/// <summary>The council rejected a permit; quotes the registration.</summary>
public sealed class ParkingPermitRejectedException(string registration) : Exception($"Permit for {registration} rejected by the council");

/// <summary>Too many stops on a round; quotes the route and the stops.</summary>
public sealed class RouteOverCapacityException(string routeId, int stops) : Exception($"Route {routeId} has {stops} stops");

/// <summary>The flight is boarding; quotes flight and gate.</summary>
public sealed class FlightBoardingException(string flightNumber, string gate) : Exception($"Flight {flightNumber} boarding at gate {gate}");

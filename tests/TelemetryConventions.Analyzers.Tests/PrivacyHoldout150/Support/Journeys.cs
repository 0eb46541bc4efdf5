namespace Dating.Journeys;

// Journeys to dates shared with a trusted friend, commuter carpools and rides to dates.

/// <summary>A shared journey. Prints trip id, the member's id, the trusted contact's name and phone, the destination venue and ETA.</summary>
public sealed record SharedJourney(string TripId, Guid MemberId, string TrustedContactName, string TrustedContactPhone, string VenueName, DateTimeOffset Eta);

/// <summary>A position fix. Prints trip id, coordinates, speed and time.</summary>
public sealed record PositionFix(string TripId, double Latitude, double Longitude, double SpeedKph, DateTimeOffset At);

/// <summary>A carpool offer. Prints offer id, the driver's member id, the plate, route, seats and departure.</summary>
public sealed record CarpoolOffer(string OfferId, Guid DriverMemberId, string Plate, string RouteId, int Seats, TimeOnly Departs);

/// <summary>A ride request. Prints ride id, the passenger's id, the pickup address, the venue and fare.</summary>
public sealed record RideRequest(string RideId, Guid PassengerId, string PickupAddress, string VenueName, decimal Fare);

/// <summary>A dispatched driver. Prints the driver's staff id, name, the fleet vehicle and its plate.</summary>
public sealed record DispatchedDriver(string DriverStaffId, string DriverName, string VehicleId, string FleetPlate);

/// <summary>The trip is unknown; quotes the trip id.</summary>
public sealed class TripNotFoundException(string tripId) : Exception($"No trip {tripId}");

/// <summary>The passenger is barred; quotes the passenger's id.</summary>
public sealed class PassengerBarredException(Guid passengerId) : Exception($"Passenger {passengerId} is barred from rides");

namespace ParcelKit.Handset;

// The driver handset platform: routes and stops, safe places, proof of delivery, attempts.

/// <summary>A position. Prints its members.</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    public GeoPoint Rounded(int decimals) => new(Math.Round(Latitude, decimals), Math.Round(Longitude, decimals));
}

/// <summary>Where a parcel may be left when nobody answers.</summary>
public enum SafePlace
{
    None,
    Porch,
    Neighbour,
    Garage,
    Shed,
    Reception,
    Locker,
}

/// <summary>The recipient's delivery instructions. Prints its members.</summary>
public sealed record DeliveryInstructions(SafePlace Option, string? Note)
{
    /// <summary>The neighbour the recipient names ("Mrs Okafor at 14").</summary>
    public string? Neighbour { get; init; }

    /// <summary>A key safe or gate code typed by the recipient.</summary>
    public string? AccessCode { get; init; }
}

/// <summary>A delivery window. Prints its members.</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To);

/// <summary>A stop on a route. Prints its members (the address as its text).</summary>
public sealed record RouteStop(int Sequence, string ShipmentId, Address Address, GeoPoint Position, TimeWindow Window)
{
    public DeliveryInstructions? Instructions { get; init; }
}

/// <summary>A driver's route for a day. A class: it does not print its members.</summary>
public sealed class DriverRoute
{
    public required string RouteId { get; init; }

    public required string Depot { get; init; }

    public required string DriverStaffNumber { get; init; }

    public required string DriverName { get; init; }

    /// <summary>The fleet van's registration.</summary>
    public required string VanRegistration { get; init; }

    public List<RouteStop> Stops { get; } = new();

    public DateOnly Date { get; init; }
}

/// <summary>How an attempt ended.</summary>
public enum AttemptOutcome
{
    Delivered,
    LeftInSafePlace,
    LeftWithNeighbour,
    CardLeft,
    Refused,
    NoAccess,
    Damaged,
}

/// <summary>A delivery attempt as the handset reports it. Prints its members.</summary>
public sealed record DeliveryAttempt(string ShipmentId, int Attempt, AttemptOutcome Outcome, DateTimeOffset At, GeoPoint Position)
{
    /// <summary>The reference on the "sorry we missed you" card.</summary>
    public string? CardReference { get; init; }
}

/// <summary>Proof of delivery captured on the handset. Prints its members (the signature as <c>System.Byte[]</c>).</summary>
public sealed record ProofOfDelivery(string ShipmentId, DateTimeOffset DeliveredAt, GeoPoint Position, string PhotoKey)
{
    /// <summary>The name the person at the door typed or gave.</summary>
    public string? SignedName { get; init; }

    public byte[]? SignaturePng { get; init; }

    /// <summary>Who it was left with, when not the recipient ("neighbour, no. 14").</summary>
    public string? LeftWith { get; init; }
}

/// <summary>Stores proof-of-delivery photos and signatures (not telemetry).</summary>
public interface IPodStore
{
    Task<string> PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>A read URL signed for <paramref name="lifetime"/> (SAS-style query string).</summary>
    Uri GetReadUrl(string key, TimeSpan lifetime);
}

/// <summary>The handset sent a stop that is not on the route; the message names both.</summary>
public sealed class StopNotOnRouteException(string shipmentId, string routeId) : Exception($"Shipment {shipmentId} is not on route {routeId}");

/// <summary>A delivery was scanned too far from the stop; the message quotes both positions.</summary>
public sealed class GeofenceMismatchException(GeoPoint expected, GeoPoint actual, double metres)
    : Exception($"Scanned {metres:F0} m from the stop: expected {expected.Latitude},{expected.Longitude}, got {actual.Latitude},{actual.Longitude}")
{
    public double Metres { get; } = metres;
}

/// <summary>A handset call from a driver who is not signed in to a route; the message quotes the staff number.</summary>
public sealed class DriverNotSignedInException(string staffNumber) : Exception($"Driver {staffNumber} is not signed in to a route");

/// <summary>Distances on the ground.</summary>
public static class Geo
{
    public static double Metres(GeoPoint a, GeoPoint b)
    {
        const double R = 6_371_000;
        var dLat = (b.Latitude - a.Latitude) * Math.PI / 180;
        var dLon = (b.Longitude - a.Longitude) * Math.PI / 180;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(a.Latitude * Math.PI / 180) * Math.Cos(b.Latitude * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }
}

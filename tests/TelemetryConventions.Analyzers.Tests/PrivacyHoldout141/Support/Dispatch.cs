namespace Ridewise.Dispatch;

// The shapes of a ride-hailing partner's dispatch API (requests, matching, trips, fares, tips and
// receipts), in the manner of the "rides for business" and "health rides" APIs that platforms publish.

/// <summary>A position. Prints its latitude and longitude with six decimals.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public GeoPoint Rounded(int decimals) => new(Math.Round(Latitude, decimals), Math.Round(Longitude, decimals));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude:F6},{Longitude:F6}");
}

/// <summary>A ride request. Prints its members: the rider's account id, phone and pickup among them.</summary>
public sealed record RideRequest(
    string RequestId,
    string RiderAccountId,
    string RiderPhone,
    GeoPoint Pickup,
    GeoPoint Dropoff,
    string ProductCode,
    int Seats,
    bool WheelchairAccessible);

/// <summary>A driver offered a request. Prints the driver's id, name, distance and rating.</summary>
public sealed record DriverCandidate(string DriverId, string DisplayName, double DistanceKm, double Rating, string VehicleClass);

/// <summary>A request matched to a driver. Prints the trip, the request, the driver's id, the vehicle's plate and the ETA.</summary>
public sealed record TripMatch(string TripId, string RequestId, string DriverId, string VehicleRegistration, double EtaMinutes);

/// <summary>A fare quote. Prints only things: the quote id, product, zone, amount, currency and surge multiplier.</summary>
public sealed record FareQuote(string QuoteId, string ProductCode, string Zone, decimal Amount, string Currency, double SurgeMultiplier);

/// <summary>A trip as the partner returns it. A class: printed, it shows its type's name.</summary>
public sealed class Trip
{
    public required string TripId { get; init; }

    public required string RiderAccountId { get; init; }

    public required string DriverId { get; init; }

    public required string VehicleRegistration { get; init; }

    public GeoPoint Pickup { get; init; }

    public GeoPoint Dropoff { get; init; }

    public string Status { get; init; } = "requested";

    public double DistanceKm { get; init; }

    public TimeSpan Duration { get; init; }

    public decimal Fare { get; init; }

    public string Currency { get; init; } = "GBP";
}

/// <summary>A receipt. Prints its number, the trip, the fare, the tip, the currency and the card's last four digits.</summary>
public sealed record TripReceipt(string ReceiptNumber, string TripId, decimal Fare, decimal Tip, string Currency, string CardLastFour);

/// <summary>A tip left by a rider. Prints the trip, the amount and the message the rider typed for the driver.</summary>
public sealed record TipRecord(string TripId, decimal Amount, string? Message);

/// <summary>Counts from a dispatch round. Prints only numbers and a zone.</summary>
public sealed record DispatchRound(string Zone, int Requests, int Matched, int Expired, double MedianEtaMinutes);

public interface IRideDispatchClient
{
    Task<FareQuote> QuoteAsync(RideRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DriverCandidate>> FindCandidatesAsync(RideRequest request, double radiusKm, CancellationToken cancellationToken = default);

    Task<TripMatch> MatchAsync(RideRequest request, DriverCandidate candidate, CancellationToken cancellationToken = default);

    Task<Trip> GetTripAsync(string tripId, CancellationToken cancellationToken = default);

    Task CancelAsync(string tripId, string reasonCode, CancellationToken cancellationToken = default);

    Task<TripReceipt> CompleteAsync(string tripId, decimal tip, CancellationToken cancellationToken = default);

    Task SendReceiptAsync(string email, TripReceipt receipt, CancellationToken cancellationToken = default);
}

/// <summary>No driver was found; the message quotes the zone and the radius.</summary>
public sealed class NoDriverAvailableException(string zone, double radiusKm)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"No driver available within {radiusKm:F1} km in zone {zone}"))
{
    public string Zone { get; } = zone;
}

/// <summary>The rider's account is suspended; the message quotes the account id.</summary>
public sealed class RiderSuspendedException(string riderAccountId, string reasonCode)
    : Exception($"Rider account {riderAccountId} is suspended ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The pickup could not be geocoded; the message quotes the address the rider typed.</summary>
public sealed class PickupNotFoundException(string typedAddress) : Exception($"Could not place pickup '{typedAddress}'")
{
    public string Reason { get; } = "geocode-miss";
}

/// <summary>The trip can no longer be changed; the message quotes the trip and its status.</summary>
public sealed class TripStateException(string tripId, string status) : Exception($"Trip {tripId} is {status}")
{
    public string Status { get; } = status;
}

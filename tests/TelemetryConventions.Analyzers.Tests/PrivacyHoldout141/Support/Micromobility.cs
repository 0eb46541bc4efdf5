namespace Ridewise.Micromobility;

// Shared scooters and bikes: unlocks by QR code, rides, end-of-ride parking photos and the fleet's
// own vehicles, as the operators' partner and fleet APIs hold them.

/// <summary>An unlock by a rider. Prints the vehicle, the rider's account id, the rider's position and the QR code.</summary>
public sealed record UnlockRequest(string VehicleId, string RiderAccountId, Ridewise.Dispatch.GeoPoint RiderPosition, string QrCode);

/// <summary>A fleet vehicle's state. Prints only the vehicle: its id, battery, zone, lock and position.</summary>
public sealed record VehicleState(string VehicleId, string Kind, int BatteryPercent, string Zone, bool Locked, Ridewise.Dispatch.GeoPoint Position);

/// <summary>A finished ride. Prints the ride, the vehicle, the rider's account id, the distance and the minutes.</summary>
public sealed record RideSummary(string RideId, string VehicleId, string RiderAccountId, double DistanceKm, int Minutes, decimal Charge);

/// <summary>An end-of-ride parking photo. Prints the photo, the ride, the blob key, the EXIF position from the rider's phone and its size.</summary>
public sealed record ParkingPhoto(string PhotoId, string RideId, string BlobKey, Ridewise.Dispatch.GeoPoint? ExifPosition, string? CameraModel, long SizeBytes);

/// <summary>The parking classifier's verdict. Prints the photo, the verdict and the confidence.</summary>
public sealed record ParkingVerdict(string PhotoId, string Verdict, double Confidence, string? Rule);

public interface IFleetClient
{
    Task<VehicleState?> GetVehicleAsync(string vehicleId, CancellationToken cancellationToken = default);

    Task<string> UnlockAsync(UnlockRequest request, CancellationToken cancellationToken = default);

    Task<RideSummary> EndRideAsync(string rideId, CancellationToken cancellationToken = default);

    Task StorePhotoAsync(ParkingPhoto photo, byte[] image, CancellationToken cancellationToken = default);

    Task<ParkingVerdict> ClassifyAsync(string photoId, CancellationToken cancellationToken = default);

    Task FineAsync(string riderAccountId, string rideId, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The unlock was refused for the rider; the message quotes the vehicle and the rider's account id.</summary>
public sealed class UnlockDeniedException(string vehicleId, string riderAccountId, string reason)
    : Exception($"Unlock of {vehicleId} denied for rider {riderAccountId}: {reason}")
{
    public string VehicleId { get; } = vehicleId;

    public string Reason { get; } = reason;
}

/// <summary>The vehicle does not answer; the message quotes the vehicle and the last heartbeat.</summary>
public sealed class VehicleOfflineException(string vehicleId, DateTimeOffset lastSeen)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Vehicle {vehicleId} offline since {lastSeen:O}"))
{
    public string VehicleId { get; } = vehicleId;
}

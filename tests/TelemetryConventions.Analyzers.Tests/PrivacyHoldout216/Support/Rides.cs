namespace PrivacyHoldout216.Support;

// The scheme's records. Records print every member in ToString.

public sealed record Rider(string RiderId, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode, string Tier);

public sealed record RiderAccountSummary(string Tier, int TripCount, bool AgeVerified, string Scheme);

public sealed record Trip(string TripId, string RiderId, string VehicleId, string VehicleKind, string StartZone, string EndZone, double EndLatitude, double EndLongitude, int Minutes, decimal Fare);

public sealed record TripSummary(string TripId, string VehicleId, string VehicleKind, string EndZone, int Minutes, decimal Fare);

public sealed record ParkingPhoto(string PhotoId, string TripId, string RiderId, string BlobUri, double Latitude, double Longitude, string? Caption);

public sealed record PhotoVerdict(string PhotoId, string Verdict, double Confidence, string ZoneId);

public sealed record Fine(string FineId, string RiderId, string RiderEmail, string Reason, decimal Amount, string TripId);

public sealed record FineTotals(string Reason, int Count, decimal Amount);

public sealed record Ban(string BanId, string RiderId, string RiderName, string Reason, DateOnly Until);

public sealed record DamageReport(string IncidentId, string VehicleId, string Kind, string ZoneId, int Severity);

public sealed record LostVehicleReport(string IncidentId, string VehicleId, string LastRiderId, double LastLatitude, double LastLongitude);

public sealed record InjuryReport(string ReportId, string TripId, string RiderId, string RiderName, string InjuryDescription, string Hospital, string VehicleKind);

public sealed record AgeCheckResult(string CheckId, string RiderId, DateOnly DateOfBirth, string DocumentNumber, string DocumentType, bool Passed);

public sealed record ChargeJob(string JobId, string VehicleId, string JuicerId, string JuicerName, string DepotId, int BatteryPercent);

/// <summary>A rider's profile as the app's cache holds it. No ToString.</summary>
public sealed class RiderProfile
{
    public required string RiderId { get; init; }

    public required string Email { get; init; }

    public string Tier { get; init; } = "standard";
}

/// <summary>The scheme's systems of record and partners. Not telemetry.</summary>
public interface IRiderStore
{
    Task<Rider?> FindAsync(string riderId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Trip>> TripsAsync(string riderId, CancellationToken cancellationToken);

    Task SaveBanAsync(Ban ban, CancellationToken cancellationToken);
}

public interface IAgeVerificationClient
{
    Task<AgeCheckResult> CheckAsync(string riderId, string documentNumber, DateOnly dateOfBirth, CancellationToken cancellationToken);
}

public interface IFineGateway
{
    Task<string> IssueAsync(Fine fine, CancellationToken cancellationToken);
}

public interface IPhotoStorage
{
    Task<string> PutAsync(string tripId, byte[] jpeg, CancellationToken cancellationToken);

    Task<PhotoVerdict> ClassifyAsync(string photoId, CancellationToken cancellationToken);
}

public interface IInjuryClaimsClient
{
    Task<string> FileAsync(InjuryReport report, CancellationToken cancellationToken);
}

public sealed class RiderNotFoundException(string riderId) : Exception($"No rider account {riderId}")
{
    public string RiderId { get; } = riderId;
}

public sealed class AgeCheckFailedException(string documentNumber, DateOnly dateOfBirth)
    : Exception($"Document {documentNumber} (born {dateOfBirth:yyyy-MM-dd}) failed the age check");

public sealed class FineDisputedException(string fineId, string riderEmail)
    : Exception($"Fine {fineId} disputed by {riderEmail}");

public sealed class VehicleOfflineException(string vehicleId, string zoneId)
    : Exception($"Vehicle {vehicleId} offline in zone {zoneId}");

public sealed class DockUnavailableException(string dockId, int freeSlots)
    : Exception($"Dock {dockId} has {freeSlots} free slots");

public sealed class PaymentProviderException(string provider, int statusCode)
    : Exception($"{provider} answered {statusCode}");

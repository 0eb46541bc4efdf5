namespace Rental.Fleet;

// Agreements, vehicles, deposits and telematics.

/// <summary>A rental agreement. Prints the agreement number, renter id, vehicle id, fleet plate and branch.</summary>
public sealed record RentalAgreement(string AgreementNumber, string RenterId, string VehicleId, string FleetPlate, string Branch, DateTimeOffset PickUp, DateTimeOffset DropOff);

/// <summary>An agreement as reports show it: number, branch, days and vehicle class; names no one.</summary>
public sealed record AgreementSummary(string AgreementNumber, string Branch, int Days, string VehicleClass);

/// <summary>A deposit pre-authorisation. Prints the hold id, full card number, last four, amount and renter id.</summary>
public sealed record DepositHold(string HoldId, string CardNumber, string CardLastFour, decimal Amount, string Currency, string RenterId);

/// <summary>The payment gateway's answer: hold id, status and decline code; names no one.</summary>
public sealed record DepositResult(string HoldId, string Status, string? DeclineCode);

public interface IDepositGateway
{
    Task<DepositResult> AuthoriseAsync(DepositHold hold, CancellationToken cancellationToken = default);

    Task<DepositResult> ReleaseAsync(string holdId, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The gateway declined the hold; the message quotes the decline code only.</summary>
public sealed class DepositDeclinedException(string declineCode) : Exception($"Deposit declined: {declineCode}")
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>A telematics ping from a vehicle's box. Prints the box IMEI, vehicle id, position, speed and time.</summary>
public sealed record TelematicsPing(string DeviceImei, string VehicleId, double Latitude, double Longitude, double SpeedKph, DateTimeOffset At);

/// <summary>A car a private owner lists on the car sharing platform. Prints the owner id, plate and VIN.</summary>
public sealed record SharedCar(string ListingId, string OwnerId, string Plate, string Vin, string Make, string Model);

public interface ITelematicsGateway
{
    Task UnlockAsync(string vehicleId, CancellationToken cancellationToken = default);

    Task<TelematicsPing?> LastPingAsync(string vehicleId, CancellationToken cancellationToken = default);
}

/// <summary>The telematics gateway answered an error status; the message quotes the status.</summary>
public sealed class TelematicsGatewayException(int status) : Exception($"Telematics gateway answered {status}");

/// <summary>The vehicle is not available; the message quotes the fleet vehicle id.</summary>
public sealed class VehicleUnavailableException(string vehicleId) : Exception($"Vehicle {vehicleId} is not available");

namespace PrivacyHoldout205.Support;

// Records of the licensing and booking systems. Records print every property in ToString().

/// <summary>A driver's licence as the licensing register holds it.</summary>
public sealed record DriverLicence(string DriverId, string FullName, string BadgeNumber, string LicenceNumber, string Mobile, string Email, string Authority, string LicenceType, DateOnly Expiry);

/// <summary>What an application looks like without the driver: reference, authority, status.</summary>
public sealed record LicenceSummary(string ApplicationRef, string Authority, string LicenceType, string Status, int DaysToExpiry);

/// <summary>An enhanced DBS certificate held for a driver or escort.</summary>
public sealed record DbsCheck(string CertificateNumber, string DriverId, string FullName, string Status, DateOnly IssuedOn);

/// <summary>The outcome of a DBS step, without the person or the certificate.</summary>
public sealed record DbsOutcome(string ApplicationRef, string Status, bool BarredListChecked, int DaysSinceIssue);

/// <summary>A Group 2 medical of a driver, with the examining doctor and their note.</summary>
public sealed record MedicalCheck(string DriverId, string DriverName, string GmcNumber, string MedicalGroup, string Outcome, string? DoctorNote);

/// <summary>A slot at a clinic for a medical.</summary>
public sealed record MedicalSlot(string SlotRef, string ClinicCode, DateTime StartsAt, string MedicalGroup);

/// <summary>A licensed vehicle: the council's plate on a proprietor's own car.</summary>
public sealed record VehiclePlate(string PlateNumber, string Registration, string ProprietorName, string VehicleClass, DateOnly PlateExpiry);

/// <summary>A vehicle inspection at a testing station.</summary>
public sealed record InspectionResult(string InspectionRef, string Station, bool Passed, int Defects, string VehicleClass);

/// <summary>A passenger's complaint about a driver.</summary>
public sealed record PassengerComplaint(string ComplaintRef, string PassengerName, string PassengerEmail, string BadgeNumber, string Text);

/// <summary>A complaint's state, without the people in it.</summary>
public sealed record ComplaintSummary(string ComplaintRef, string Category, string Status, int DaysOpen);

/// <summary>An item left in a vehicle, as the owner reported it.</summary>
public sealed record LostPropertyItem(string ItemRef, string Category, string Description, string OwnerName, string OwnerPhone);

/// <summary>A ride receipt: trip, fare and the card's last four digits.</summary>
public sealed record RideReceipt(string ReceiptNumber, string TripRef, decimal Fare, string Currency, string CardLast4);

/// <summary>A private hire booking for a passenger.</summary>
public sealed record RideBooking(string BookingRef, string PassengerId, string PassengerName, string Mobile, string PickupAddress, string FirmCode);

/// <summary>A charging session at a taxi rank charger, billed to a driver's account.</summary>
public sealed record ChargeSession(string SessionRef, string ChargerId, string DriverAccount, string VehicleRegistration, decimal Kwh, decimal Amount);

/// <summary>A driver's profile card; a class without ToString, so it prints as its type's name.</summary>
public sealed class DriverProfile
{
    public required string FullName { get; init; }

    public required string BadgeNumber { get; init; }

    public required string Authority { get; init; }

    public int YearsLicensed { get; init; }
}

// Exceptions. Some quote a person's identifier, others only things.

public sealed class BadgeSuspendedException(string badgeNumber)
    : Exception($"Badge {badgeNumber} is suspended pending a review");

public sealed class LicenceRejectedException(string licenceNumber, string reason)
    : Exception($"DVLA rejected driving licence {licenceNumber}: {reason}");

public sealed class PassengerNotFoundException(string email)
    : Exception($"No passenger account for {email}");

public sealed class InspectionBookingFullException(string station, DateOnly day)
    : Exception($"Testing station {station} has no free bay on {day:yyyy-MM-dd}");

public sealed class DbsServiceUnavailableException(int statusCode)
    : Exception($"The DBS update service answered {statusCode}");

public sealed class ReceiptNotFoundException(string receiptNumber)
    : Exception($"Receipt {receiptNumber} was not found");

// Systems of record and gateways: not telemetry.

public interface ILicensingRegister
{
    Task<DriverLicence?> FindDriverAsync(string driverId, CancellationToken cancellationToken);

    Task<VehiclePlate?> FindPlateAsync(string plateNumber, CancellationToken cancellationToken);

    Task SaveAsync(LicenceSummary summary, CancellationToken cancellationToken);
}

public interface IDbsGateway
{
    Task<DbsCheck> CheckAsync(string certificateNumber, string surname, CancellationToken cancellationToken);
}

public interface IMedicalsClient
{
    Task<MedicalCheck> GetResultAsync(string driverId, CancellationToken cancellationToken);

    Task<MedicalSlot> BookAsync(string driverId, string clinicCode, CancellationToken cancellationToken);
}

public interface IComplaintStore
{
    Task<PassengerComplaint?> FindAsync(string complaintRef, CancellationToken cancellationToken);

    Task SaveAsync(PassengerComplaint complaint, CancellationToken cancellationToken);
}

public interface ILostPropertyStore
{
    Task<LostPropertyItem> ReportAsync(LostPropertyItem item, CancellationToken cancellationToken);
}

public interface IReceiptMailer
{
    Task SendAsync(string email, RideReceipt receipt, CancellationToken cancellationToken);
}

public interface IBookingClient
{
    Task<RideBooking> BookAsync(string passengerId, string pickupAddress, CancellationToken cancellationToken);
}

namespace PrivacyHoldout189.Support;

// The prison estate's records, as the systems of record hold them.

/// <summary>A person in prison: prison number (A1234BC), PNC id and name.</summary>
public sealed record Prisoner(string PrisonNumber, string PncId, string FullName, DateOnly DateOfBirth, string Establishment, string Wing, string IncentiveLevel);

/// <summary>A visitor on the approved visitors list.</summary>
public sealed record Visitor(string VisitorId, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Relationship);

/// <summary>A social visit booking; it names the prisoner and the lead visitor.</summary>
public sealed record VisitBooking(string VisitReference, string PrisonNumber, string LeadVisitorId, string LeadVisitorName, string Establishment, DateTime Slot, int VisitorCount);

/// <summary>A visits hall slot: no person.</summary>
public sealed record VisitSlot(string SlotId, string Establishment, string Hall, DateTime StartsAt, int Capacity, int Booked);

/// <summary>A legal visit: the prisoner and their solicitor.</summary>
public sealed record LegalVisit(string LegalVisitId, string PrisonNumber, string SolicitorName, string SolicitorEmail, string FirmCode, DateTime Slot, bool VideoLink);

/// <summary>A number a prisoner may call.</summary>
public sealed record ApprovedContact(string ContactId, string PrisonNumber, string ContactName, string PhoneNumber, string Relationship, bool LegallyPrivileged);

/// <summary>A phone PIN issued to one prisoner.</summary>
public sealed record PhonePin(string PrisonNumber, string Pin, DateTime IssuedAt, int Credit);

/// <summary>A finished call, as the phone system reports it: no person.</summary>
public sealed record CallSummary(string CallId, string Establishment, int DurationSeconds, bool Recorded, bool LegallyPrivileged);

/// <summary>An item of a prisoner's stored property.</summary>
public sealed record PropertyItem(string ItemId, string PrisonNumber, string Description, string SealNumber, decimal DeclaredValue);

/// <summary>A batch of property moved between establishments: no person.</summary>
public sealed record PropertyBatch(string BatchId, string FromEstablishment, string ToEstablishment, int BagCount, string Status);

/// <summary>Money paid into or spent from a prisoner's account.</summary>
public sealed record SpendsTransaction(string TransactionId, string PrisonNumber, decimal Amount, string Source, string SenderName);

/// <summary>Release on temporary licence.</summary>
public sealed record RotlLicence(string LicenceId, string PrisonNumber, string PrisonerName, string ReleaseAddress, DateTime From, DateTime Until, string Purpose);

/// <summary>An electronic monitoring order at a curfew address.</summary>
public sealed record TagInstallation(string OrderId, string PrisonNumber, string WearerName, string CurfewAddress, string Postcode, string TagSerial, string MonitoringUnitSerial);

/// <summary>An alert raised by a tag: the tag identifies its wearer.</summary>
public sealed record TagAlert(string AlertId, string TagSerial, string AlertType, DateTime RaisedAt, double Latitude, double Longitude);

/// <summary>A curfew order as the region sees it: no person.</summary>
public sealed record CurfewSummary(string OrderId, string Region, int CurfewHours, string Status);

/// <summary>A prisoner's profile for the kiosk, a class without ToString.</summary>
public sealed class KioskProfile
{
    public required string PrisonNumber { get; init; }

    public required string DisplayName { get; init; }

    public required string Wing { get; init; }
}

// Systems of record and gateways: not telemetry.

public interface IPrisonerIndex
{
    Task<Prisoner?> FindAsync(string prisonNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<Prisoner>> OnWingAsync(string establishment, string wing, CancellationToken cancellationToken);
}

public interface IVisitsBookingStore
{
    Task<VisitSlot?> SlotAsync(string slotId, CancellationToken cancellationToken);

    Task<VisitBooking> BookAsync(string slotId, Prisoner prisoner, Visitor leadVisitor, int visitorCount, CancellationToken cancellationToken);

    Task<IReadOnlyList<Visitor>> ApprovedVisitorsAsync(string prisonNumber, CancellationToken cancellationToken);
}

public interface IPhoneSystemGateway
{
    Task<PhonePin> IssuePinAsync(string prisonNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApprovedContact>> ContactsAsync(string prisonNumber, CancellationToken cancellationToken);

    Task<bool> ApproveAsync(ApprovedContact contact, CancellationToken cancellationToken);
}

public interface IPrisonerMoneyLedger
{
    Task<decimal> BalanceAsync(string prisonNumber, CancellationToken cancellationToken);

    Task<SpendsTransaction> DebitAsync(string prisonNumber, decimal amount, string reference, CancellationToken cancellationToken);
}

public interface IMonitoringSupplierClient
{
    Task<TagInstallation?> OrderAsync(string orderId, CancellationToken cancellationToken);

    Task AcknowledgeAsync(string alertId, CancellationToken cancellationToken);
}

public interface IRotlRegister
{
    Task<RotlLicence?> LicenceAsync(string licenceId, CancellationToken cancellationToken);

    Task RecordReturnAsync(string licenceId, DateTime returnedAt, CancellationToken cancellationToken);
}

// Exceptions.

/// <summary>Quotes a prison number.</summary>
public sealed class PrisonerNotFoundException(string prisonNumber)
    : Exception($"No prisoner with prison number {prisonNumber} in this establishment");

/// <summary>Quotes the phone number a prisoner tried to add.</summary>
public sealed class ContactNotApprovedException(string phoneNumber)
    : Exception($"Number {phoneNumber} is not on the approved contacts list");

/// <summary>Quotes a visitor's name.</summary>
public sealed class VisitorBannedException(string visitorName)
    : Exception($"Visitor {visitorName} is banned from visits until review");

/// <summary>Quotes a tag serial, which identifies the wearer.</summary>
public sealed class TagNotFittedException(string tagSerial)
    : Exception($"Tag {tagSerial} has not reported since installation");

/// <summary>Quotes an establishment and a slot.</summary>
public sealed class VisitSlotFullException(string establishment, string slotId)
    : Exception($"Slot {slotId} at {establishment} is full");

/// <summary>Quotes a supplier and a status code.</summary>
public sealed class SupplierUnavailableException(string supplier, int statusCode)
    : Exception($"Supplier {supplier} answered {statusCode}");

/// <summary>Quotes a batch and a bag count.</summary>
public sealed class PropertyLimitExceededException(string batchId, int bagCount)
    : Exception($"Batch {batchId} has {bagCount} bags, over the volumetric control limit");

namespace Removals.Moves;

/// <summary>A customer moving home: id, full name, email, mobile, current address, new address and new postcode.</summary>
public sealed record MoveCustomer(string CustomerId, string FullName, string Email, string Mobile, string CurrentAddress, string NewAddress, string NewPostcode);

/// <summary>A move quote: quote id, depot, price, volume in cubic feet, crew size. Names no one.</summary>
public sealed record MoveQuote(string QuoteId, string Depot, decimal Price, int CubicFeet, int CrewSize);

/// <summary>A survey of a customer's home: survey id, customer id, surveyor's staff id, the address, access notes, rooms.</summary>
public sealed record HomeSurvey(string SurveyId, string CustomerId, string SurveyorStaffId, string Address, string AccessNotes, int Rooms);

/// <summary>One line of an inventory: item id, room, category (from the service's list), fragile, declared value.</summary>
public sealed record InventoryItem(string ItemId, string Room, string Category, bool Fragile, decimal DeclaredValue);

/// <summary>A crew on a job: job id, driver's staff id, driver's name, the company van's fleet registration, depot.</summary>
public sealed record CrewAssignment(string JobId, string DriverStaffId, string DriverName, string VanRegistration, string Depot);

/// <summary>A storage unit rented to a customer: unit id, customer id, renter's name, access code, site, square feet.</summary>
public sealed record StorageRental(string UnitId, string CustomerId, string RenterName, string AccessCode, string Site, int SquareFeet);

/// <summary>A storage unit without the renter: unit id, site, square feet, occupied.</summary>
public sealed record UnitSummary(string UnitId, string Site, int SquareFeet, bool Occupied);

/// <summary>Keys handed over: handover id, property reference, recipient's name and mobile, key safe code, time.</summary>
public sealed record KeyHandover(string HandoverId, string PropertyRef, string RecipientName, string RecipientMobile, string KeySafeCode, DateTimeOffset At);

/// <summary>A change-of-address notice to a utility or council: notice id, account number, old and new address, new postcode, organisation, move date.</summary>
public sealed record AddressChangeNotice(string NoticeId, string AccountNumber, string OldAddress, string NewAddress, string NewPostcode, string Organisation, DateOnly MoveDate);

/// <summary>An organisation's receipt of a notice: notice id, organisation, status.</summary>
public sealed record NoticeReceipt(string NoticeId, string Organisation, string Status);

/// <summary>A damage claim: claim id, job id, customer id, the customer's description of the damage, amount.</summary>
public sealed record DamageClaim(string ClaimId, string JobId, string CustomerId, string DamageDescription, decimal Amount);

/// <summary>A claim's decision: claim id, outcome code, amount settled.</summary>
public sealed record ClaimDecision(string ClaimId, string Outcome, decimal Settled);

/// <summary>A mover's profile as the portal holds it (a class, no ToString).</summary>
public sealed class MoverProfile
{
    public required string CustomerId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>The move book (a system of record, not telemetry).</summary>
public interface IMoveBook
{
    Task<MoveCustomer?> FindAsync(string customerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InventoryItem>> InventoryAsync(string jobId, CancellationToken cancellationToken = default);

    Task SaveAsync(HomeSurvey survey, CancellationToken cancellationToken = default);
}

/// <summary>The notice gateway to utilities and councils, not telemetry.</summary>
public interface INoticeGateway
{
    Task<NoticeReceipt> SendAsync(AddressChangeNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>The storage site's door controller, not telemetry.</summary>
public interface IDoorController
{
    Task<bool> CheckAsync(string site, string accessCode, CancellationToken cancellationToken = default);
}

/// <summary>No such customer; quotes the customer id.</summary>
public sealed class CustomerNotFoundException(string customerId) : Exception($"Customer {customerId} has no move booked");

/// <summary>An access code was refused at a site's door; quotes the code.</summary>
public sealed class AccessCodeRejectedException(string accessCode) : Exception($"Access code {accessCode} was refused");

/// <summary>An address could not be matched; quotes the postcode.</summary>
public sealed class AddressNotRecognisedException(string postcode) : Exception($"No address found for {postcode}")
{
    public string Postcode { get; } = postcode;
}

/// <summary>A driver cannot take a run; quotes the driver's name.</summary>
public sealed class DriverUnavailableException(string driverName) : Exception($"{driverName} is not available for this run");

/// <summary>No van is free at a depot; quotes the depot and the vans out.</summary>
public sealed class VanUnavailableException(string depot, int vansOut) : Exception($"No van free at {depot}; {vansOut} out");

/// <summary>A unit is already let; quotes the unit.</summary>
public sealed class UnitOccupiedException(string unitId) : Exception($"Unit {unitId} is already let");

/// <summary>No survey slot left; quotes the depot and the day.</summary>
public sealed class SurveySlotFullException(string depot, DateOnly day) : Exception($"No survey slot at {depot} on {day:yyyy-MM-dd}");

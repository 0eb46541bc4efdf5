namespace Weddings.Sectors;

// Each industry's side of weddings and events.

/// <summary>A hospital's bedside or chapel wedding for a patient: prints the NHS number, the patient's and partner's names, the ward, the registrar district and the time.</summary>
public sealed record BedsideWeddingRequest(string RequestId, string NhsNumber, string PatientName, string PartnerName, string Ward, string RegistrarDistrict, DateTimeOffset RequestedFor);

/// <summary>A staff awards dinner RSVP: staff number, name, diet code, the staff member's own dietary note, directorate.</summary>
public sealed record StaffDinnerRsvp(string StaffNumber, string Name, string DietCode, string? DietaryNote, string Directorate, bool Attending);

/// <summary>A sixth form prom ticket: ticket id, student number, student name, plus-one's name, diet code, school.</summary>
public sealed record PromTicket(string TicketId, string StudentNumber, string StudentName, string? PlusOneName, string DietCode, string School);

/// <summary>A hall hired for a wedding: hire id, hall, date, the couple's contact email and the headcount.</summary>
public sealed record HallHire(string HireId, string Hall, DateOnly Date, string ContactEmail, int Headcount);

/// <summary>A temporary supply for a marquee: request id, the customer's account, contact email, the site's postcode, kVA and date.</summary>
public sealed record TemporarySupplyRequest(string RequestId, string CustomerAccount, string ContactEmail, string SitePostcode, int Kva, DateOnly EventDate);

/// <summary>A surname change after a wedding: account number, old and new surnames and the meter serial.</summary>
public sealed record SurnameChange(string AccountNumber, string OldSurname, string NewSurname, string MeterSerial);

/// <summary>The account is not found; the message quotes the account number.</summary>
public sealed class AccountNotFoundException(string accountNumber) : Exception($"Account {accountNumber} not found");

/// <summary>The network cannot supply the load; quotes the substation and the kVA.</summary>
public sealed class CapacityExceededException(string substation, int kva) : Exception($"Substation {substation} cannot take {kva} kVA");

/// <summary>An in-game wedding: ceremony id, both players' ids and gamertags, the realm and the chapel.</summary>
public sealed record InGameWedding(string CeremonyId, Guid PartnerOneId, Guid PartnerTwoId, string PartnerOneTag, string PartnerTwoTag, string Realm, string Chapel);

/// <summary>A player is already married in game; the message quotes the gamertag.</summary>
public sealed class AlreadyWedException(string gamertag) : Exception($"{gamertag} is already married in this realm");

/// <summary>A reality show application: application id, the couple's names, email, phone, their story and the region.</summary>
public sealed record ShowApplication(string ApplicationId, string CoupleNames, string Email, string Phone, string Story, string Region);

/// <summary>A wedding photo gallery shared with a guest: gallery id, couple id, the address it is shared with, photo count.</summary>
public sealed record GalleryShare(string GalleryId, string CoupleId, string SharedWithEmail, int PhotoCount);

/// <summary>A bridal fitting appointment: appointment id, customer number, customer name, mobile, store, time.</summary>
public sealed record FittingAppointment(string AppointmentId, string CustomerNumber, string CustomerName, string Mobile, string Store, DateTimeOffset At);

/// <summary>A wedding cake order: order id, customer number, allergen codes, tiers, the message piped on the cake.</summary>
public sealed record CakeOrder(string OrderId, string CustomerNumber, string AllergenCodes, int Tiers, string PipedMessage);

/// <summary>A wedding car booking: booking id, couple id, pickup address, contact mobile, vehicle, time.</summary>
public sealed record WeddingCarBooking(string BookingId, string CoupleId, string PickupAddress, string ContactMobile, string Vehicle, DateTimeOffset PickupAt);

/// <summary>A guest shuttle run: run id, route, coach and the names of the guests on board.</summary>
public sealed record ShuttleManifest(string RunId, string Route, string Coach, IReadOnlyList<string> GuestNames);

/// <summary>The chauffeur is not available; quotes the vehicle and the hour.</summary>
public sealed class VehicleUnavailableException(string vehicle, int hour) : Exception($"Vehicle {vehicle} is out at {hour}:00");

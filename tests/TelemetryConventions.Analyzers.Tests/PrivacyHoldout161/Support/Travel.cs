namespace PrivacyHoldout161.Support;

/// <summary>The travel platform settings the services bind from configuration.</summary>
public sealed class TravelOptions
{
    public string HomeCarrier { get; init; } = "BA";

    public int CheckInOpensHours { get; init; } = 24;

    public int GateClosesMinutes { get; init; } = 20;

    public string ConfirmationTemplateId { get; init; } = "tpl-booking-confirmed";

    public string AssistanceTemplateId { get; init; } = "tpl-assistance-booked";

    public int GroupDiscountThreshold { get; init; } = 10;
}

public sealed record Passenger(Guid Id, string ProfileId, string GivenName, string FamilyName, string Email, string Mobile, DateOnly DateOfBirth, string? PassportNumber, string? LoyaltyNumber);

public sealed record Booking(Guid BookingId, string Pnr, string Carrier, string FlightNumber, DateOnly Departure, string Origin, string Destination, IReadOnlyList<Passenger> Passengers, string FareClass, decimal Total);

public sealed record Ticket(string TicketNumber, string Pnr, string PassengerName, string FlightNumber, string Seat, string Cabin);

public sealed record BoardingPass(string Barcode, string Pnr, string PassengerName, string FlightNumber, string Seat, string Gate, int SequenceNumber);

public sealed record BoardingScan(string Gate, string FlightNumber, int SequenceNumber, string Seat, bool Accepted);

public sealed record FlightSummary(string FlightNumber, string Origin, string Destination, int Booked, int Boarded);

public sealed record Fare(string FareBasis, string Cabin, decimal Amount, string Currency);

public sealed record LoyaltyMember(string MemberNumber, string Name, string Email, string Tier, int Miles);

public sealed record TierChange(string MemberNumber, string From, string To);

public sealed record AssistanceRequest(Guid RequestId, string Pnr, string PassengerName, string SsrCode, string? Notes, string FlightNumber);

public sealed record RailTicket(string TicketReference, string? RailcardNumber, string PassengerName, string Origin, string Destination, string TrainId, string Coach, string Seat);

public sealed record CoachTicket(string Barcode, string PassengerName, string Mobile, string ServiceCode, string SeatNumber);

public sealed record FitToFlyClearance(string HospitalNumber, string PatientName, string Pnr, string Condition, bool OxygenRequired, string ClinicianStaffId);

public sealed record MedicalEscort(string StaffId, string Name, string Mobile, string Grade);

public sealed record Repatriation(Guid CaseId, string HospitalNumber, string Airport, string InsurerReference, string Equipment);

public sealed record ClearanceSummary(string Hospital, int Cleared, int Refused);

public sealed record GroupBooking(Guid GroupId, string School, int Pupils, int Staff, string Service, DateOnly Travel);

public sealed record TripPupil(string StudentNumber, string Name, string GuardianEmail, string? RailcardNumber, bool ConsentGiven, string YearGroup);

public sealed record EngineerTrip(string StaffNumber, string EngineerName, string Pnr, string Depot, string Site, decimal Cost);

public sealed record ParkingBooking(string Reference, string Plate, string CustomerEmail, string Terminal);

public sealed record ChargerSession(string ChargerId, string ParkingReference, string Plate, decimal Kwh, string Terminal);

public sealed record PlayerLink(Guid PlayerId, string Gamertag, string MemberNumber);

public sealed record MilesAward(Guid PlayerId, string MemberNumber, int Miles, string QuestId);

public sealed record Quest(string QuestId, string Airport, int Miles, string Region);

public sealed record LeaderboardEntry(string Gamertag, string Seat, string FlightNumber, int Score);

public sealed record ViewingSession(Guid SessionId, string Seat, string FlightNumber, string TitleId, int Minutes);

public sealed record SeatbackMessage(string FromSeat, string ToSeat, string SenderName, string Text);

public sealed record MagazineSubscription(string Email, string Name, string Postcode, string MemberNumber, string Edition);

public sealed record CrewAnnouncement(string CrewId, string CrewName, string Text, string Aircraft);

public sealed record BoardingPassScan(string Barcode, string PassengerName, string FlightNumber, string Destination, bool NonEu);

public sealed record TillSale(Guid SaleId, string Store, string Sku, decimal Amount, string Destination);

public sealed record PreOrder(Guid OrderId, string Pnr, string Email, string FlightNumber, string CollectionPoint);

public interface IBookingStore
{
    Task<Booking?> FindAsync(string pnr, CancellationToken cancellationToken);

    Task SaveAsync(Booking booking, CancellationToken cancellationToken);
}

public interface IPassengerMessenger
{
    Task SendAsync(string to, string templateId, IDictionary<string, string> values, CancellationToken cancellationToken);
}

public interface IDepartureControl
{
    Task<BoardingScan> ScanAsync(BoardingPass pass, CancellationToken cancellationToken);

    Task<FlightSummary> SummaryAsync(string flightNumber, CancellationToken cancellationToken);
}

public interface ILoyaltyLedger
{
    Task<LoyaltyMember?> FindAsync(string memberNumber, CancellationToken cancellationToken);

    Task CreditAsync(string memberNumber, int miles, CancellationToken cancellationToken);
}

public interface IPartnerClient
{
    Task<bool> SubmitAsync(object payload, CancellationToken cancellationToken);
}

public sealed class BookingNotFoundException(string pnr) : Exception($"No booking with reference {pnr}")
{
    public string Pnr { get; } = pnr;
}

public sealed class PassengerNotFoundException(string profileId) : Exception($"Passenger profile {profileId} not found");

public sealed class LoyaltyNumberUnknownException(string memberNumber) : Exception($"Unknown loyalty number {memberNumber}");

public sealed class BoardingDeniedException(string passengerName, string flightNumber) : Exception($"{passengerName} denied boarding on {flightNumber}");

public sealed class FlightClosedException(string flightNumber, string gate) : Exception($"Flight {flightNumber} closed at gate {gate}");

public sealed class SeatUnavailableException(string flightNumber, string seat) : Exception($"Seat {seat} on {flightNumber} is not available");

public sealed class FareExpiredException(string fareBasis) : Exception($"Fare {fareBasis} has expired");

public sealed class RailcardInvalidException(string railcard) : Exception($"Railcard {railcard} is not valid for this journey");

public sealed class PassportMismatchException(string passport) : Exception($"Passport {passport} does not match the booking");

public sealed class DepartureControlTimeoutException(string host, int seconds) : Exception($"Departure control {host} did not answer in {seconds}s");

public sealed class PatientNotClearedException(string hospitalNumber) : Exception($"Patient {hospitalNumber} has no fit-to-fly clearance");

public sealed class StretcherUnavailableException(string flightNumber) : Exception($"No stretcher kit on {flightNumber}");

public sealed class ConsentMissingException(string studentNumber) : Exception($"No travel consent for pupil {studentNumber}");

public sealed class GroupFareUnavailableException(string school, DateOnly travel) : Exception($"No group fare for {school} on {travel:yyyy-MM-dd}");

public sealed class ChargerFaultException(string chargerId, string code) : Exception($"Charger {chargerId} fault {code}");

public sealed class PlateNotBookedException(string plate) : Exception($"Vehicle {plate} has no parking booking");

public sealed class LinkRejectedException(string memberNumber) : Exception($"Airline rejected link to member {memberNumber}");

public sealed class QuestExpiredException(string questId) : Exception($"Quest {questId} has expired");

public sealed class TitleNotLicensedException(string titleId, string region) : Exception($"Title {titleId} not licensed in {region}");

public sealed class SubscriberExistsException(string email) : Exception($"{email} already subscribes");

public sealed class AllowanceExceededException(string passengerName, decimal amount) : Exception($"{passengerName} is over the allowance by {amount}");

public sealed class SkuUnavailableException(string sku) : Exception($"SKU {sku} is not on sale here");

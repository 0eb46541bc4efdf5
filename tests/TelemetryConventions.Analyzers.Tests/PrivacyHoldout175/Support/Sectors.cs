namespace Festivals.Sectors;

/// <summary>A patient's request to the hospital radio's ward concert: NHS number, name, ward and the song.</summary>
public sealed record WardConcertRequest(string NhsNumber, string PatientName, string Ward, string Song);

/// <summary>A staff festival pass: staff number, name and department.</summary>
public sealed record StaffFestivalPass(string StaffNumber, string FullName, string Department);

/// <summary>A school summer festival ticket: student number, pupil's name, parent's email and year group.</summary>
public sealed record SchoolFestivalTicket(string StudentNumber, string PupilName, string ParentEmail, string YearGroup);

/// <summary>A temporary supply for a festival site: account number, contact email, site postcode, kVA.</summary>
public sealed record SiteSupplyRequest(string AccountNumber, string ContactEmail, string SitePostcode, int Kva);

/// <summary>A cashless top-up at a traders' meter: the supplier's own temporary pitch meter (a thing, not a household's), wristband UID and amount.</summary>
public sealed record CashlessTopUp(string PitchMeter, string WristbandUid, decimal Amount);

/// <summary>An esports arena ticket: the player's id, gamertag, seat and block.</summary>
public sealed record ArenaTicket(Guid PlayerId, string Gamertag, string Seat, string Block);

/// <summary>An application to a studio audience: name, email, phone and the applicant's story.</summary>
public sealed record AudienceApplication(string ApplicantName, string Email, string Phone, string Story);

/// <summary>A press pass: journalist's name, outlet and press card number.</summary>
public sealed record PressPass(string JournalistName, string Outlet, string PressCardNumber);

/// <summary>A resale listing: listing id, seller's customer number, ticket id and price.</summary>
public sealed record ResaleListing(string ListingId, string SellerCustomerNumber, string TicketId, decimal Price);

/// <summary>A festival shuttle booking: reference, passenger name, mobile, route and pickup stop.</summary>
public sealed record ShuttleBooking(string BookingRef, string PassengerName, string Mobile, string Route, string PickupStop);

/// <summary>A park-and-ride pass: the car's registration, the holder id and the car park.</summary>
public sealed record ParkAndRidePass(string Registration, string HolderId, string CarPark);

/// <summary>The shuttle is full; quotes the route and the departure hour.</summary>
public sealed class ShuttleFullException(string route, int hour) : Exception($"Shuttle {route} at {hour}:00 is full");

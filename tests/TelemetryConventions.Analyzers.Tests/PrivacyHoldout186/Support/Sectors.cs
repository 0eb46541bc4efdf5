namespace PrivacyHoldout186.Support;

// Healthcare: non-emergency patient transport and the hospital travel costs scheme.
public sealed record PatientTransportBooking(string BookingId, string NhsNumber, string PatientName, string PickupPostcode, string MobilityCode, string ClinicCode, DateTimeOffset PickupAt);

public sealed record TravelCostClaim(string ClaimId, string NhsNumber, int AmountPence, string BenefitCode, string SortCode, string AccountNumber);

public sealed record TransportEligibility(string BookingId, string MobilityCode, bool Eligible, string Reason);

// Education: home-to-school transport.
public sealed record SchoolTransportApplication(string ApplicationId, string PupilUpn, string PupilName, string ParentEmail, string HomePostcode, string SchoolUrn, double DistanceKm);

public sealed record PupilBusPass(string PassId, string PupilUpn, string PupilName, string RouteId, string SchoolUrn);

public sealed record RouteAllocation(string RouteId, string SchoolUrn, int Seats, int Allocated);

// Energy: priority-services customers linked to the council's concession.
public sealed record PriorityTravelLink(string AccountNumber, string Mpan, string PhotocardNumber, string ConcessionType);

public sealed record TravelCreditBatch(string BatchId, int Accounts, int TotalPence);

// Gaming: tournament travel passes and venue shuttles.
public sealed record EventTravelPass(string PassId, string PlayerId, string Gamertag, string Email, string VenueId, bool Companion);

public sealed record ShuttleManifest(string ShuttleId, string VenueId, int Seats, int Booked);

// Media: studio audience travel concessions.
public sealed record AudienceTravelRequest(string RequestId, string MemberId, string MemberName, string Phone, string ShowId, string ConcessionType, string CompanionPassNumber);

public sealed record StudioRecording(string RecordingId, string ShowId, int AudienceSeats);

// Retail: top-ups and student discount at the till.
public sealed record TillTopUp(string TopUpId, string PhotocardNumber, string StoreId, int AmountPence, string ProductCode);

public sealed record StudentDiscountCheck(string CheckId, string StudentEmail, string CollegeDomain, string Outcome);

public sealed record TopUpReceipt(string TopUpId, string StoreId, int AmountPence, string ProductCode);

namespace Dental.Sectors;

// Education: a dental school's student clinic and the school dental screening programme.
public sealed record StudentClinicSession(Guid SessionId, string StudentNumber, string StudentName, string PatientNumber, string Procedure, string TutorStaffNumber, int Grade);

public sealed record ScreeningResult(string Upn, string PupilName, string ParentMobile, string School, int DecayedTeeth, bool ReferralNeeded);

public sealed record CohortSummary(string School, string YearGroup, int Screened, int Referred);

// Energy: an energy company's staff dental cover, claims from a queue.
public sealed record DentalCoverClaim(Guid ClaimId, string EmployeeNumber, string EmployeeName, string Practice, decimal Amount, string Band, string BankAccount);

public sealed record ClaimBatch(Guid BatchId, int Count, decimal Total, string Scheme);

// Gaming: a children's toothbrushing game with reminders by text to parents.
public sealed record BrushingSession(string PlayerId, string Gamertag, string ParentMobile, int Seconds, int Streak, string BrushSerial);

public sealed record RewardGrant(Guid RewardId, string Badge, int Points);

// Media: a broadcaster's smile makeover programme.
public sealed record MakeoverContributor(string ContributorId, string Name, string Email, string TreatmentSummary, string AgentPhone);

public sealed record EpisodeSlot(string Episode, string Studio, DateOnly Filming, int Contributors);

// Retail: a retailer's in-store dental studios, whitening and payment plans.
public sealed record StoreDentalBooking(Guid BookingId, string CustomerNumber, string CustomerName, string Email, string LoyaltyCard, string Store, string Treatment, decimal Fee);

public sealed record WhiteningOrder(Guid OrderId, string Shade, int Trays, decimal Price);

// Transport: mobile dental units on rural routes.
public sealed record MobileUnitVisit(Guid VisitId, string Route, string VanRegistration, string Stop, int Chairs);

public sealed record RuralPatientRecall(string PatientNumber, string Name, string Mobile, string Village, DateOnly Due);

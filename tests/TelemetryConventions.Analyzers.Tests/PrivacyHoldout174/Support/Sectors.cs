namespace HomeCare.Sectors;

// Healthcare
/// <summary>A discharge-to-assess referral: referral id, NHS number, patient's name, home address, ward and hours a week.</summary>
public sealed record DischargeReferral(string ReferralId, string NhsNumber, string PatientName, string HomeAddress, string Ward, decimal HoursPerWeek);

/// <summary>A district nurse's visit: visit id, NHS number, nurse's staff number, the visit type and the nurse's notes.</summary>
public sealed record NurseVisit(string VisitId, string NhsNumber, string NurseStaffNumber, string VisitType, string? Notes);

// Education
/// <summary>A pupil's home tuition visit: visit id, student number, pupil's name, home postcode, tutor's staff id and the subject.</summary>
public sealed record HomeTuitionVisit(string VisitId, string StudentNumber, string PupilName, string HomePostcode, string TutorStaffId, string Subject);

/// <summary>A carer's enrolment on the care certificate course: enrolment id, learner number, carer's name, email and the cohort.</summary>
public sealed record CertificateEnrolment(string EnrolmentId, string LearnerNumber, string CarerName, string Email, string Cohort);

/// <summary>A young carer's support plan: student number, the person the pupil cares for (a relationship) and hours a week.</summary>
public sealed record YoungCarerPlan(string StudentNumber, string CaresFor, int HoursPerWeek, string YearGroup);

// Energy
/// <summary>A priority services registration: account number, customer's name, need code, the nominated carer's name and phone and the meter serial.</summary>
public sealed record PsrRegistration(string AccountNumber, string CustomerName, string NeedCode, string? CarerName, string? CarerPhone, string MeterSerial);

/// <summary>An engineer's home visit: job id, account number, engineer's staff id, the key safe code and the doorstep password.</summary>
public sealed record EngineerVisit(string JobId, string AccountNumber, string EngineerId, string? KeySafeCode, string? DoorstepPassword);

/// <summary>No such account; the message quotes the account number.</summary>
public sealed class AccountNotFoundException(string accountNumber) : Exception($"No supply account {accountNumber}");

// Gaming
/// <summary>A carer link: the player's id, the carer's player id, the carer's gamertag and the relationship.</summary>
public sealed record CarerLink(Guid PlayerId, Guid CarerPlayerId, string CarerGamertag, string Relationship);

/// <summary>A care home play session: session id, the home's id, the consoles and the residents' first names (a list, printed as its type's name).</summary>
public sealed record CareHomeSession(string SessionId, string CareHomeId, int Consoles, IReadOnlyList<string> ResidentNames);

/// <summary>A link already exists; the message quotes the carer's gamertag.</summary>
public sealed class CarerAlreadyLinkedException(string gamertag) : Exception($"{gamertag} is already a carer for this player");

// Media
/// <summary>A documentary consent: consent id, client's name, address, the carer's name and whether the face may be shown.</summary>
public sealed record FilmingConsent(string ConsentId, string ClientName, string Address, string CarerName, bool ShowFace);

/// <summary>A carers' newsletter subscription: subscriber id, email and the region.</summary>
public sealed record CarersNewsletterSignup(Guid SubscriberId, string Email, string Region);

/// <summary>A licence concession check: the licence number, the holder's name, the care home's id and the result.</summary>
public sealed record ConcessionCheck(string LicenceNumber, string HolderName, string CareHomeId, bool Eligible);

// Retail
/// <summary>A medication delivery to a client's home: delivery id, customer number, address, key safe code, driver's id and items.</summary>
public sealed record MedicationDelivery(string DeliveryId, string CustomerNumber, string Address, string? KeySafeCode, string DriverId, int Items);

/// <summary>A carer shopping for a client: the order id, the client's loyalty card number, the carer's email and the basket value.</summary>
public sealed record ProxyShop(string OrderId, string LoyaltyCard, string CarerEmail, decimal Basket);

/// <summary>A mobility aid order; names no one: order id, SKU, store and the fitting slot.</summary>
public sealed record AidOrder(string OrderId, string Sku, string Store, DateTimeOffset FittingSlot);

// Transport
/// <summary>A day centre ride: booking id, passenger id, name, pickup address, mobile, wheelchair and the centre.</summary>
public sealed record DayCentreRide(string BookingId, string PassengerId, string PassengerName, string PickupAddress, string Mobile, bool Wheelchair, string Centre);

/// <summary>A carer's companion pass: the pass number, the holder's name and the carer's name.</summary>
public sealed record CompanionPass(string PassNumber, string HolderName, string CarerName);

/// <summary>A pool car of the visit-run fleet: the registration, the depot and the mileage (a company car).</summary>
public sealed record PoolCar(string Registration, string Depot, int Mileage);

/// <summary>A ride is full; quotes the run id and seats.</summary>
public sealed class RunFullException(string runId, int seats) : Exception($"Run {runId} has no seat left of {seats}");

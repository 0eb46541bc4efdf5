namespace Fundraising.Sectors;

// Each industry's side of giving.

// Healthcare: a hospital charity.
/// <summary>A grateful patient's gift. Prints NHS number, supporter number, amount and ward.</summary>
public sealed record GratefulPatientGift(string NhsNumber, string SupporterNumber, decimal Amount, string Ward);

/// <summary>A tribute fund. Prints fund id, the name it is in memory of and the organiser's supporter number.</summary>
public sealed record TributeFund(string FundId, string InMemoryOf, string OrganiserSupporterNumber, decimal Raised);

/// <summary>A welfare grant for a patient. Prints NHS number, ward, amount and purpose.</summary>
public sealed record PatientWelfareGrant(string NhsNumber, string Ward, decimal Amount, string Purpose);

public sealed class PatientNotFoundException(string nhsNumber) : Exception($"No patient with NHS number {nhsNumber}");

// Education: alumni relations.
/// <summary>An alumni pledge from the telethon. Prints alumni number, name, email, faculty and amount.</summary>
public sealed record AlumniPledge(string PledgeId, string AlumniNumber, string Name, string Email, string Faculty, decimal Amount);

/// <summary>A hardship application. Prints student number, course, amount and circumstances.</summary>
public sealed record HardshipApplication(string ApplicationId, string StudentNumber, string Course, decimal Amount, string Circumstances);

public sealed class StudentNotEnrolledException(string studentNumber) : Exception($"Student {studentNumber} is not enrolled");

// Energy: a supplier's charitable trust.
/// <summary>A trust application. Prints account number, MPAN, postcode, debt and household size.</summary>
public sealed record TrustApplication(string ApplicationId, string AccountNumber, string Mpan, string Postcode, decimal Debt, int Occupants);

/// <summary>A round-up pledge on the bill. Prints account number, charity and amount per bill.</summary>
public sealed record RoundUpPledge(string AccountNumber, string Charity, decimal PerBill);

public sealed class SupplyPointNotFoundException(string mpan) : Exception($"No supply point for MPAN {mpan}");

// Gaming: charity streams and bundles.
/// <summary>A donation alert from the streaming platform. Prints alert id, donor display name, message, amount and channel.</summary>
public sealed record DonationAlert(string AlertId, string DonorDisplayName, string Message, decimal Amount, string ChannelName);

/// <summary>A charity bundle purchase. Prints player id, gamertag, SKU and amount.</summary>
public sealed record CharityBundlePurchase(string OrderId, Guid PlayerId, string Gamertag, string Sku, decimal Amount);

public sealed class GamertagBlockedException(string gamertag) : Exception($"Gamertag {gamertag} is blocked from charity events");

// Media: a broadcaster's appeal night.
/// <summary>A telethon pledge taken by phone. Prints pledge id, caller name, phone, postcode and amount.</summary>
public sealed record TelethonPledge(string PledgeId, string CallerName, string Phone, string Postcode, decimal Amount);

/// <summary>A subscriber's monthly donation add-on. Prints subscriber id, email and amount.</summary>
public sealed record SubscriberDonation(Guid SubscriberId, string Email, decimal Monthly, string Appeal);

// Retail: charity shops.
/// <summary>A donated item under Retail Gift Aid. Prints item tag, supporter number, shop and price.</summary>
public sealed record DonatedItem(string ItemTag, string SupporterNumber, string Shop, decimal Price);

/// <summary>A till round-up. Prints loyalty card number, store and amount.</summary>
public sealed record TillRoundUp(string BasketId, string LoyaltyCardNumber, string Store, decimal Amount);

// Transport: payroll giving and sponsored challenges.
/// <summary>A payroll giving mandate. Prints employee number, charity and amount per pay period.</summary>
public sealed record PayrollGivingMandate(string MandateId, string EmployeeNumber, string Charity, decimal PerPay);

/// <summary>A challenge entrant. Prints entrant id, name, email, emergency contact phone and bib.</summary>
public sealed record ChallengeEntrant(string EntrantId, string Name, string Email, string EmergencyPhone, string Bib);

/// <summary>A community transport trip for a beneficiary. Prints trip id, beneficiary reference and pickup postcode.</summary>
public sealed record BeneficiaryTrip(string TripId, string BeneficiaryRef, string PickupPostcode, string Depot);

public sealed class EntrantNotFoundException(string email) : Exception($"No entrant registered with {email}");

namespace PrivacyHoldout192.Support;

// Healthcare: warm homes prescriptions.
public sealed record WarmHomesReferral(string ReferralId, string NhsNumber, string PatientName, string Condition, string Postcode, string Uprn, string GpPractice, string ClinicianNote);

public sealed record PrescriptionOutcome(string ReferralId, string Measure, decimal GrantAmount, string Ward, int DaysToInstall);

// Education: school-gate referrals of families on free school meals.
public sealed record FamilyReferral(string ReferralId, string PupilUpn, string ParentName, string ParentEmail, string SchoolUrn, bool FreeSchoolMeals, string HomeAddress);

public sealed record SchoolReferralBatch(string BatchId, string SchoolUrn, int Families, int Eligible);

// Gaming: the Power Down campaign.
public sealed record ThermostatRebate(string RebateId, Guid PlayerId, string Gamertag, string Email, string ThermostatSerial, decimal Amount, string Platform);

public sealed record CampaignStanding(string CampaignId, int Players, int RebatesPaid, decimal Total);

// Media: the retrofit makeover show.
public sealed record HomeownerApplication(string ApplicationId, string HomeownerName, string Phone, string Postcode, string Story, int Bedrooms, string Tenure);

public sealed record FilmingSlot(string SlotId, string Episode, string Crew, DateOnly Date, string Measure);

// Retail: heat pump installs and complaints.
public sealed record HeatPumpOrder(string OrderId, string LoyaltyCard, string CustomerName, string Email, string InstallPostcode, string Model, int CapacityKw);

public sealed record InstallQuote(string QuoteId, string Model, int CapacityKw, decimal Price, decimal BusGrant);

// Transport: an airport's noise insulation scheme.
public sealed record NoiseInsulationClaim(string ClaimId, string ResidentName, string ResidentEmail, string Uprn, string Postcode, string ContourZone, int NoiseDb);

public sealed record ContourZoneSummary(string ZoneId, string Airport, int Homes, int Insulated, int NoiseDb);

public interface IReferralInbox
{
    Task AcknowledgeAsync(string referralId, CancellationToken ct);
}

public interface IRebatePayments
{
    Task<string> PayAsync(string email, decimal amount, CancellationToken ct);
}

public sealed class ReferralRejectedException(string nhsNumber)
    : Exception($"Referral for NHS number {nhsNumber} was rejected by the scheme");

public sealed class RebateDeclinedException(string gamertag, decimal amount)
    : Exception($"Rebate of {amount} declined for {gamertag}");

public sealed class ClaimOutsideContourException(string zone, int noiseDb)
    : Exception($"Claim outside the {zone} contour ({noiseDb} dB)");

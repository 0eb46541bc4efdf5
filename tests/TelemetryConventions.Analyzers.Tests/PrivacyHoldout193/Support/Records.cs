namespace PrivacyHoldout193.Support;

/// <summary>A person registered with the sexual health service (the clinic number is issued to them alone).</summary>
public sealed record ServiceUser(
    string ClinicNumber,
    string? NhsNumber,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string Mobile,
    string? Email,
    string Postcode,
    bool ConsentsToText);

/// <summary>An online test kit ordered by a service user.</summary>
public sealed record KitOrder(
    string OrderId,
    string ClinicNumber,
    string KitType,
    string DeliveryName,
    string DeliveryAddress,
    string Postcode,
    string Mobile);

/// <summary>What the kit dispatch team sees: no person.</summary>
public sealed record KitSummary(string OrderId, string KitType, string Panel, string Status, int Tubes);

/// <summary>A result released by the lab for one sample.</summary>
public sealed record LabResult(string SampleBarcode, string ClinicNumber, string Panel, string Outcome, DateTimeOffset ReportedAt);

/// <summary>The text message sent with a result.</summary>
public sealed record ResultText(string Mobile, string Body, string Template);

/// <summary>A clinic appointment.</summary>
public sealed record ClinicBooking(string BookingId, string ClinicNumber, string ClinicCode, DateTimeOffset SlotStart, string Reason, string Mobile);

/// <summary>A free slot in a clinic.</summary>
public sealed record BookingSlot(string SlotId, string ClinicCode, DateTimeOffset Start, string Kind, int DurationMinutes);

/// <summary>A partner named by an index patient for partner notification.</summary>
public sealed record PartnerContact(string PartnerRef, string IndexClinicNumber, string PartnerName, string? PartnerMobile, string? PartnerEmail, string Method);

/// <summary>The outcome of one partner notification case: counts and codes only.</summary>
public sealed record PartnerNotificationOutcome(string CaseId, int PartnersNamed, int PartnersContacted, int PartnersTested, string Method);

/// <summary>Contraception or treatment sent by post.</summary>
public sealed record PostalPrescription(string ScriptId, string ClinicNumber, string Product, string RecipientName, string DeliveryAddress, string Postcode);

/// <summary>A parcel as the courier sees it.</summary>
public sealed record DiscreetParcel(string TrackingNumber, string Carrier, string Service, bool SignatureRequired, int WeightGrams);

/// <summary>A safeguarding referral about a young person.</summary>
public sealed record SafeguardingReferral(string ReferralId, string YoungPersonName, DateOnly DateOfBirth, string Concern, string ReferrerStaffId, string RiskLevel);

/// <summary>The safeguarding triage result: codes only.</summary>
public sealed record SafeguardingTriage(string ReferralId, string RiskLevel, bool StrategyMeeting, int AgeInYears);

/// <summary>A service user's profile kept by the young people's service; it has no ToString of its own.</summary>
public sealed class YoungPersonProfile
{
    public required string ClinicNumber { get; init; }

    public required string PreferredName { get; init; }

    public required int AgeInYears { get; init; }

    public required string SchoolCode { get; init; }
}

/// <summary>The clinic directory: service users (a system of record, not telemetry).</summary>
public interface IServiceUserStore
{
    Task<ServiceUser?> FindAsync(string clinicNumber, CancellationToken cancellationToken);

    Task<ServiceUser?> FindByMobileAsync(string mobile, CancellationToken cancellationToken);

    Task SaveAsync(ServiceUser user, CancellationToken cancellationToken);
}

/// <summary>The lab's results gateway.</summary>
public interface ILabGateway
{
    Task<IReadOnlyList<LabResult>> FetchReleasedAsync(string site, CancellationToken cancellationToken);

    Task AcknowledgeAsync(string sampleBarcode, CancellationToken cancellationToken);
}

/// <summary>The SMS gateway (sends texts; not telemetry).</summary>
public interface ISmsGateway
{
    Task<string> SendAsync(string mobile, string body, CancellationToken cancellationToken);
}

/// <summary>The booking system.</summary>
public interface IBookingStore
{
    Task<BookingSlot?> FindSlotAsync(string clinicCode, string kind, CancellationToken cancellationToken);

    Task<ClinicBooking> BookAsync(BookingSlot slot, ServiceUser user, string reason, CancellationToken cancellationToken);

    Task CancelAsync(string bookingId, CancellationToken cancellationToken);
}

/// <summary>The partner notification system.</summary>
public interface IPartnerNotificationService
{
    Task<bool> NotifyAsync(PartnerContact partner, CancellationToken cancellationToken);

    Task<PartnerNotificationOutcome> CloseCaseAsync(string caseId, CancellationToken cancellationToken);
}

/// <summary>The pharmacy dispatch service (postal prescriptions).</summary>
public interface IPharmacyDispatch
{
    Task<DiscreetParcel> DispatchAsync(PostalPrescription script, CancellationToken cancellationToken);
}

/// <summary>The safeguarding register.</summary>
public interface ISafeguardingRegister
{
    Task<SafeguardingTriage> FileAsync(SafeguardingReferral referral, CancellationToken cancellationToken);
}

/// <summary>The courier's API.</summary>
public interface ICourierClient
{
    Task<DiscreetParcel> BookAsync(string recipientName, string address, string postcode, CancellationToken cancellationToken);

    Task<string> StatusAsync(string trackingNumber, CancellationToken cancellationToken);
}

/// <summary>No service user has this clinic number.</summary>
public sealed class ServiceUserNotFoundException(string clinicNumber)
    : Exception($"No service user with clinic number {clinicNumber}")
{
    public string ClinicNumber { get; } = clinicNumber;
}

/// <summary>A partner could not be reached on the number given.</summary>
public sealed class PartnerUnreachableException(string partnerMobile)
    : Exception($"Partner could not be reached on {partnerMobile}");

/// <summary>The lab rejected a sample (barcode and reason code only).</summary>
public sealed class SampleRejectedException(string sampleBarcode, string reasonCode)
    : Exception($"Sample {sampleBarcode} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>No slot in a clinic for a kind of appointment.</summary>
public sealed class SlotUnavailableException(string clinicCode, string kind)
    : Exception($"No {kind} slot free at {clinicCode}");

/// <summary>The courier did not answer.</summary>
public sealed class CourierUnavailableException(string carrier, int statusCode)
    : Exception($"Courier {carrier} answered {statusCode}");

/// <summary>The age check refused a young person's request; it quotes the date of birth given.</summary>
public sealed class AgeCheckFailedException(DateOnly dateOfBirth, string product)
    : Exception($"Date of birth {dateOfBirth:yyyy-MM-dd} not eligible for {product}");

/// <summary>The pharmacy refused a script (script id and product only).</summary>
public sealed class ScriptRejectedException(string scriptId, string product)
    : Exception($"Script {scriptId} for {product} rejected by the pharmacy");

namespace Donation.Records;

/// <summary>A donor as the donor register holds them: donor number, NHS number, name, email, mobile, date of birth, blood group, postcode.</summary>
public sealed record Donor(string DonorNumber, string NhsNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string BloodGroup, string Postcode);

/// <summary>A new donor registration: registration id, the donor number given, name, email and where they signed up.</summary>
public sealed record DonorRegistration(string RegistrationId, string DonorNumber, string FullName, string Email, string Source);

/// <summary>The donor health questionnaire as answered: donor number, free-text answers, travel flag, weight, questionnaire version.</summary>
public sealed record EligibilityAnswers(string DonorNumber, IReadOnlyList<string> FreeTextAnswers, bool TravelledRecently, int WeightKg, string ScreeningVersion);

/// <summary>A donation session: session id, venue, start, chairs and bookings. Names no one.</summary>
public sealed record DonationSession(string SessionId, string Venue, DateTimeOffset StartsAt, int Chairs, int Booked);

/// <summary>An appointment: appointment id, session id, the donor number, donation type and slot.</summary>
public sealed record Appointment(string AppointmentId, string SessionId, string DonorNumber, string DonationType, DateTimeOffset SlotAt);

/// <summary>A deferral: the donor number, a reason code, the nurse's note and the days deferred.</summary>
public sealed record Deferral(string DonorNumber, string ReasonCode, string ClinicianNote, int Days);

/// <summary>Deferrals at a session by reason; names no one.</summary>
public sealed record DeferralSummary(string SessionId, string ReasonCode, int Count);

/// <summary>A mandatory test on a donation: donation number (ISBT 128), donor number, marker and outcome.</summary>
public sealed record TestResult(string DonationNumber, string DonorNumber, string Marker, string Outcome);

/// <summary>A tested unit as the lab releases it: donation number, marker, outcome. Names no one.</summary>
public sealed record UnitTested(string DonationNumber, string Marker, string Outcome);

/// <summary>An organ donor register entry: register id, NHS number, name, decision and organs.</summary>
public sealed record OdrRegistration(string OdrId, string NhsNumber, string FullName, string Decision, IReadOnlyList<string> Organs);

/// <summary>Next of kin's consent for a potential donor: referral id, the patient's NHS number, the kin's name, phone and relationship, the answer.</summary>
public sealed record NextOfKinConsent(string ReferralId, string PatientNhsNumber, string KinName, string KinPhone, string Relationship, bool Consented);

/// <summary>A patient on the transplant list: recipient id, NHS number, name, HLA typing, blood group, transplant centre.</summary>
public sealed record Recipient(string RecipientId, string NhsNumber, string FullName, string HlaTyping, string BloodGroup, string Centre);

/// <summary>An organ offer from a matching run: offer id, organ type, centre, HLA mismatches, score. Names no one.</summary>
public sealed record MatchOffer(string OfferId, string OrganType, string Centre, int Mismatches, double Score);

/// <summary>A thank-you letter between a donor family and a recipient: letter id, the references of both sides, the letter's text, direction.</summary>
public sealed record ThankYouLetter(string LetterId, string FromReference, string ToReference, string Body, string Direction);

/// <summary>A letter as the letterbox acknowledges it: letter id, direction, word count.</summary>
public sealed record LetterReceipt(string LetterId, string Direction, int WordCount);

/// <summary>A donor's profile as the donor portal holds it (a class, no ToString).</summary>
public sealed class DonorProfile
{
    public required string DonorNumber { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public string BloodGroup { get; init; } = "";

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>The donor register (a system of record, not telemetry).</summary>
public interface IDonorRegister
{
    Task<Donor?> FindAsync(string donorNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(DonorRegistration registration, CancellationToken cancellationToken = default);

    Task<Appointment> BookAsync(string donorNumber, string sessionId, CancellationToken cancellationToken = default);
}

/// <summary>The organ donor register, not telemetry.</summary>
public interface IOrganDonorRegister
{
    Task<OdrRegistration?> LookupAsync(string nhsNumber, CancellationToken cancellationToken = default);
}

/// <summary>The matching run for an offered organ, not telemetry.</summary>
public interface IMatchingRun
{
    Task<IReadOnlyList<MatchOffer>> RunAsync(string organType, string donorBloodGroup, CancellationToken cancellationToken = default);
}

/// <summary>The letterbox that passes letters between donor families and recipients, not telemetry.</summary>
public interface ILetterbox
{
    Task<LetterReceipt> PassOnAsync(ThankYouLetter letter, CancellationToken cancellationToken = default);
}

/// <summary>No such donor; quotes the donor number.</summary>
public sealed class DonorNotFoundException(string donorNumber) : Exception($"Donor {donorNumber} is not on the register");

/// <summary>A donor is deferred; quotes the donor's name.</summary>
public sealed class DonorDeferredException(string donorName, int days) : Exception($"{donorName} is deferred for {days} days");

/// <summary>Next of kin cannot be reached; quotes the kin's phone.</summary>
public sealed class NextOfKinUnreachableException(string kinPhone) : Exception($"No answer from next of kin on {kinPhone}");

/// <summary>Already on the organ donor register; quotes the NHS number.</summary>
public sealed class RegistrationConflictException(string nhsNumber) : Exception($"NHS number {nhsNumber} already has a registration");

/// <summary>A session is full; quotes the session and its chairs.</summary>
public sealed class SessionFullException(string sessionId, int chairs) : Exception($"Session {sessionId} is full ({chairs} chairs)");

/// <summary>No offer matched; quotes the organ type and the centre.</summary>
public sealed class NoMatchingOfferException(string organType, string centre) : Exception($"No match for {organType} at {centre}");

/// <summary>A lab analyser is offline; quotes the analyser.</summary>
public sealed class LabAnalyserOfflineException(string analyserId) : Exception($"Analyser {analyserId} is offline");

/// <summary>A letter is withheld by the donor records team; quotes the letter and a reason code.</summary>
public sealed class LetterWithheldException(string letterId, string reasonCode) : Exception($"Letter {letterId} withheld: {reasonCode}");

namespace PrivacyHoldout203.Support;

// Healthcare: emergency proxy votes for patients admitted after the deadline.
public sealed record EmergencyProxyRequest(
    string RequestId,
    string NhsNumber,
    string PatientName,
    string WardCode,
    string ElectorNumber,
    string ProxyName,
    string ProxyPhone,
    string AttestingClinicianGmc,
    string ElectionId);

public sealed record ProxyRequestReceipt(string RequestId, string WardCode, string ElectionId, bool Attested);

// Education: students registering from halls, and teachers working as poll clerks.
public sealed record StudentRegistration(
    string StudentNumber,
    string FullName,
    string TermAddress,
    string HallId,
    string UniversityEmail,
    string NationalInsuranceNumber,
    DateOnly DateOfBirth);

public sealed record PollClerkShift(string ShiftId, string SchoolId, string StationId, string TeacherStaffId, string TeacherName, string Role);

// Energy: the co-operative's board ballot and the canvass's home-mover matching.
public sealed record MemberBallot(string BallotId, string MemberNumber, string MemberName, string Email, string Region, bool Voted);

public sealed record HomeMoverMatch(string Uprn, string AccountNumber, string AccountHolderName, DateOnly MoveInDate, string PollingDistrict);

public sealed record BallotTally(string BallotId, string Region, int Issued, int Returned);

// Gaming: player council elections.
public sealed record CouncilVote(string VoteId, string PlayerId, string Gamertag, string NomineePlayerId, string ElectionId, string Region);

public sealed record NomineeCard(string NomineeId, string DisplayName, string Manifesto, string Region);

// Media: results desk and exit polls.
public sealed record ResultDeclaration(string ElectionId, string Ward, string CandidateName, string Party, int Votes, bool Elected);

public sealed record ExitPollInterview(string InterviewId, string StationId, string RespondentPhone, string AgeBand, string Choice, string InterviewerId);

// Retail: print and mail of poll cards and postal packs.
public sealed record PollCardLine(string JobId, string ElectorNumber, string Name, string Address, string StationId);

public sealed record PostalPack(string PackId, string BallotPaperNumber, string ElectorNumber, string Name, string Address, string ReturnEnvelopeBarcode);

public sealed record PrintJob(string JobId, string CouncilCode, int Lines, string Stock);

// Transport: accessible trips to polling stations and bus passes shown as voter ID.
public sealed record PollingTripBooking(string BookingRef, string PassengerName, string PassengerPhone, string PickupAddress, string StationId, bool Wheelchair);

public sealed record PassCheck(string PassNumber, string HolderName, string StationId, bool PhotoMatched);

public sealed record TripSlot(string SlotId, string DepotId, string StationId, int SeatsLeft);

/// <summary>A sector's own system of record (not telemetry).</summary>
public interface ISectorStore
{
    Task SaveAsync(object record, CancellationToken cancellationToken);

    Task<string?> LookUpAsync(string key, CancellationToken cancellationToken);
}

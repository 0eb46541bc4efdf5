namespace Legal.Sectors;

// Each industry's side of legal services.

/// <summary>A trust's clinical negligence claim: claim reference, the patient's NHS number and name, the claimant's solicitor's email.</summary>
public sealed record NegligenceClaim(string ClaimRef, string NhsNumber, string PatientName, string ClaimantSolicitorEmail, decimal Reserve);

/// <summary>A school trust's SEND tribunal appeal: appeal reference, the pupil's UPN and name, the parent's email.</summary>
public sealed record SendAppeal(string AppealRef, string Upn, string ChildName, string ParentEmail, string School);

/// <summary>An energy supplier's debt referral to a panel firm: referral id, account number, customer name, MPAN and the debt.</summary>
public sealed record DebtReferral(string ReferralId, string AccountNumber, string CustomerName, string Mpan, decimal Debt);

/// <summary>A studio's player dispute that went to lawyers: dispute id, the player's Guid, gamertag and the claim.</summary>
public sealed record PlayerDispute(string DisputeId, Guid PlayerId, string Gamertag, decimal AmountClaimed);

/// <summary>A broadcaster's pre-publication review: review id, programme, the people the piece names.</summary>
public sealed record PrepublicationReview(string ReviewId, string Programme, IReadOnlyList<string> NamedPeople, string Risk);

/// <summary>A retailer's customer injury claim: claim id, store, the customer's name and loyalty number.</summary>
public sealed record InjuryClaim(string ClaimId, string StoreNumber, string CustomerName, string LoyaltyNumber, string Injury);

/// <summary>A bus operator's accident claim: claim id, fleet number, the driver's staff number, the third party's plate.</summary>
public sealed record AccidentClaim(string ClaimId, string FleetNumber, string DriverStaffNumber, string ThirdPartyPlate, string Depot);

/// <summary>A NHS number was not found on the spine; the message quotes it.</summary>
public sealed class PatientNotTracedException(string nhsNumber) : Exception($"NHS number {nhsNumber} not traced on the spine");

/// <summary>The pupil is not on roll; the message quotes the UPN.</summary>
public sealed class PupilNotOnRollException(string upn) : Exception($"Pupil {upn} is not on roll at the school");

/// <summary>The account is protected (vulnerable customer); the message quotes the account number.</summary>
public sealed class ProtectedAccountException(string accountNumber) : Exception($"Account {accountNumber} is on the priority services register; litigation blocked");

/// <summary>The tribunal's listing is full; the message quotes the venue and the date.</summary>
public sealed class ListingFullException(string venue, DateOnly date) : Exception($"No hearing slots at {venue} on {date:yyyy-MM-dd}");

/// <summary>A name in the script is covered by a reporting restriction; the message quotes the name.</summary>
public sealed class RestrictedNameException(string name) : Exception($"'{name}' is protected by a reporting restriction");

/// <summary>The insurer declined the claim; the message quotes a claim id and a code.</summary>
public sealed class InsurerDeclinedException(string claimId, string code) : Exception($"Insurer declined claim {claimId} ({code})");

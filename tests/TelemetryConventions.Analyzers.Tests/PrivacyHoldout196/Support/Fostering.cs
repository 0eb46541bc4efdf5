namespace PrivacyHoldout196.Support;

// The fostering and adoption agency's own records and systems of record. None of this is telemetry.

/// <summary>A prospective or approved foster carer or adopter.</summary>
public sealed record ProspectiveCarer(
    string CarerId,
    string FullName,
    string Email,
    string Mobile,
    string Postcode,
    DateOnly DateOfBirth,
    string NationalInsuranceNumber,
    string AgencyCode,
    string Stage);

/// <summary>Someone who lives in the carer's household (partner, adult child, lodger) and needs checks.</summary>
public sealed record HouseholdMember(
    string MemberId,
    string CarerId,
    string FullName,
    DateOnly DateOfBirth,
    string Relationship,
    string DbsCertificateNumber);

/// <summary>A looked-after child or a child with an adoption plan.</summary>
public sealed record ChildInCare(
    string ChildId,
    string FirstName,
    string Surname,
    DateOnly DateOfBirth,
    string LocalAuthority,
    string Upn,
    string LegalStatus);

/// <summary>The stage an assessment has reached, without the applicants.</summary>
public sealed record AssessmentSummary(string AssessmentId, string Form, string Stage, int VisitsCompleted, int ReferencesReceived);

/// <summary>A sitting of the fostering or adoption panel.</summary>
public sealed record PanelSitting(string PanelId, DateOnly SittingDate, int MembersPresent, string Venue, string PanelType);

/// <summary>The panel's recommendation on one case.</summary>
public sealed record PanelRecommendation(string CaseId, string Recommendation, int VotesFor, int VotesAgainst, bool AgencyDecisionMakerAgreed);

/// <summary>A match of a child with carers, as the matching panel sees it.</summary>
public sealed record MatchProposal(string MatchId, string ChildId, string CarerId, string ChildName, string CarerName, double Score);

/// <summary>A placement: a child living with carers.</summary>
public sealed record Placement(string PlacementId, string ChildId, string CarerId, string PlacementType, DateOnly StartDate, string LocalAuthority);

/// <summary>What a placement is, without the child or the carers.</summary>
public sealed record PlacementSummary(string PlacementId, string PlacementType, int Nights, string Region, bool Emergency);

/// <summary>Contact between a child and the birth family.</summary>
public sealed record ContactArrangement(
    string ArrangementId,
    string ChildId,
    string BirthParentName,
    string BirthParentPhone,
    string Venue,
    string Frequency,
    bool Supervised);

/// <summary>One contact session, counted for the contact centre.</summary>
public sealed record ContactSession(string SessionId, string ArrangementId, string Room, int Minutes, string Outcome);

/// <summary>An allowance paid to a carer for a child in placement.</summary>
public sealed record AllowancePayment(
    string PaymentId,
    string CarerId,
    string PayeeName,
    string SortCode,
    string AccountNumber,
    decimal Amount,
    string Band);

/// <summary>A weekly allowance run, totals only.</summary>
public sealed record AllowanceRun(string RunId, int Payments, decimal Total, string Currency);

/// <summary>A page of a child's life-story book.</summary>
public sealed record LifeStoryEntry(string EntryId, string ChildId, string Text, string PhotoCaption, int Page);

/// <summary>A social worker or supervising social worker.</summary>
public sealed record SocialWorker(string StaffId, string Name, string Email, string Team);

/// <summary>A carer's profile as the matching tool shows it; a class without ToString.</summary>
public sealed class CarerProfile
{
    public required string CarerId { get; init; }

    public required string DisplayName { get; init; }

    public required string Postcode { get; init; }

    public int Bedrooms { get; init; }

    public string[] Approvals { get; init; } = [];
}

public interface IFosteringStore
{
    Task<ProspectiveCarer?> FindCarerAsync(string carerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<HouseholdMember>> HouseholdAsync(string carerId, CancellationToken cancellationToken);

    Task<ChildInCare?> FindChildAsync(string childId, CancellationToken cancellationToken);

    Task<Placement?> FindPlacementAsync(string placementId, CancellationToken cancellationToken);

    Task<AssessmentSummary> AssessmentAsync(string carerId, CancellationToken cancellationToken);

    Task SaveAsync(object record, CancellationToken cancellationToken);
}

/// <summary>The disclosure and barring service's API client.</summary>
public interface IDbsGateway
{
    Task<string> CheckAsync(string certificateNumber, string fullName, DateOnly dateOfBirth, CancellationToken cancellationToken);
}

/// <summary>The council's payments system (BACS).</summary>
public interface IAllowanceGateway
{
    Task<string> PayAsync(AllowancePayment payment, CancellationToken cancellationToken);
}

/// <summary>The archive that keeps life-story books until the child is an adult.</summary>
public interface ILifeStoryArchive
{
    Task<IReadOnlyList<LifeStoryEntry>> BookAsync(string childId, CancellationToken cancellationToken);

    Task StoreAsync(LifeStoryEntry entry, CancellationToken cancellationToken);
}

/// <summary>Thrown when a carer is not on the register; quotes the carer's id.</summary>
public sealed class CarerNotFoundException(string carerId) : Exception($"No carer {carerId} on the fostering register")
{
    public string CarerId { get; } = carerId;
}

/// <summary>Thrown when a household member's DBS check fails; quotes the certificate and the member's name.</summary>
public sealed class DbsCheckFailedException(string certificateNumber, string memberName)
    : Exception($"DBS certificate {certificateNumber} for {memberName} did not clear");

/// <summary>Thrown when the bank refuses an allowance; quotes the account number.</summary>
public sealed class AllowanceRejectedException(string accountNumber, string reason)
    : Exception($"Allowance to account {accountNumber} rejected: {reason}");

/// <summary>Thrown when a panel is not quorate; quotes the panel and its count.</summary>
public sealed class PanelNotQuorateException(string panelId, int present, int quorum)
    : Exception($"Panel {panelId} has {present} of {quorum} members");

/// <summary>Thrown when a placement is unknown; quotes the placement id.</summary>
public sealed class PlacementNotFoundException(string placementId) : Exception($"Placement {placementId} not found")
{
    public string PlacementId { get; } = placementId;
}

/// <summary>Thrown when the DBS service is down; quotes the status code.</summary>
public sealed class DbsServiceUnavailableException(int statusCode) : Exception($"DBS update service returned {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

namespace LoyaltyKit.Partners;

/// <summary>A partner's earn file line or API call: the member earns points for spend with a partner. A record: prints its members.</summary>
public sealed record PartnerEarn(string PartnerCode, string PartnerReference, string MembershipNumber, decimal Amount, string Currency);

/// <summary>Points burned at a partner. A record: prints its members (the partner's authorisation code and amounts).</summary>
public sealed record PartnerBurn(string PartnerCode, string AuthorisationCode, int Points, decimal Value);

/// <summary>The monthly settlement with a partner. A record: prints its members (all about the partner).</summary>
public sealed record PartnerSettlement(string PartnerCode, string Period, long Points, decimal Amount, int Transactions);

/// <summary>A request to match status from another programme. A record: prints its members.</summary>
public sealed record StatusMatchRequest(string RequestId, string MemberNumber, string CompetitorProgramme, string CompetitorMemberNumber, string CompetitorTier)
{
    public string? ProofFileName { get; init; }
}

/// <summary>The decision on a status match. A record: prints its members (about the request).</summary>
public sealed record StatusMatchDecision(string RequestId, bool Approved, string GrantedTier, string Reason, DateOnly ReviewBy);

public interface IPartnerGateway
{
    Task<int> EarnAsync(PartnerEarn earn, CancellationToken cancellationToken = default);

    Task<PartnerBurn> BurnAsync(string partnerCode, string membershipNumber, int points, CancellationToken cancellationToken = default);
}

/// <summary>A partner's API refused a call: status and the partner's error code.</summary>
public sealed class PartnerApiException(string partnerCode, int status, string errorCode) : Exception($"Partner {partnerCode} answered {status} ({errorCode})")
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}

/// <summary>A partner does not know the membership number it was sent: quotes it.</summary>
public sealed class UnknownMembershipException(string partnerCode, string membershipNumber)
    : Exception($"{partnerCode}: membership number {membershipNumber} is not recognised");

namespace LoyaltyKit;

// The member side of the loyalty platform's SDK, in the shape of the hosted loyalty engines (member
// profiles with a number and a tier, plastic and digital cards, households that pool points).

/// <summary>A programme member as the platform returns it. A record: prints its members.</summary>
public sealed record LoyaltyMember(string MemberNumber, string Email, string FirstName, string TierCode)
{
    public string? HouseholdId { get; init; }

    public string? Mobile { get; init; }

    public DateOnly JoinedOn { get; init; }

    public bool MarketingOptIn { get; init; }
}

/// <summary>The profile the member app shows. A class without <c>ToString</c>: prints its type's name.</summary>
public sealed class MemberProfile
{
    public required string MemberNumber { get; init; }

    public required string DisplayName { get; init; }

    public required string TierCode { get; init; }

    public int Points { get; init; }
}

/// <summary>A plastic or digital card linked to a member. A record: prints its members.</summary>
public sealed record MemberCard(string CardNumber, string MemberNumber, CardStatus Status, DateOnly IssuedOn)
{
    public string Last4 => CardNumber[^4..];
}

public enum CardStatus
{
    Active,
    Lost,
    Replaced,
    Blocked,
}

/// <summary>A tier of a programme. A record: prints its members (all about the tier).</summary>
public sealed record Tier(string Code, string Name, int Threshold, decimal EarnMultiplier);

/// <summary>A member's move between tiers. A record: prints its members.</summary>
public sealed record TierChange(string MemberNumber, string FromTier, string ToTier, string Reason, DateTimeOffset At);

/// <summary>A household pool: members who share one balance. A record: prints its members (the list as its type's name).</summary>
public sealed record HouseholdPool(string PoolId, string OwnerMemberNumber, IReadOnlyList<string> MemberNumbers, int SharedBalance);

/// <summary>An invitation to join a pool. A record: prints its members.</summary>
public sealed record PoolInvite(string InviteId, string PoolId, string InviteeEmail, DateTimeOffset ExpiresAt);

public interface IMemberDirectory
{
    Task<LoyaltyMember?> FindAsync(string memberNumber, CancellationToken cancellationToken = default);

    Task<LoyaltyMember?> FindByCardAsync(string cardNumber, CancellationToken cancellationToken = default);

    Task<MemberCard> ReplaceCardAsync(string cardNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Tier>> TiersAsync(string programme, CancellationToken cancellationToken = default);
}

public interface IHouseholdPools
{
    Task<HouseholdPool?> ForMemberAsync(string memberNumber, CancellationToken cancellationToken = default);

    Task<HouseholdPool> AddAsync(string poolId, string memberNumber, CancellationToken cancellationToken = default);

    Task<PoolInvite> InviteAsync(string poolId, string email, CancellationToken cancellationToken = default);
}

/// <summary>The platform's 404 for a member: quotes the number, as its REST API's error body does.</summary>
public sealed class MemberNotFoundException(string memberNumber) : Exception($"Member '{memberNumber}' was not found")
{
    public string MemberNumber { get; } = memberNumber;
}

/// <summary>A card that is blocked or reported lost: quotes the card number.</summary>
public sealed class CardBlockedException(string cardNumber, CardStatus status) : Exception($"Card {cardNumber} is {status}")
{
    public CardStatus Status { get; } = status;
}

/// <summary>A pool is full: states the programme's limit only.</summary>
public sealed class PoolFullException(int limit) : Exception($"The household pool already has the maximum of {limit} members")
{
    public int Limit { get; } = limit;
}

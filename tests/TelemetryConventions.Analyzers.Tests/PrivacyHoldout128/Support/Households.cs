namespace HouseholdKit;

public enum HouseholdRole
{
    Owner,
    Adult,
    Teen,
    Child,
    Guardian,
    Carer,
    Proxy,
}

/// <summary>A member of a household or family group. Prints its members: id, display name, email, role and birth date.</summary>
public sealed record HouseholdMember(string MemberId, string DisplayName, string? Email, HouseholdRole Role, DateOnly? BirthDate = null)
{
    public bool IsMinor(DateOnly today) => BirthDate is { } born && born.AddYears(18) > today;
}

/// <summary>A household. Prints its id, its owner's member id, its plan and its member list (as the list's type name).</summary>
public sealed record Household(string HouseholdId, string OwnerMemberId, string PlanCode, IReadOnlyList<HouseholdMember> Members)
{
    public int Seats => Members.Count;
}

/// <summary>A plan's limits. Prints its members; holds no person.</summary>
public sealed record HouseholdPlan(string PlanCode, int MaxMembers, int MaxChildren, decimal MonthlyPrice);

/// <summary>An invitation to join a household. Prints its members, the invitee's email and the redeem token included.</summary>
public sealed record FamilyInvitation(string InvitationId, string HouseholdId, string InviteeEmail, string InvitedByMemberId, HouseholdRole Role, string RedeemToken, DateTimeOffset ExpiresAt);

/// <summary>What the directory answers to an invitation. Prints its members; holds no person.</summary>
public sealed record InvitationResult(string InvitationId, string Status, int SeatsLeft);

/// <summary>Access granted to one person to act for another. Prints its members: grant id, grantor, proxy, scope, relationship and expiry.</summary>
public sealed record ProxyGrant(string GrantId, string GrantorId, string ProxyId, string Scope, string Relationship, DateOnly? ExpiresOn);

/// <summary>Parental controls of a child's profile. Prints its members, the profile id first.</summary>
public sealed record ParentalControls(string ProfileId, string MaxAgeRating, int DailyMinutes, bool PurchaseApproval, IReadOnlyList<string> BlockedCategories);

/// <summary>One setting changed. Prints its members: the setting's name and its old and new values.</summary>
public sealed record ControlChange(string Setting, string OldValue, string NewValue);

/// <summary>A change of address. Prints its members: account, old and new postcode, effective date.</summary>
public sealed record AddressChange(string AccountRef, string OldPostcode, string NewPostcode, DateOnly EffectiveFrom)
{
    public string NewDistrict => NewPostcode.Split(' ')[0];
}

/// <summary>One payer's share of a shared bill. Prints its members: the payer and the percentage.</summary>
public sealed record BillingShare(string PayerId, decimal Percent);

/// <summary>A household's bill. Prints its id, plan, total and its shares as the list's type name.</summary>
public sealed record SharedBill(string BillId, string PlanCode, decimal Total, IReadOnlyList<BillingShare> Shares);

/// <summary>The invitation expired. Quotes the invitation id and the expiry.</summary>
public sealed class InvitationExpiredException(string invitationId, DateTimeOffset expiredAt)
    : Exception($"Invitation {invitationId} expired at {expiredAt:O}")
{
    public string InvitationId { get; } = invitationId;
}

/// <summary>The invitee already belongs to another household. Quotes the invitee's email and the other household.</summary>
public sealed class AlreadyInHouseholdException(string email, string otherHouseholdId)
    : Exception($"{email} already belongs to household {otherHouseholdId}")
{
    public string OtherHouseholdId { get; } = otherHouseholdId;
}

/// <summary>The plan has no seat left. Quotes the plan and its limit.</summary>
public sealed class HouseholdFullException(string planCode, int maxMembers)
    : Exception($"Plan {planCode} allows {maxMembers} members")
{
    public int MaxMembers { get; } = maxMembers;
}

/// <summary>The guardian or carer could not be verified. Quotes their email and the reason.</summary>
public sealed class GuardianVerificationException(string email, string reason)
    : Exception($"Could not verify {email}: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The grant does not cover what was asked. Quotes the grant id and the scope.</summary>
public sealed class ProxyScopeException(string grantId, string scope)
    : Exception($"Grant {grantId} does not cover {scope}")
{
    public string Scope { get; } = scope;
}

/// <summary>The household directory: reads and writes households. Not telemetry.</summary>
public interface IHouseholdDirectory
{
    Task<Household?> FindAsync(string householdId, CancellationToken cancellationToken = default);

    Task<Household?> FindByMemberAsync(string memberId, CancellationToken cancellationToken = default);

    Task<HouseholdPlan> PlanAsync(string planCode, CancellationToken cancellationToken = default);

    Task AddMemberAsync(string householdId, HouseholdMember member, CancellationToken cancellationToken = default);

    Task RemoveMemberAsync(string householdId, string memberId, CancellationToken cancellationToken = default);
}

/// <summary>Creates and redeems invitations and mails them. Not telemetry.</summary>
public interface IInvitationService
{
    Task<FamilyInvitation> CreateAsync(string householdId, string inviteeEmail, string invitedBy, HouseholdRole role, CancellationToken cancellationToken = default);

    Task<FamilyInvitation?> FindByTokenAsync(string redeemToken, CancellationToken cancellationToken = default);

    Task<InvitationResult> AcceptAsync(FamilyInvitation invitation, string memberId, CancellationToken cancellationToken = default);
}

/// <summary>Stores grants of delegated access. Not telemetry.</summary>
public interface IProxyRegistry
{
    Task<IReadOnlyList<ProxyGrant>> ForGrantorAsync(string grantorId, CancellationToken cancellationToken = default);

    Task SaveAsync(ProxyGrant grant, CancellationToken cancellationToken = default);

    Task RevokeAsync(string grantId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>Sends texts and emails. Not telemetry.</summary>
public interface INotifier
{
    Task EmailAsync(string to, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);

    Task TextAsync(string mobile, string body, CancellationToken cancellationToken = default);
}

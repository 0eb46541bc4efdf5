namespace ClubHub.Guests;

// Guest passes a member gives a friend or family member. Records print their members.

/// <summary>A guest pass. Prints pass id, the pass code sent to the guest, the guest's name and email, the host's membership number and the day.</summary>
public sealed record GuestPass(string PassId, string PassCode, string GuestName, string GuestEmail, string HostMembershipNumber, DateOnly ValidOn);

/// <summary>The club's guest pass policy. Prints its members.</summary>
public sealed record GuestPassPolicy(string Club, int PerMonth, bool PeakAllowed, int MinimumAge);

public interface IGuestPassService
{
    Task<GuestPass> IssueAsync(string hostMembershipNumber, string guestName, string guestEmail, DateOnly validOn, CancellationToken cancellationToken = default);

    Task<GuestPass?> RedeemAsync(string passCode, string club, CancellationToken cancellationToken = default);

    Task<GuestPassPolicy> PolicyAsync(string club, CancellationToken cancellationToken = default);
}

/// <summary>The host has used this month's passes; quotes used and allowed.</summary>
public sealed class GuestPassLimitException(int used, int allowed) : Exception($"{used} of {allowed} guest passes used this month")
{
    public int Allowed { get; } = allowed;
}

/// <summary>The guest is barred from the club; quotes the guest's name.</summary>
public sealed class GuestBarredException(string guestName) : Exception($"{guestName} is barred from entry");

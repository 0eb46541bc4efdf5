namespace ClubHub.Members;

// The shapes of a club management platform's member API as the services use it. Records print their members.

/// <summary>A member. Prints membership number, id, names, email, mobile, date of birth, postcode, home club, plan and status.</summary>
public sealed record Member(
    string MembershipNumber,
    Guid MemberId,
    string FirstName,
    string LastName,
    string Email,
    string? Mobile,
    DateOnly DateOfBirth,
    string Postcode,
    string HomeClub,
    string PlanCode,
    string Status);

/// <summary>A membership plan. Prints its code, name, fee, term and whether it is off-peak.</summary>
public sealed record MembershipPlan(string PlanCode, string Name, decimal MonthlyFee, int MinimumTermMonths, bool OffPeak);

/// <summary>A sign-up as the join form sends it. Prints names, email, mobile, date of birth, postcode, plan, club and referral code.</summary>
public sealed record SignUpRequest(
    string FirstName,
    string LastName,
    string Email,
    string Mobile,
    DateOnly DateOfBirth,
    string Postcode,
    string PlanCode,
    string HomeClub,
    string? ReferralCode);

/// <summary>The platform's answer to a sign-up. Prints the new membership number, the agreement, the start date and the joining fee.</summary>
public sealed record SignUpResult(string MembershipNumber, string AgreementId, DateOnly StartsOn, decimal JoiningFee);

/// <summary>A freeze asked for. Prints membership number, dates, reason code and the member's comment.</summary>
public sealed record FreezeRequest(string MembershipNumber, DateOnly From, DateOnly Until, string ReasonCode, string? Comment);

/// <summary>The decision on a freeze. Prints freeze id, whether approved, reason code, days and the monthly freeze fee.</summary>
public sealed record FreezeDecision(string FreezeId, bool Approved, string ReasonCode, int Days, decimal FeePerMonth);

/// <summary>A cancellation asked for. Prints membership number, reason code, the member's own words and the date.</summary>
public sealed record CancellationRequest(string MembershipNumber, string ReasonCode, string? FreeTextReason, DateOnly RequestedOn);

/// <summary>The outcome of a cancellation. Prints cancellation id, effective date, notice days and the final charge.</summary>
public sealed record CancellationOutcome(string CancellationId, DateOnly EffectiveOn, int NoticeDays, decimal FinalCharge);

public interface IMemberDirectory
{
    Task<Member?> FindAsync(string membershipNumber, CancellationToken cancellationToken = default);

    Task<Member?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<SignUpResult> CreateAsync(SignUpRequest request, CancellationToken cancellationToken = default);

    Task<FreezeDecision> FreezeAsync(FreezeRequest request, CancellationToken cancellationToken = default);

    Task<CancellationOutcome> CancelAsync(CancellationRequest request, CancellationToken cancellationToken = default);

    Task<MembershipPlan> PlanAsync(string planCode, CancellationToken cancellationToken = default);
}

/// <summary>Sends emails and texts to members; not telemetry.</summary>
public interface IMemberMessenger
{
    Task SendAsync(string templateId, string recipient, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>No member with that number; quotes the membership number.</summary>
public sealed class MemberNotFoundException(string membershipNumber) : Exception($"No member with number {membershipNumber}");

/// <summary>A member already exists for the email; quotes the email.</summary>
public sealed class DuplicateMemberException(string email) : Exception($"A member already exists for {email}")
{
    public string Field { get; } = "email";
}

/// <summary>The plan takes no new members at the club; quotes plan and club.</summary>
public sealed class PlanClosedException(string planCode, string club) : Exception($"Plan {planCode} is closed to new members at {club}")
{
    public string PlanCode { get; } = planCode;
}

/// <summary>The freeze allowance is used up; quotes days used and allowed.</summary>
public sealed class FreezeLimitReachedException(int usedDays, int allowedDays) : Exception($"Freeze allowance used: {usedDays} of {allowedDays} days")
{
    public int UsedDays { get; } = usedDays;
}

/// <summary>The minimum term has not ended; quotes the earliest cancellation date.</summary>
public sealed class MinimumTermException(DateOnly earliest) : Exception($"Cancellation is possible from {earliest:yyyy-MM-dd}")
{
    public DateOnly Earliest { get; } = earliest;
}

namespace Stays.Guests;

// The guest profile service of a hotel group.

/// <summary>A guest's profile. Prints profile id, loyalty number, full name, email, mobile, date of birth, nationality and tier.</summary>
public sealed record GuestProfile(Guid ProfileId, string LoyaltyNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Nationality, string Tier);

/// <summary>A loyalty tier. Prints code, name and nights needed.</summary>
public sealed record LoyaltyTier(string Code, string Name, int NightsNeeded);

/// <summary>A guest's marketing preferences. Prints profile id, email and the opt-ins.</summary>
public sealed record MarketingConsent(Guid ProfileId, string Email, bool Newsletter, bool Partners);

public interface IGuestDirectory
{
    Task<GuestProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<GuestProfile?> FindByLoyaltyNumberAsync(string loyaltyNumber, CancellationToken cancellationToken = default);

    Task<GuestProfile> MergeAsync(Guid keep, Guid duplicate, CancellationToken cancellationToken = default);
}

/// <summary>The guest messenger (email and SMS); not telemetry.</summary>
public interface IGuestMessenger
{
    Task<string> EmailAsync(string email, string templateId, IDictionary<string, string> values, CancellationToken cancellationToken = default);

    Task<string> TextAsync(string mobile, string text, CancellationToken cancellationToken = default);
}

/// <summary>No profile has this email; quotes the email.</summary>
public sealed class GuestNotFoundException(string email) : Exception($"No guest profile for {email}");

/// <summary>A loyalty account is locked; quotes the loyalty number.</summary>
public sealed class LoyaltyAccountLockedException(string loyaltyNumber) : Exception($"Loyalty account {loyaltyNumber} is locked after failed sign-ins");

/// <summary>Two profiles cannot be merged; quotes the tiers only.</summary>
public sealed class ProfileMergeConflictException(string tierA, string tierB) : Exception($"Cannot merge a {tierA} profile into a {tierB} profile");

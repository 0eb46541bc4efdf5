namespace AbuseKit.Lockout;

// Account lockout in the shape of ASP.NET Core Identity: a user with a failed-access count and a lockout
// end, a user manager that counts failures and locks, and the sign-in result. Only the shapes matter.

public sealed class LockoutOptions
{
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan DefaultLockoutTimeSpan { get; set; } = TimeSpan.FromMinutes(5);

    public bool AllowedForNewUsers { get; set; } = true;
}

public class AppUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString();

    public string? UserName { get; set; }

    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool LockoutEnabled { get; set; } = true;

    /// <summary>As IdentityUser does: the user name.</summary>
    public override string ToString() => UserName ?? string.Empty;
}

public interface IUserManager
{
    LockoutOptions Lockout { get; }

    Task<AppUser?> FindByNameAsync(string userName);

    Task<AppUser?> FindByIdAsync(string userId);

    Task<bool> IsLockedOutAsync(AppUser user);

    Task AccessFailedAsync(AppUser user);

    Task ResetAccessFailedCountAsync(AppUser user);

    Task SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd);

    Task<bool> CheckPasswordAsync(AppUser user, string password);
}

public sealed class SignInResult
{
    public static SignInResult Success { get; } = new() { Succeeded = true };

    public static SignInResult Failed { get; } = new();

    public static SignInResult LockedOut { get; } = new() { IsLockedOut = true };

    public bool Succeeded { get; private init; }

    public bool IsLockedOut { get; private init; }

    public bool RequiresTwoFactor { get; private init; }

    public override string ToString() => IsLockedOut ? "Lockedout" : RequiresTwoFactor ? "RequiresTwoFactor" : Succeeded ? "Succeeded" : "Failed";
}

/// <summary>Thrown by the services' sign-in handlers; quotes the user name that was locked.</summary>
public sealed class AccountLockedException(string userName, DateTimeOffset lockoutEnd)
    : Exception($"Account '{userName}' is locked out until {lockoutEnd:u}.")
{
    public DateTimeOffset LockoutEnd { get; } = lockoutEnd;
}

namespace AccountKit;

// An account store in the shape of ASP.NET Core Identity's UserManager and SignInManager, reduced to what
// the services call: users, results with their errors, tokens for email confirmation and password reset,
// external logins, lockout.

/// <summary>A local account. Like <c>IdentityUser</c>, <c>ToString()</c> returns the user name, which the services set to the email.</summary>
public class AccountUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString();

    public string? UserName { get; set; }

    public string? Email { get; set; }

    public bool EmailConfirmed { get; set; }

    public string? PhoneNumber { get; set; }

    public bool PhoneNumberConfirmed { get; set; }

    public bool TwoFactorEnabled { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public override string ToString() => UserName ?? string.Empty;
}

/// <summary>An error of an account operation. <c>Description</c> quotes the user name or email for the duplicate and invalid codes.</summary>
public sealed class AccountError
{
    public string Code { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;
}

/// <summary>The result of an account operation. <c>ToString()</c> is "Succeeded" or "Failed : " and the error codes.</summary>
public sealed class AccountResult
{
    private readonly List<AccountError> _errors = new();

    public bool Succeeded { get; private init; }

    public IEnumerable<AccountError> Errors => _errors;

    public static AccountResult Success { get; } = new() { Succeeded = true };

    public static AccountResult Failed(params AccountError[] errors)
    {
        var result = new AccountResult { Succeeded = false };
        result._errors.AddRange(errors);
        return result;
    }

    public override string ToString() =>
        Succeeded ? "Succeeded" : "Failed : " + string.Join(",", _errors.Select(e => e.Code));
}

/// <summary>The outcome of a password sign-in. <c>ToString()</c> names the state (Succeeded, Lockedout, NotAllowed, RequiresTwoFactor, Failed).</summary>
public sealed class SignInOutcome
{
    public bool Succeeded { get; init; }

    public bool IsLockedOut { get; init; }

    public bool IsNotAllowed { get; init; }

    public bool RequiresTwoFactor { get; init; }

    public override string ToString() =>
        IsLockedOut ? "Lockedout" : IsNotAllowed ? "NotAllowed" : RequiresTwoFactor ? "RequiresTwoFactor" : Succeeded ? "Succeeded" : "Failed";
}

/// <summary>An external login: the provider, the person's key at the provider and the provider's display name.</summary>
public sealed record ExternalLogin(string LoginProvider, string ProviderKey, string? ProviderDisplayName);

public interface IAccountManager<TUser>
    where TUser : AccountUser
{
    Task<AccountResult> CreateAsync(TUser user, string password);

    Task<TUser?> FindByIdAsync(string userId);

    Task<TUser?> FindByEmailAsync(string email);

    Task<TUser?> FindByLoginAsync(string loginProvider, string providerKey);

    Task<string> GenerateEmailConfirmationTokenAsync(TUser user);

    Task<AccountResult> ConfirmEmailAsync(TUser user, string token);

    Task<string> GeneratePasswordResetTokenAsync(TUser user);

    Task<AccountResult> ResetPasswordAsync(TUser user, string token, string newPassword);

    Task<AccountResult> AddLoginAsync(TUser user, ExternalLogin login);

    Task<IList<ExternalLogin>> GetLoginsAsync(TUser user);

    Task<AccountResult> DeleteAsync(TUser user);

    Task<AccountResult> UpdateSecurityStampAsync(TUser user);
}

public interface ISignInManager<TUser>
    where TUser : AccountUser
{
    Task<SignInOutcome> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure);

    Task<SignInOutcome> TwoFactorSignInAsync(string provider, string code, bool isPersistent, bool rememberClient);

    Task<SignInOutcome> ExternalLoginSignInAsync(string loginProvider, string providerKey, bool isPersistent);

    Task SignInAsync(TUser user, bool isPersistent);

    Task SignOutAsync();
}

/// <summary>Sends mail and SMS through the organisation's provider. Not telemetry.</summary>
public interface IAccountMessenger
{
    Task SendEmailAsync(string to, string templateId, IReadOnlyDictionary<string, string> model, CancellationToken cancellationToken = default);

    Task SendSmsAsync(string toE164, string text, CancellationToken cancellationToken = default);
}

/// <summary>The account service's audit trail (a database table). Not telemetry.</summary>
public interface IAccountAuditStore
{
    Task AppendAsync(string accountId, string action, string detail, CancellationToken cancellationToken = default);
}

/// <summary>Thrown by the messenger when the provider refuses an address; its message quotes the address.</summary>
public sealed class RecipientRejectedException(string recipient, string reason)
    : Exception($"The provider refused '{recipient}': {reason}")
{
    public string Recipient { get; } = recipient;

    public string Reason { get; } = reason;
}

/// <summary>Thrown when an account is locked out; names the lockout end only.</summary>
public sealed class AccountLockedException(DateTimeOffset lockoutEnd)
    : Exception($"The account is locked out until {lockoutEnd:O}.")
{
    public DateTimeOffset LockoutEnd { get; } = lockoutEnd;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;

// Stand-ins for ASP.NET Core Identity: the user type, UserManager and SignInManager with the members the
// account flows call. Bodies are placeholders; only the shapes matter.

namespace Microsoft.AspNetCore.Identity
{
    public class IdentityUser
    {
        public virtual string Id { get; set; } = Guid.NewGuid().ToString();

        public virtual string? UserName { get; set; }

        public virtual string? NormalizedUserName { get; set; }

        public virtual string? Email { get; set; }

        public virtual string? NormalizedEmail { get; set; }

        public virtual bool EmailConfirmed { get; set; }

        public virtual string? PasswordHash { get; set; }

        public virtual string? SecurityStamp { get; set; }

        public virtual string? PhoneNumber { get; set; }

        public virtual bool PhoneNumberConfirmed { get; set; }

        public virtual bool TwoFactorEnabled { get; set; }

        public virtual DateTimeOffset? LockoutEnd { get; set; }

        public virtual bool LockoutEnabled { get; set; }

        public virtual int AccessFailedCount { get; set; }

        public override string ToString() => UserName ?? string.Empty;
    }

    public class IdentityRole
    {
        public string Id { get; set; } = Guid.NewGuid().ToString();

        public string? Name { get; set; }
    }

    public class IdentityError
    {
        public string Code { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;
    }

    public class IdentityResult
    {
        private readonly List<IdentityError> _errors = new();

        public bool Succeeded { get; protected set; }

        public IEnumerable<IdentityError> Errors => _errors;

        public static IdentityResult Success { get; } = new() { Succeeded = true };

        public static IdentityResult Failed(params IdentityError[] errors)
        {
            var result = new IdentityResult { Succeeded = false };
            result._errors.AddRange(errors);
            return result;
        }

        public override string ToString() =>
            Succeeded ? "Succeeded" : "Failed : " + string.Join(",", Errors.Select(e => e.Code));
    }

    public class SignInResult
    {
        public bool Succeeded { get; protected set; }

        public bool IsLockedOut { get; protected set; }

        public bool IsNotAllowed { get; protected set; }

        public bool RequiresTwoFactor { get; protected set; }

        public static SignInResult Success { get; } = new() { Succeeded = true };

        public static SignInResult Failed { get; } = new();

        public static SignInResult LockedOut { get; } = new() { IsLockedOut = true };

        public static SignInResult NotAllowed { get; } = new() { IsNotAllowed = true };

        public static SignInResult TwoFactorRequired { get; } = new() { RequiresTwoFactor = true };

        public override string ToString() =>
            IsLockedOut ? "Lockedout" : IsNotAllowed ? "NotAllowed" : RequiresTwoFactor ? "RequiresTwoFactor" : Succeeded ? "Succeeded" : "Failed";
    }

    public class UserLoginInfo(string loginProvider, string providerKey, string? providerDisplayName)
    {
        public string LoginProvider { get; set; } = loginProvider;

        public string ProviderKey { get; set; } = providerKey;

        public string? ProviderDisplayName { get; set; } = providerDisplayName;
    }

    public class ExternalLoginInfo(ClaimsPrincipal principal, string loginProvider, string providerKey, string displayName)
        : UserLoginInfo(loginProvider, providerKey, displayName)
    {
        public ClaimsPrincipal Principal { get; set; } = principal;

        public IDictionary<string, string> AuthenticationTokens { get; } = new Dictionary<string, string>();
    }

    public class LockoutOptions
    {
        public TimeSpan DefaultLockoutTimeSpan { get; set; } = TimeSpan.FromMinutes(5);

        public int MaxFailedAccessAttempts { get; set; } = 5;
    }

    public class IdentityOptions
    {
        public LockoutOptions Lockout { get; set; } = new();
    }

    public static class TokenOptions
    {
        public const string DefaultProvider = "Default";

        public const string DefaultEmailProvider = "Email";

        public const string DefaultPhoneProvider = "Phone";

        public const string DefaultAuthenticatorProvider = "Authenticator";
    }

    public class UserManager<TUser>
        where TUser : class
    {
        public virtual IdentityOptions Options { get; set; } = new();

        public virtual IQueryable<TUser> Users => Enumerable.Empty<TUser>().AsQueryable();

        public virtual Task<IdentityResult> CreateAsync(TUser user, string password) => Task.FromResult(IdentityResult.Success);

        public virtual Task<IdentityResult> UpdateAsync(TUser user) => Task.FromResult(IdentityResult.Success);

        public virtual Task<IdentityResult> DeleteAsync(TUser user) => Task.FromResult(IdentityResult.Success);

        public virtual Task<TUser?> FindByIdAsync(string userId) => Task.FromResult<TUser?>(null);

        public virtual Task<TUser?> FindByNameAsync(string userName) => Task.FromResult<TUser?>(null);

        public virtual Task<TUser?> FindByEmailAsync(string email) => Task.FromResult<TUser?>(null);

        public virtual Task<TUser?> FindByLoginAsync(string loginProvider, string providerKey) => Task.FromResult<TUser?>(null);

        public virtual Task<TUser?> GetUserAsync(ClaimsPrincipal principal) => Task.FromResult<TUser?>(null);

        public virtual string? GetUserId(ClaimsPrincipal principal) => principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;

        public virtual string? GetUserName(ClaimsPrincipal principal) => principal.FindFirst(ClaimTypes.Name)?.Value;

        public virtual Task<string> GetUserIdAsync(TUser user) => Task.FromResult(string.Empty);

        public virtual Task<string?> GetUserNameAsync(TUser user) => Task.FromResult<string?>(null);

        public virtual Task<string?> GetEmailAsync(TUser user) => Task.FromResult<string?>(null);

        public virtual Task<string?> GetPhoneNumberAsync(TUser user) => Task.FromResult<string?>(null);

        public virtual Task<bool> IsEmailConfirmedAsync(TUser user) => Task.FromResult(false);

        public virtual Task<string> GenerateEmailConfirmationTokenAsync(TUser user) => Task.FromResult(string.Empty);

        public virtual Task<IdentityResult> ConfirmEmailAsync(TUser user, string token) => Task.FromResult(IdentityResult.Success);

        public virtual Task<string> GeneratePasswordResetTokenAsync(TUser user) => Task.FromResult(string.Empty);

        public virtual Task<IdentityResult> ResetPasswordAsync(TUser user, string token, string newPassword) => Task.FromResult(IdentityResult.Success);

        public virtual Task<string> GenerateChangePhoneNumberTokenAsync(TUser user, string phoneNumber) => Task.FromResult(string.Empty);

        public virtual Task<IdentityResult> ChangePhoneNumberAsync(TUser user, string phoneNumber, string token) => Task.FromResult(IdentityResult.Success);

        public virtual Task<string> GenerateTwoFactorTokenAsync(TUser user, string tokenProvider) => Task.FromResult(string.Empty);

        public virtual Task<bool> VerifyTwoFactorTokenAsync(TUser user, string tokenProvider, string token) => Task.FromResult(false);

        public virtual Task<IList<string>> GetValidTwoFactorProvidersAsync(TUser user) => Task.FromResult<IList<string>>(new List<string>());

        public virtual Task<bool> GetTwoFactorEnabledAsync(TUser user) => Task.FromResult(false);

        public virtual Task<bool> IsLockedOutAsync(TUser user) => Task.FromResult(false);

        public virtual Task<DateTimeOffset?> GetLockoutEndDateAsync(TUser user) => Task.FromResult<DateTimeOffset?>(null);

        public virtual Task<IdentityResult> SetLockoutEndDateAsync(TUser user, DateTimeOffset? lockoutEnd) => Task.FromResult(IdentityResult.Success);

        public virtual Task<IdentityResult> AccessFailedAsync(TUser user) => Task.FromResult(IdentityResult.Success);

        public virtual Task<int> GetAccessFailedCountAsync(TUser user) => Task.FromResult(0);

        public virtual Task<IdentityResult> ResetAccessFailedCountAsync(TUser user) => Task.FromResult(IdentityResult.Success);

        public virtual Task<IdentityResult> AddLoginAsync(TUser user, UserLoginInfo login) => Task.FromResult(IdentityResult.Success);

        public virtual Task<IList<UserLoginInfo>> GetLoginsAsync(TUser user) => Task.FromResult<IList<UserLoginInfo>>(new List<UserLoginInfo>());

        public virtual Task<IList<string>> GetRolesAsync(TUser user) => Task.FromResult<IList<string>>(new List<string>());

        public virtual Task<IdentityResult> AddToRoleAsync(TUser user, string role) => Task.FromResult(IdentityResult.Success);

        public virtual Task<bool> IsInRoleAsync(TUser user, string role) => Task.FromResult(false);

        public virtual Task<IList<Claim>> GetClaimsAsync(TUser user) => Task.FromResult<IList<Claim>>(new List<Claim>());

        public virtual Task<IdentityResult> AddClaimAsync(TUser user, Claim claim) => Task.FromResult(IdentityResult.Success);

        public virtual Task<IdentityResult> UpdateSecurityStampAsync(TUser user) => Task.FromResult(IdentityResult.Success);
    }

    public class SignInManager<TUser>
        where TUser : class
    {
        public SignInManager(UserManager<TUser> userManager) => UserManager = userManager;

        public UserManager<TUser> UserManager { get; }

        public virtual bool IsSignedIn(ClaimsPrincipal principal) => principal.Identity?.IsAuthenticated == true;

        public virtual Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) => Task.FromResult(SignInResult.Failed);

        public virtual Task<SignInResult> PasswordSignInAsync(TUser user, string password, bool isPersistent, bool lockoutOnFailure) => Task.FromResult(SignInResult.Failed);

        public virtual Task<SignInResult> CheckPasswordSignInAsync(TUser user, string password, bool lockoutOnFailure) => Task.FromResult(SignInResult.Failed);

        public virtual Task<SignInResult> TwoFactorSignInAsync(string provider, string code, bool isPersistent, bool rememberClient) => Task.FromResult(SignInResult.Failed);

        public virtual Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) => Task.FromResult(SignInResult.Failed);

        public virtual Task<TUser?> GetTwoFactorAuthenticationUserAsync() => Task.FromResult<TUser?>(null);

        public virtual Task<ExternalLoginInfo?> GetExternalLoginInfoAsync(string? expectedXsrf = null) => Task.FromResult<ExternalLoginInfo?>(null);

        public virtual Task<SignInResult> ExternalLoginSignInAsync(string loginProvider, string providerKey, bool isPersistent, bool bypassTwoFactor = false) => Task.FromResult(SignInResult.Failed);

        public virtual Task SignInAsync(TUser user, bool isPersistent, string? authenticationMethod = null) => Task.CompletedTask;

        public virtual Task SignInWithClaimsAsync(TUser user, bool isPersistent, IEnumerable<Claim> additionalClaims) => Task.CompletedTask;

        public virtual Task RefreshSignInAsync(TUser user) => Task.CompletedTask;

        public virtual Task SignOutAsync() => Task.CompletedTask;

        public virtual Task<ClaimsPrincipal> CreateUserPrincipalAsync(TUser user) => Task.FromResult(new ClaimsPrincipal());
    }

    public interface IUserClaimsPrincipalFactory<TUser>
        where TUser : class
    {
        Task<ClaimsPrincipal> CreateAsync(TUser user);
    }
}

namespace Microsoft.AspNetCore.Identity.UI.Services
{
    public interface IEmailSender
    {
        Task SendEmailAsync(string email, string subject, string htmlMessage);
    }
}

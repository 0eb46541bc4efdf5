using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace PrivacyHoldout30.Support.Identity;

// Stand-ins for ASP.NET Core Identity. As the real type does, IdentityUser.ToString() returns the user name.

public class IdentityUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString();

    public string? UserName { get; set; }

    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public bool TwoFactorEnabled { get; set; }

    public override string ToString() => UserName ?? string.Empty;
}

public sealed class IdentityError
{
    public string Code { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;
}

public sealed class IdentityResult
{
    public bool Succeeded { get; init; }

    public IEnumerable<IdentityError> Errors { get; init; } = Array.Empty<IdentityError>();

    public static IdentityResult Success { get; } = new() { Succeeded = true };

    public override string ToString() => Succeeded ? "Succeeded" : "Failed : " + string.Join(",", Errors.Select(e => e.Code));
}

public class UserManager<TUser>
    where TUser : IdentityUser
{
    public virtual Task<TUser?> FindByIdAsync(string userId) => Task.FromResult<TUser?>(null);

    public virtual Task<TUser?> FindByEmailAsync(string email) => Task.FromResult<TUser?>(null);

    public virtual Task<TUser?> FindByNameAsync(string userName) => Task.FromResult<TUser?>(null);

    public virtual Task<bool> IsLockedOutAsync(TUser user) => Task.FromResult(user.LockoutEnd > DateTimeOffset.UtcNow);

    public virtual Task<IdentityResult> SetLockoutEndDateAsync(TUser user, DateTimeOffset? lockoutEnd) => Task.FromResult(IdentityResult.Success);

    public virtual Task<IdentityResult> ResetAccessFailedCountAsync(TUser user) => Task.FromResult(IdentityResult.Success);

    public virtual Task<string> GeneratePasswordResetTokenAsync(TUser user) => Task.FromResult(Guid.NewGuid().ToString("N"));

    public virtual Task<IdentityResult> SetPhoneNumberAsync(TUser user, string? phoneNumber) => Task.FromResult(IdentityResult.Success);
}

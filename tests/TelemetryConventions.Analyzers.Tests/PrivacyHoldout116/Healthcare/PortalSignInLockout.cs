namespace PrivacyHoldout116.Healthcare;

/// <summary>
/// The portal's password sign-in (the NHS login route is handled elsewhere): usernames are patients'
/// emails. Failed attempts are counted by the user manager and lock the account for fifteen minutes.
/// </summary>
public sealed partial class PortalSignInLockout(ILogger<PortalSignInLockout> logger, IUserManager users, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Portal.SignIn");

    public async Task<SignInResult> SignInAsync(string username, string password, EdgeRequest request)
    {
        using var span = Source.StartPortalguardCheck("lockout");
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            var userKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(username.ToLowerInvariant())))[..16];
            span.Activity?.SetTag("signin.unknown_user", userKey); // leak TC1002 hashes
            logger.LogInformation("Sign-in for an unknown user from {UserAgent}", request.UserAgent); // clean precision-names
            return SignInResult.Failed;
        }

        Activity.Current?.SetBaggage("portal.account", pseudonymizer.ComputePortalguardSubjectId(user.Id)); // clean precision-pseudonym
        if (await users.IsLockedOutAsync(user))
        {
            var ex = new AccountLockedException(username, user.LockoutEnd ?? DateTimeOffset.UtcNow);
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            AccountLocked(logger, username, ex.LockoutEnd); // clean direct
            logger.LogPortalguardRequestBlockedEvent("sign-in", "locked_out", pseudonymizer.PseudonymizePortalguardSubjectId(user.Id)); // clean precision-pseudonym
            return SignInResult.LockedOut;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            span.SetPortalguardAttempts(user.AccessFailedCount); // clean precision-about
            logger.LogWarning("Failed sign-in {Count}/{Max} for {User}", user.AccessFailedCount, users.Lockout.MaxFailedAccessAttempts, user); // leak TC1001 logging-objects
            SignInFailed(logger, username, user.AccessFailedCount); // leak TC1001 direct
            meter.CreatePortalguardThrottledCounter().Add(1, "sign-in", "user", user.AccessFailedCount >= users.Lockout.MaxFailedAccessAttempts ? "locked_out" : "failed"); // clean generated-api
            span.Activity?.SetTag("lockout.end", user.LockoutEnd?.ToString("O", CultureInfo.InvariantCulture)); // clean precision-names
            return SignInResult.Failed;
        }

        if (user.AccessFailedCount > 0)
        {
            logger.LogInformation("Lockout counter reset for {UserId} after {Count} failures", user.Id, user.AccessFailedCount); // leak TC1001 direct
            await users.ResetAccessFailedCountAsync(user);
        }
        logger.LogInformation("Sign-in {Result} with phone on file: {HasPhone}", SignInResult.Success, user.PhoneNumber is not null); // clean precision-about
        return SignInResult.Success;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Account {UserName} locked until {LockoutEnd}")]
    private static partial void AccountLocked(ILogger logger, [PrivateData] string userName, DateTimeOffset lockoutEnd);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Failed sign-in for {UserName}, attempt {Attempt}")]
    private static partial void SignInFailed(ILogger logger, string userName, int attempt);
}

namespace PrivacyHoldout101.Transport;

/// <summary>A rider app sign-up: email, mobile for codes, password and the app install's id.</summary>
public sealed record RiderSignUp(string Email, string Mobile, string Password, string InstallId, string AppVersion, string Platform);

/// <summary>Sign-up and sign-in to the ticketing app with an SMS code on new devices.</summary>
public sealed partial class RiderAppSignUp(
    IAccountManager<AccountUser> accounts,
    ISignInManager<AccountUser> signIn,
    IChallengeStore challenges,
    IAccountMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<RiderAppSignUp> logger)
{
    private readonly RideacctFlowsCounter _flows = meter.CreateRideacctFlowsCounter();
    private readonly RideacctFlowDurationHistogram _duration = meter.CreateRideacctFlowDurationHistogram();
    private readonly Counter<long> _codes = meter.CreateCounter<long>("rideacct.sms_codes");

    [LoggerMessage(EventId = 501, Level = LogLevel.Debug, Message = "New device {InstallId} for rider {RiderId}")]
    private static partial void LogNewDevice(ILogger logger, [PrivateData] string installId, [PrivateData] string riderId);

    public async Task<string?> SignUpAsync(RiderSignUp form, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartRideacctFlow("sign_up").SetRideacctClientId("rider-app");
        Activity.Current?.SetTag("rideacct.app.version", form.AppVersion); // clean precision-names
        Activity.Current?.SetTag("rideacct.app.platform", form.Platform); // clean precision-names
        Activity.Current?.SetTag("rideacct.install_id", form.InstallId); // leak TC1001 direct
        logger.LogInformation("Rider sign-up {SignUp}", form with { Password = "***" }); // leak TC1001 logging-objects

        var user = new AccountUser { UserName = form.Email, Email = form.Email, PhoneNumber = form.Mobile };
        var created = await accounts.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            span.SetRideacctOutcome("invalid").SetRideacctNote(string.Join(" ", created.Errors.Select(e => e.Code))); // clean generated-api
            logger.LogWarning("Rider sign-up refused: {Errors}", created.Errors.Select(e => e.Description).ToList()); // leak TC1001 logging-objects
            return null;
        }
        span.SetRideacctRiderId(pseudonymizer.PseudonymizeRideacctRiderId(user.Id)); // clean precision-pseudonym
        _flows.Add(1, "sign_up", "ok", "local"); // clean generated-api

        var challenge = await challenges.IssueAsync(user.Id, MfaMethod.Sms, form.Mobile, cancellationToken);
        span.SetRideacctChallengeId(challenge.ChallengeId).SetRideacctMfaMethod("sms"); // clean generated-api
        try
        {
            await messenger.SendSmsAsync(form.Mobile, $"Your code: {challenge.Code}", cancellationToken);
            _codes.Add(1, new KeyValuePair<string, object?>("rideacct.country_prefix", form.Mobile[..3])); // clean precision-about
        }
        catch (SmsUndeliverableException ex)
        {
            Activity.Current?.AddRideacctFlowFailedEvent("sign_up", "sms_undeliverable", rideacctNote: ex.Message); // leak TC1001 generated-api
            logger.LogWarning("SMS provider code {ProviderCode} for challenge {ChallengeId}", ex.ProviderCode, challenge.ChallengeId); // clean exceptions
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "sign_up", "sms"); // clean generated-api
        return user.Id;
    }

    public async Task<SignInOutcome> SignInOnDeviceAsync(string email, string password, string installId, CancellationToken cancellationToken)
    {
        using var span = source.StartRideacctFlow("sign_in").SetRideacctIdp("local");
        var outcome = await signIn.PasswordSignInAsync(email, password, isPersistent: true, lockoutOnFailure: true);
        var user = await accounts.FindByEmailAsync(email);
        if (user is not null)
        {
            LogNewDevice(logger, installId, user.Id); // clean logging-objects
            span.SetRideacctRiderId(pseudonymizer.PseudonymizeRideacctRiderId(user.Id)); // clean precision-pseudonym
        }
        if (outcome.IsLockedOut)
        {
            var ex = new AccountLockedException(user?.LockoutEnd ?? DateTimeOffset.UtcNow.AddMinutes(15));
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Rider {Email} locked out", email); // leak TC1001 direct
        }
        var partition = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..8];
        logger.LogDebug("Sign-in rate partition {Partition}", partition); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..2];
        logger.LogDebug("Sign-in rate shard {Shard}", keyed); // clean hashes
        return outcome;
    }
}

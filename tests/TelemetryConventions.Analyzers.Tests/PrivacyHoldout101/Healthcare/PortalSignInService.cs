namespace PrivacyHoldout101.Healthcare;

/// <summary>Password sign-in to the patient portal with an SMS code as the second factor.</summary>
public sealed partial class PortalSignInService(
    ISignInManager<AccountUser> signIn,
    IAccountManager<AccountUser> accounts,
    IChallengeStore challenges,
    IAccountMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<PortalSignInService> logger)
{
    private readonly PtacctFlowsCounter _flows = meter.CreatePtacctFlowsCounter();
    private readonly PtacctFlowDurationHistogram _duration = meter.CreatePtacctFlowDurationHistogram();
    private readonly Counter<long> _lockouts = meter.CreateCounter<long>("ptacct.lockouts");

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Sign-in attempt for {UserName} from {ClientIp}")]
    private static partial void LogAttempt(ILogger logger, [PrivateData] string userName, [PrivateData] string clientIp);

    [LoggerMessage(EventId = 411, Level = LogLevel.Warning, Message = "Code sent to {Destination} for challenge {ChallengeId}")]
    private static partial void LogCodeSent(ILogger logger, string destination, string challengeId);

    public async Task<SignInOutcome> SignInAsync(string email, string password, string clientIp, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPtacctFlow("sign_in").SetPtacctIdp("local");
        LogAttempt(logger, email, clientIp); // clean logging-objects
        span.SetPtacctNote($"attempt from {clientIp}"); // leak TC1001 generated-api

        var outcome = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
        span.SetPtacctOutcome(outcome.ToString()); // clean precision-names
        _flows.Add(1, "sign_in", outcome.ToString(), "local"); // clean generated-api

        var user = await accounts.FindByEmailAsync(email);
        if (outcome.IsLockedOut && user is not null)
        {
            logger.LogWarning("Account {AccountId} locked out after {Failures} failures", user.Id, user.AccessFailedCount); // leak TC1001 cross-member
            _lockouts.Add(1, new KeyValuePair<string, object?>("ptacct.patient", pseudonymizer.ComputePtacctPatientId(user.Id))); // leak TC1003 precision-pseudonym
            _lockouts.Add(1, new KeyValuePair<string, object?>("ptacct.failures", user.AccessFailedCount)); // clean precision-about
            return outcome;
        }

        if (outcome.RequiresTwoFactor && user?.PhoneNumber is { } phone)
        {
            var challenge = await challenges.IssueAsync(user.Id, MfaMethod.Sms, phone, cancellationToken);
            span.SetPtacctMfaMethod("sms").SetPtacctChallengeId(challenge.ChallengeId); // clean generated-api
            LogCodeSent(logger, challenge.Destination, challenge.ChallengeId); // leak TC1001 cross-member
            logger.LogDebug("Issued {Challenge}", challenge); // leak TC1001 logging-objects
            try
            {
                await messenger.SendSmsAsync(phone, $"Your portal code is {challenge.Code}", cancellationToken);
            }
            catch (SmsUndeliverableException ex)
            {
                logger.LogError(ex, "SMS code not delivered for challenge {ChallengeId}", challenge.ChallengeId); // leak TC1001 exceptions
                Activity.Current?.SetTag("ptacct.sms.provider_code", ex.ProviderCode); // clean exceptions
                Activity.Current?.SetTag("ptacct.sms.country_prefix", phone[..3]); // clean precision-about
            }
        }

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(email))[0] % 16;
        Activity.Current?.SetTag("ptacct.signin.shard", shard); // clean hashes
        Activity.Current?.SetTag("ptacct.signin.bucket", (email.ToLowerInvariant().GetHashCode() & 0x7fffffff) % 64); // leak TC1002 hashes
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "sign_in", "sms"); // clean generated-api
        return outcome;
    }

    public async Task<bool> VerifyCodeAsync(string challengeId, string code, CancellationToken cancellationToken)
    {
        using var span = source.StartPtacctFlow("mfa").SetPtacctChallengeId(challengeId);
        var check = await challenges.CheckAsync(challengeId, code, cancellationToken);
        if (check != CodeCheck.Valid)
        {
            logger.LogInformation("Code {Code} refused for challenge {ChallengeId}: {Check}", code, challengeId, check); // leak TC1001 direct
            span.SetPtacctOutcome(check.ToString()); // clean precision-about
            Activity.Current?.AddPtacctFlowFailedEvent("mfa", check.ToString(), ptacctNote: $"challenge {challengeId}"); // clean generated-api
        }
        return check == CodeCheck.Valid;
    }
}

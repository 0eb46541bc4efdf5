namespace PrivacyHoldout116.Media;

public sealed record SignInAttempt(string Email, string Password, string? VisitorId, EdgeRequest Request);

/// <summary>
/// Defends the sign-in page against credential stuffing: failures per IP address, the number of distinct
/// accounts tried from one address, the device fingerprint of the browser, a CAPTCHA after three failures,
/// the allowlist of the partners' (ISPs' and TV makers') egress networks, and account lockout.
/// </summary>
public sealed class CredentialStuffingGuard(
    ILogger<CredentialStuffingGuard> logger,
    ICounterStore counters,
    IAccessListStore lists,
    IUserManager users,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Account.SignIn");
    private readonly Counter<long> _stuffing = meter.CreateCounter<long>("signin.stuffing.suspected");

    public async Task<bool> ShouldChallengeAsync(SignInAttempt attempt)
    {
        using var span = Source.StartStreamguardCheck("credential-stuffing");
        var address = attempt.Request.RemoteIpAddress ?? IPAddress.None;
        var partner = await lists.MatchAsync("partner-egress", EntryKind.Network, address.ToString());
        if (partner is not null)
        {
            span.SetStreamguardList(partner.List).SetStreamguardOutcome("allowed"); // clean precision-names
            logger.LogDebug("Partner egress {Network} ({Partner}) exempt from stuffing checks", partner.Value, partner.Reason); // clean precision-names
            return false;
        }

        var failures = await counters.GetAsync($"signin-fail:ip:{address}");
        var accounts = await counters.AddToSetAsync($"signin-accounts:ip:{address}", attempt.Email.ToLowerInvariant(), TimeSpan.FromHours(1));
        span.SetStreamguardAttempts(failures); // clean precision-about
        span.Activity?.SetTag("signin.distinct_accounts", accounts); // clean precision-about
        if (accounts > 10)
        {
            var tried = await counters.SetMembersAsync($"signin-accounts:ip:{address}");
            logger.LogWarning("Stuffing suspected from {Address}: {Accounts} accounts in an hour", address, accounts); // leak TC1001 direct
            logger.LogWarning("Accounts tried: {Emails}", tried); // leak TC1001 logging-objects
            _stuffing.Add(1, new KeyValuePair<string, object?>("client.network", IpNetwork.Of(address, 16).ToString())); // clean precision-about
            var addressDigest = Convert.ToBase64String(SHA256.HashData(address.GetAddressBytes()));
            Activity.Current?.SetTag("stuffing.source", addressDigest); // leak TC1002 hashes
            span.SetStreamguardOutcome("challenged");
        }

        if (attempt.VisitorId is { } visitor)
        {
            var seen = await counters.AddToSetAsync($"visitor-accounts:{visitor}", attempt.Email, TimeSpan.FromDays(1));
            span.Activity?.SetTag("device.visitor_id", visitor); // leak TC1001 direct
            logger.LogInformation("Browser seen with {Count} accounts today", seen); // clean precision-about
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(visitor))[0] % 10;
            span.Activity?.SetTag("device.sample_lane", lane); // clean hashes
        }
        return failures >= 3 || accounts > 10;
    }

    public async Task RecordFailureAsync(SignInAttempt attempt)
    {
        using var span = Source.StartStreamguardCheck("lockout");
        var address = attempt.Request.RemoteIpAddress ?? IPAddress.None;
        await counters.IncrementAsync($"signin-fail:ip:{address}", TimeSpan.FromMinutes(15));
        var account = await users.FindByNameAsync(attempt.Email);
        if (account is null)
        {
            logger.LogInformation("Failed sign-in for an unknown email at {Domain}", attempt.Email.Split('@')[1]); // clean precision-about
            return;
        }
        await users.AccessFailedAsync(account);
        span.SetStreamguardSubjectId(pseudonymizer.PseudonymizeStreamguardSubjectId(account.Id)).SetStreamguardAttempts(account.AccessFailedCount); // clean precision-pseudonym
        if (account.AccessFailedCount >= users.Lockout.MaxFailedAccessAttempts)
        {
            var until = DateTimeOffset.UtcNow + users.Lockout.DefaultLockoutTimeSpan;
            await users.SetLockoutEndDateAsync(account, until);
            span.SetStreamguardOutcome("locked_out");
            logger.LogWarning("Locked {Email} until {Until}", account.Email, until); // leak TC1001 direct
            meter.CreateStreamguardThrottledCounter().Add(1, "sign-in", "account", "locked_out"); // clean generated-api
            span.Activity?.SetTag(StreamguardAttributes.SubjectContact, pseudonymizer.PseudonymizeStreamguardSubjectId(account.Email!).Value); // leak TC1001 precision-pseudonym
            logger.LogStreamguardRequestBlockedEvent("sign-in", "locked_out", pseudonymizer.PseudonymizeStreamguardSubjectId(account.Id), $"locked after {account.AccessFailedCount} failures"); // clean generated-api
        }
    }
}

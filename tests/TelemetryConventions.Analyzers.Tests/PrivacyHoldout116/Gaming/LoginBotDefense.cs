namespace PrivacyHoldout116.Gaming;

public sealed record LoginAttempt(string Email, string HardwareId, string Platform, string ClientVersion, string CaptchaToken);

public sealed class PlayerBannedException(string gamertag, string reason)
    : Exception($"Player {gamertag} is banned: {reason}.");

/// <summary>
/// Defends the launcher's login: the edge's bot score and TLS fingerprint, the ban list of hardware ids,
/// a CAPTCHA for suspicious logins and the lockout after failed passwords.
/// </summary>
public sealed class LoginBotDefense(
    ILogger<LoginBotDefense> logger,
    IAccessListStore lists,
    ICaptchaVerifier captcha,
    IUserManager users,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AbuseOptions options)
{
    private static readonly ActivitySource Source = new("Launcher.Login");
    private readonly Counter<long> _botLogins = meter.CreateCounter<long>("launcher.login.bots");

    public async Task<bool> CheckAsync(LoginAttempt attempt, EdgeRequest request)
    {
        using var span = Source.StartPlayguardCheck("bot");
        var bot = BotManagement.FromHeaders(request.Headers);
        var agent = UserAgentInfo.Parse(request.UserAgent);
        span.SetPlayguardRiskScore(1 - bot.Score / 100.0); // clean precision-about
        span.Activity?.SetTag("tls.client.ja3", bot.Ja3Hash); // clean precision-names
        logger.LogDebug("Login bot check {@Bot} for {ClientVersion} on {Platform}", bot, attempt.ClientVersion, attempt.Platform); // clean logging-objects
        _botLogins.Add(bot.Score < 30 ? 1 : 0, new KeyValuePair<string, object?>("ja4", bot.Ja4), new("device.class", agent.DeviceClass)); // clean precision-names

        var ban = await lists.MatchAsync("hardware-bans", EntryKind.Device, attempt.HardwareId);
        if (ban is not null)
        {
            span.SetPlayguardList(ban.List).SetPlayguardOutcome("blocked"); // clean precision-names
            logger.LogWarning("Banned hardware {HardwareId} tried to log in", attempt.HardwareId); // leak TC1001 direct
            logger.LogWarning("Hardware ban {EntryId} added by {AddedBy} for {Reason}", ban.EntryId, ban.AddedBy, ban.Reason); // leak TC1001 cross-member
            return false;
        }

        if (bot.Score < 30 && !bot.VerifiedBot)
        {
            var verdict = await captcha.VerifyAsync(new SiteVerifyRequest(options.CaptchaSecret, attempt.CaptchaToken, request.RemoteIpAddress?.ToString()));
            span.SetPlayguardOutcome(verdict.Success ? "challenged" : "blocked");
            logger.LogInformation("Login CAPTCHA for {Email}: {Success}", attempt.Email, verdict.Success); // leak TC1001 direct
            logger.LogInformation("Login CAPTCHA at {ChallengeTs} scored {Score}", verdict.ChallengeTs, verdict.Score); // clean precision-about
            return verdict.Success;
        }
        return true;
    }

    public async Task<SignInResult> PasswordAsync(LoginAttempt attempt, string password)
    {
        using var span = Source.StartPlayguardCheck("lockout");
        var player = await users.FindByNameAsync(attempt.Email);
        if (player is null)
        {
            return SignInResult.Failed;
        }
        var gamertag = player.UserName ?? "unknown";
        try
        {
            if (await users.IsLockedOutAsync(player))
            {
                throw new PlayerBannedException(gamertag, "too many failed logins");
            }
        }
        catch (PlayerBannedException ex)
        {
            logger.LogWarning(ex, "Login refused"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return SignInResult.LockedOut;
        }

        if (!await users.CheckPasswordAsync(player, password))
        {
            await users.AccessFailedAsync(player);
            span.SetPlayguardAttempts(player.AccessFailedCount).SetPlayguardSubjectId(pseudonymizer.PseudonymizePlayguardSubjectId(player.Id)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("player.id", player.Id); // leak TC1001 direct
            meter.CreatePlayguardThrottledCounter().Add(1, "login", "player", player.AccessFailedCount >= options.MaxFailedSignIns ? "locked_out" : "failed"); // clean generated-api
            logger.LogPlayguardRequestBlockedEvent("login", "failed", playguardNote: $"{gamertag} failed {player.AccessFailedCount} times"); // leak TC1001 generated-api
            return SignInResult.Failed;
        }
        return SignInResult.Success;
    }
}

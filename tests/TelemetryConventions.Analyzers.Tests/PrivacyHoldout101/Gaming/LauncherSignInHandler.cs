namespace PrivacyHoldout101.Gaming;

/// <summary>A launcher sign-in: a device code flow on a console or a password and authenticator code on PC.</summary>
public sealed record LauncherSignIn(string Email, string Password, string? AuthenticatorCode, string DeviceId, string LauncherVersion, string Os);

/// <summary>A pending device code: the code the console shows and the user code the player types on their phone.</summary>
public sealed record DeviceCodeGrant(string DeviceCode, string UserCode, string VerificationUri, int Interval);

public sealed partial class LauncherSignInHandler(
    ISignInManager<PlayerAccount> signIn,
    IAccountManager<PlayerAccount> accounts,
    IOidcClient oidc,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<LauncherSignInHandler> logger)
{
    private readonly PlayacctFlowDurationHistogram _duration = meter.CreatePlayacctFlowDurationHistogram();
    private readonly Histogram<double> _refreshLatency = meter.CreateHistogram<double>("playacct.refresh.latency", "s");

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Launcher {LauncherVersion} on {Os} signing in device {DeviceId}")]
    private static partial void LogLauncher(ILogger logger, string launcherVersion, string os, string deviceId);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "Authenticator code refused for {Email}")]
    private static partial void LogCodeRefused(ILogger logger, [PrivateData] string email);

    public async Task<SignInOutcome> SignInAsync(LauncherSignIn request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPlayacctFlow("sign_in").SetPlayacctClientId("launcher").SetPlayacctIdp("local");
        LogLauncher(logger, request.LauncherVersion, request.Os, request.DeviceId); // leak TC1001 direct
        Activity.Current?.SetTag("playacct.launcher.version", request.LauncherVersion); // clean precision-names

        var outcome = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: true, lockoutOnFailure: true);
        if (outcome.RequiresTwoFactor)
        {
            span.SetPlayacctMfaMethod("totp");
            outcome = await signIn.TwoFactorSignInAsync("Authenticator", request.AuthenticatorCode ?? string.Empty, isPersistent: true, rememberClient: false);
            if (!outcome.Succeeded)
            {
                LogCodeRefused(logger, request.Email); // clean logging-objects
                Activity.Current?.SetTag("playacct.totp.code_supplied", request.AuthenticatorCode is not null); // clean precision-about
                Activity.Current?.SetTag("playacct.totp.code", request.AuthenticatorCode); // leak TC1001 direct
            }
        }
        var player = await accounts.FindByEmailAsync(request.Email);
        if (player is not null)
        {
            span.SetPlayacctPlayerId(pseudonymizer.PseudonymizePlayacctPlayerId(player.Id)).SetPlayacctOutcome(outcome.ToString()); // clean precision-pseudonym
            Activity.Current?.SetTag("playacct.region", player.Region); // clean precision-names
            logger.LogInformation("Signed in {Player} ({Outcome})", player, outcome); // leak TC1001 logging-objects
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "sign_in", "totp"); // clean generated-api
        return outcome;
    }

    public void ShowDeviceCode(DeviceCodeGrant grant, string consoleSerial)
    {
        using var span = source.StartPlayacctFlow("device_code").SetPlayacctClientId("console");
        logger.LogInformation("Device code shown, poll every {Interval}s at {VerificationUri}", grant.Interval, grant.VerificationUri); // clean precision-names
        logger.LogDebug("Device code grant {Grant}", grant); // leak TC1001 logging-objects
        Activity.Current?.SetTag("playacct.console.serial_sha256", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(consoleSerial)))); // leak TC1002 hashes
    }

    public async Task<TokenResponse> RefreshAsync(string refreshToken, string playerId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPlayacctFlow("refresh").SetPlayacctClientId("launcher");
        try
        {
            var tokens = await oidc.RefreshAsync(refreshToken, cancellationToken);
            Activity.Current?.SetTag("playacct.refresh.rotated", tokens.RefreshToken != refreshToken); // clean precision-about
            Activity.Current?.SetTag("playacct.refresh.scope", tokens.Scope); // clean precision-names
            return tokens;
        }
        catch (OidcProtocolException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message).SetPlayacctOutcome(ex.Error); // clean exceptions
            logger.LogWarning("Refresh failed for {PlayerId} with {Error}", playerId, ex.ErrorDescription); // leak TC1001 direct
            throw;
        }
        finally
        {
            _refreshLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("playacct.player", playerId)); // leak TC1003 direct
        }
    }
}

namespace PrivacyHoldout79.Energy;

/// <summary>
/// The energy app registers its push token after sign-in (for outage and bill alerts). The
/// registration carries the installation id, the platform's push token and the account number.
/// </summary>
public sealed record PushRegistration(string AccountNumber, string InstallId, string PushToken, string Platform, string AppVersion, bool AlertsOptIn);

public sealed class PushTokenExpiredException(string token) : Exception($"Push token {token} was rejected by the platform as expired");

public sealed partial class PushTokenRegistrationTelemetry(
    ILogger<PushTokenRegistrationTelemetry> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private readonly Counter<long> _registrations = meter.CreateCounter<long>("supply.push.registrations");
    private PushRegistration? _current;

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Push registration on {Platform} app {AppVersion}, alerts {OptIn}, token …{TokenTail}")]
    private static partial void LogRegistration(ILogger logger, string platform, string appVersion, bool optIn, string tokenTail);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Push token {Token} stored for installation {InstallId}")]
    private static partial void LogTokenStored(ILogger logger, string token, string installId);

    public void Register(PushRegistration registration)
    {
        _current = registration;
        using var span = source.StartGridpulseIngest($"push-{Guid.NewGuid():N}");
        span.SetGridpulseInstallId(pseudonymizer.PseudonymizeGridpulseInstallId(registration.InstallId)); // clean precision-pseudonym
        span.SetGridpulseAppVersion(registration.AppVersion);
        LogRegistration(logger, registration.Platform, registration.AppVersion, registration.AlertsOptIn, registration.PushToken[^4..]); // clean precision-about
        LogTokenStored(logger, registration.PushToken, registration.InstallId); // leak TC1001 direct
        _registrations.Add(1, new KeyValuePair<string, object?>("platform", registration.Platform), new("opt_in", registration.AlertsOptIn)); // clean precision-about
        _registrations.Add(1, new KeyValuePair<string, object?>("install", pseudonymizer.ComputeGridpulseInstallId(registration.InstallId))); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("push.token.length", registration.PushToken.Length); // clean precision-about
        span.Activity?.SetTag("push.token.fingerprint", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(registration.PushToken)))); // leak TC1002 hashes
        logger.LogInformation("Registered {Registration}", registration); // leak TC1001 logging-objects
    }

    public void OnSendFailed(Exception error)
    {
        if (error is PushTokenExpiredException expired)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, expired.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(expired, new TagList { { "push.platform", _current?.Platform } }); // leak TC1001 exceptions
            logger.LogWarning("Push token expired ({Type}) for installation on {Platform}", expired.GetType().Name, _current?.Platform); // clean exceptions
            logger.LogWarning("Push token expired for account {Account}", _current?.AccountNumber); // leak TC1001 cross-member
        }
    }
}

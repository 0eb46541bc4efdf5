namespace PrivacyHoldout103.Energy;

public sealed class InstallationNotLinkedException(string installationId, string accountNumber)
    : Exception($"Installation {installationId} is not linked to account {accountNumber}");

/// <summary>
/// Registers the customer app's installations against an energy account and refreshes their push
/// tokens. The app calls <c>/api/devices/refresh?installation={installationId}&amp;platform=…</c>.
/// </summary>
public sealed class EnergyAppDeviceRegistry(IInstallationStore installations, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<EnergyAppDeviceRegistry> logger)
{
    public async Task RegisterAsync(DeviceRegistration registration, string accountNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartHomeappAppIngest("registration");
        span.SetHomeappPlatform(registration.Platform).SetHomeappOsVersion(registration.OsVersion).SetHomeappDeviceModel(registration.Model); // clean precision-names
        span.SetHomeappInstallationId(pseudonymizer.PseudonymizeHomeappInstallationId(registration.InstallationId)); // clean precision-pseudonym
        Activity.Current?.SetTag("device.name", registration.DeviceName); // leak TC1001 direct
        Activity.Current?.SetTag("device.locale", registration.Locale); // clean precision-about
        logger.LogInformation("Push token {PushToken} registered", registration.PushToken); // leak TC1001 direct
        await installations.SaveAsync(new InstallationRecord { InstallationId = registration.InstallationId, AccountId = accountNumber, Platform = registration.Platform, PushToken = registration.PushToken, RegisteredAt = DateTimeOffset.UtcNow }, cancellationToken);
    }

    public async Task RefreshAsync(string queryString, string installationId, string accountNumber, string pushToken, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("http.query", queryString); // leak TC1001 strings
        try
        {
            var record = await installations.FindAsync(installationId, cancellationToken);
            if (record is null || record.AccountId != accountNumber)
            {
                throw new InstallationNotLinkedException(installationId, accountNumber);
            }
            record.PushToken = pushToken;
            Activity.Current?.SetTag("device.token_changed", record.PushToken != pushToken); // clean precision-about
            await installations.SaveAsync(record, cancellationToken);
        }
        catch (InstallationNotLinkedException ex)
        {
            logger.LogWarning(ex, "Token refresh refused"); // leak TC1001 exceptions
        }
    }
}

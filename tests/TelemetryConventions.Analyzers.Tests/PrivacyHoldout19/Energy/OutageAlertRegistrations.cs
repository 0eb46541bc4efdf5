using System.Diagnostics;
using Microsoft.Azure.NotificationHubs;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Energy;

/// <summary>What the outage-alerts app posts when it starts: its installation, push channel and versions.</summary>
public sealed record InstallationRequest(string InstallationId, string Platform, string PushChannel, string AppVersion, string OsVersion, string Locale);

/// <summary>Registers the outage-alerts app's installations with the notification hub, tagged by account and region.</summary>
public sealed class OutageAlertRegistrations(INotificationHubClient hub, ISupplyAccounts accounts, ILogger<OutageAlertRegistrations> logger, Pseudonymizer pseudonymizer)
{
    public async Task<bool> RegisterAsync(string accountNumber, InstallationRequest request, CancellationToken cancellationToken)
    {
        using var span = EnergyTelemetry.Source.StartAppPushRegistration(request.Platform).SetAppInstallationId(pseudonymizer.PseudonymizeAppInstallationId(request.InstallationId)).SetAppVersion(request.AppVersion).SetAppOsVersion(request.OsVersion).SetAppLocale(request.Locale); // clean generated-api
        logger.LogInformation("Registering installation {InstallationId} on {Platform}", request.InstallationId, request.Platform); // leak TC1001 direct

        var account = await accounts.FindAsync(accountNumber, cancellationToken);
        if (account is null)
        {
            span.SetAppOutcome("unknown account");
            return false;
        }

        var installation = new Installation
        {
            InstallationId = request.InstallationId,
            Platform = request.Platform == "ios" ? NotificationPlatform.Apns : NotificationPlatform.FcmV1,
            PushChannel = request.PushChannel,
            Tags = [$"account:{account.AccountNumber}", $"region:{account.Region}", $"locale:{request.Locale}"],
        };
        logger.LogDebug("Installation tags: {Tags}", string.Join(",", installation.Tags)); // leak TC1001 strings
        logger.LogDebug("Installation tagged for region {Region} with {TagCount} tags", account.Region, installation.Tags.Count); // clean precision-about

        try
        {
            await hub.CreateOrUpdateInstallationAsync(installation, cancellationToken);
            EnergyTelemetry.Meter.CreateAppPushRegistrationsCounter().Add(1, request.Platform, request.AppVersion, request.Locale); // clean generated-api
            return true;
        }
        catch (MessagingException ex)
        {
            span.AddAppPushRejectedEvent(request.Platform, ex.Message, pseudonymizer.PseudonymizeAppInstallationId(request.InstallationId)); // clean exceptions
            logger.LogWarning(ex, "Notification hub refused the installation (transient: {Transient})", ex.IsTransient); // clean exceptions
            return false;
        }
    }

    public async Task UnregisterAsync(string installationId, CancellationToken cancellationToken)
    {
        await hub.DeleteInstallationAsync(installationId, cancellationToken);
        Activity.Current?.SetTag("push.installation.deleted", installationId); // leak TC1001 direct
        logger.LogInformation("Installation deleted ({Length} character id)", installationId.Length); // clean precision-about
    }

    public async Task<NotificationOutcome> NotifyRegionAsync(string region, OutageUpdate update, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string> { ["title"] = "Power cut nearby", ["status"] = update.Status, ["restore"] = update.EstimatedRestore.ToString("t") };
        var outcome = await hub.SendTemplateNotificationAsync(properties, $"region:{region}", cancellationToken);
        logger.LogInformation("Outage push {NotificationId} to region {Region}: {State}, {Success} delivered, {Failure} failed", outcome.NotificationId, region, outcome.State, outcome.Success, outcome.Failure); // clean precision-names
        return outcome;
    }

    public async Task NotifyAccountAsync(string accountNumber, string message, CancellationToken cancellationToken)
    {
        var tag = $"account:{accountNumber}";
        var outcome = await hub.SendTemplateNotificationAsync(new Dictionary<string, string> { ["title"] = message }, tag, cancellationToken);
        Activity.Current?.SetTag("push.tag_expression", tag); // leak TC1001 strings
        Activity.Current?.SetTag("push.tracking_id", outcome.TrackingId); // clean precision-names
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using FirebaseAdmin.Messaging;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Retail;

/// <summary>
/// <c>POST /v1/devices</c> of the shopping app: binds an app installation and its push token to the
/// signed-in customer, and sends a silent test push.
/// </summary>
public sealed class DeviceRegistrationService(IDeviceRegistry registry, IFirebaseMessaging messaging, ILogger<DeviceRegistrationService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly Counter<long> ByInstallation = ShopTelemetry.Meter.CreateCounter<long>("shop.app.registrations.by_installation");

    public async Task<bool> RegisterAsync(string customerNumber, RegisterDeviceRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var span = activity.EnrichAppPushRegistration(request.Platform).SetAppVersion(request.AppVersion).SetAppOsVersion(request.OsVersion).SetAppLocale(request.Locale); // clean generated-api
        span.SetAppInstallationId(Pseudonym.FromComputed(request.InstallationId)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Device registration: {Platform} app {AppVersion} on {DeviceModel} OS {OsVersion} ({Locale})", request.Platform, request.AppVersion, request.DeviceModel, request.OsVersion, request.Locale); // clean precision-names
        logger.LogDebug("Push token {DeviceToken} for installation {InstallationId}", request.DeviceToken, request.InstallationId); // leak TC1001 direct
        activity?.SetTag("push.token.length", request.DeviceToken.Length); // clean precision-about
        activity?.SetTag("push.token.suffix", request.DeviceToken[^4..]); // clean precision-about
        activity?.SetTag("push.token.sha1", Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(request.DeviceToken)))[..12]); // leak TC1002 hashes
        activity?.SetTag(AppAttributes.PushToken, request.DeviceToken); // leak TC1001 generated-api
        ByInstallation.Add(1, new KeyValuePair<string, object?>("app.installation", pseudonymizer.ComputeAppInstallationId(request.InstallationId))); // leak TC1003 precision-pseudonym

        try
        {
            await BindAsync(customerNumber, request, cancellationToken);
        }
        catch (PushRegistrationException ex)
        {
            logger.LogWarning(ex, "Device registration refused"); // leak TC1001 exceptions
            span.SetAppOutcome("already bound"); // clean precision-names
            return false;
        }

        try
        {
            await messaging.SendAsync(new Message { Token = request.DeviceToken, Data = new Dictionary<string, string> { ["kind"] = "registration-check" } }, cancellationToken);
        }
        catch (FirebaseMessagingException ex) when (ex.MessagingErrorCode is MessagingErrorCode.Unregistered or MessagingErrorCode.InvalidArgument)
        {
            span.AddAppPushRejectedEvent(request.Platform, ex.MessagingErrorCode.ToString(), pseudonymizer.PseudonymizeAppInstallationId(request.InstallationId)); // clean generated-api
            activity?.AddException(ex); // clean exceptions
            return false;
        }

        ShopTelemetry.Meter.CreateAppPushRegistrationsCounter().Add(1, request.Platform, request.AppVersion, request.Locale); // clean generated-api
        return true;
    }

    private async Task BindAsync(string customerNumber, RegisterDeviceRequest request, CancellationToken cancellationToken)
    {
        var bound = await registry.BoundCustomerAsync(request.InstallationId, cancellationToken);
        if (bound is not null && bound != customerNumber)
        {
            throw new PushRegistrationException($"Installation {request.InstallationId} is already bound to customer {bound}.");
        }

        await registry.SaveAsync(customerNumber, request, cancellationToken);
    }
}

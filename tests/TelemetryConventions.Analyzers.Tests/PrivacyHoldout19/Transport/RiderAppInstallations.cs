using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using FirebaseAdmin.Messaging;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Transport;

public sealed record RiderInstallation(string InstallationId, string FcmToken, string Platform, string AppVersion, string OsVersion, string Locale, IReadOnlyList<string> FollowedRoutes);

/// <summary>The rider app's installations: subscribes their FCM tokens to the topics of the routes they follow.</summary>
public sealed class RiderAppInstallations(IFirebaseMessaging messaging, ILogger<RiderAppInstallations> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    public async Task SyncAsync(RiderInstallation installation, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        logger.LogInformation("Rider app {AppVersion} on {Platform} {OsVersion} ({Locale}) follows {RouteCount} routes", installation.AppVersion, installation.Platform, installation.OsVersion, installation.Locale, installation.FollowedRoutes.Count); // clean precision-names
        activity?.SetTag("rider.installation", installation.InstallationId); // leak TC1001 direct
        activity?.SetTag("rider.installation.cohort", (installation.InstallationId.GetHashCode() & 0x7fffffff) % 16); // leak TC1002 hashes
        activity?.SetTag("rider.installation.shard", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(installation.InstallationId))) % 16); // clean hashes
        TransitTelemetry.Meter.CreateAppPushRegistrationsCounter().Add(1, installation.Platform, installation.AppVersion, installation.Locale); // clean generated-api

        foreach (var route in installation.FollowedRoutes)
        {
            var topic = $"route-{route}";
            var response = await messaging.SubscribeToTopicAsync([installation.FcmToken], topic);
            if (response.FailureCount > 0)
            {
                logger.LogWarning("Topic {Topic}: {Failures} failed ({Reasons})", topic, response.FailureCount, string.Join(", ", response.Errors.Select(e => e.Reason))); // clean precision-names
                activity?.AddAppPushRejectedEvent(installation.Platform, response.Errors[0].Reason, pseudonymizer.PseudonymizeAppInstallationId(installation.InstallationId)); // clean generated-api
                logger.LogDebug("Failed token was {FcmToken}", installation.FcmToken); // leak TC1001 direct
            }
        }
    }
}

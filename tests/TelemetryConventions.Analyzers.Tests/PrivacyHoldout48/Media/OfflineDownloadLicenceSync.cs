using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Media;

public sealed record OfflineLicence(string LicenceId, string TitleId, Guid SubscriberId, string PlaybackDeviceId, DateTimeOffset ExpiresAt);

public sealed record LicenceCheckIn(Guid SubscriberId, string SubscriberEmail, string PlaybackDeviceId, IReadOnlyList<string> HeldLicenceIds, DateTimeOffset OfflineSince);

public sealed class DownloadQuotaException(Guid subscriberId, int held, int allowed)
    : Exception($"Subscriber {subscriberId} holds {held} offline downloads; the plan allows {allowed}.")
{
    public int Held { get; } = held;
}

public interface ILicenceStore
{
    Task<IReadOnlyList<OfflineLicence>> ForDeviceAsync(string playbackDeviceId, CancellationToken cancellationToken);

    Task RevokeAsync(string licenceId, CancellationToken cancellationToken);
}

/// <summary>Reconciles the offline download licences a device holds when it comes back online.</summary>
public sealed class OfflineDownloadLicenceSync(
    ILicenceStore licences,
    ILogger<OfflineDownloadLicenceSync> logger,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Media.OfflineDownloads");

    public async Task<int> CheckInAsync(LicenceCheckIn checkIn, int allowed, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("licence.checkin");
        activity?.SetTag("offline.days", (int)(DateTimeOffset.UtcNow - checkIn.OfflineSince).TotalDays); // clean precision-about
        activity?.SetTag("licence.held", checkIn.HeldLicenceIds.Count); // clean precision-about
        activity?.SetTag("subscriber.email", checkIn.SubscriberEmail); // leak TC1001 direct
        var deviceKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(checkIn.PlaybackDeviceId)));
        activity?.SetTag("device.key", deviceKey); // leak TC1002 hashes
        var deviceShard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(checkIn.PlaybackDeviceId)))[..4];
        activity?.SetTag("device.shard", deviceShard); // clean hashes

        TagDevice(activity, checkIn);
        var server = await licences.ForDeviceAsync(checkIn.PlaybackDeviceId, cancellationToken);
        var orphaned = server.Where(l => !checkIn.HeldLicenceIds.Contains(l.LicenceId)).ToList();
        foreach (var licence in orphaned)
        {
            await licences.RevokeAsync(licence.LicenceId, cancellationToken);
            logger.LogInformation("Revoked orphaned licence {LicenceId} for title {TitleId}", licence.LicenceId, licence.TitleId); // clean precision-names
        }

        try
        {
            if (server.Count - orphaned.Count > allowed)
            {
                throw new DownloadQuotaException(checkIn.SubscriberId, server.Count - orphaned.Count, allowed);
            }
        }
        catch (DownloadQuotaException ex)
        {
            logger.LogWarning(ex, "Offline download quota exceeded"); // leak TC1001 exceptions
            activity?.SetTag("quota.held", ex.Held); // clean exceptions
            activity?.SetTag("subscriber.ref", pseudonymizer.ComputeSyncAccountId(checkIn.SubscriberId.ToString())); // clean precision-pseudonym
        }

        logger.LogDebug("Licences left on device: {Licences}", server.Except(orphaned).ToList()); // leak TC1001 logging-objects
        return orphaned.Count;
    }

    private static void TagDevice(Activity? activity, LicenceCheckIn checkIn)
    {
        activity?.SetTag("device.id", checkIn.PlaybackDeviceId); // leak TC1001 cross-member
        activity?.SetTag("device.class", checkIn.PlaybackDeviceId[..3]); // clean precision-about
    }
}

using System;
using System.Diagnostics;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout6.Media;

public sealed class EntitlementException(string message) : Exception(message);

/// <summary>Asks the licence server whether a subscriber may stream a title.</summary>
public sealed class EntitlementClient(HttpClient http, ILogger<EntitlementClient> logger)
{
    public async Task CheckAsync(string subscriberId, string subscriberEmail, string titleId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://licences.example/v1/subscribers/{subscriberId}/rights/{titleId}");
        using var response = await http.SendAsync(request, cancellationToken);
        logger.LogDebug("Licence server answered {Status} for title {TitleId}", (int)response.StatusCode, titleId); // clean direct
        if (!response.IsSuccessStatusCode)
        {
            throw new EntitlementException($"No streaming rights for {subscriberEmail} on {titleId}");
        }
    }
}

public sealed record PlaybackRequest(string SubscriberId, string SubscriberEmail, string ProfileName, string TitleId, string SubscriberPlanTier);

/// <summary>Starts playback after the entitlement check.</summary>
public sealed class PlaybackService(EntitlementClient entitlements, ILogger<PlaybackService> logger)
{
    public async Task<bool> StartAsync(PlaybackRequest request, CancellationToken cancellationToken)
    {
        var requested = new ActivityTagsCollection { ["media.title"] = request.TitleId, ["media.profile.kids"] = request.ProfileName.StartsWith("Kids", StringComparison.OrdinalIgnoreCase) };
        Activity.Current?.AddEvent(new ActivityEvent("playback.requested", tags: requested)); // clean precision-about
        Activity.Current?.SetTag("media.plan", request.SubscriberPlanTier); // clean precision-names
        Activity.Current?.SetTag("media.profile.key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.SubscriberId + "/" + request.ProfileName)))); // leak TC1002 hashes
        var at = request.SubscriberEmail.IndexOf('@');
        Activity.Current?.SetTag("media.subscriber.email_domain", request.SubscriberEmail.AsSpan(at + 1).ToString()); // clean precision-about
        try
        {
            await entitlements.CheckAsync(request.SubscriberId, request.SubscriberEmail, request.TitleId, cancellationToken);
        }
        catch (EntitlementException ex)
        {
            logger.LogError(ex, "Playback refused for title {TitleId}", request.TitleId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "entitlement refused"); // clean exceptions
            var refused = new ActivityTagsCollection { ["media.title"] = request.TitleId, ["media.subscriber"] = request.SubscriberEmail };
            Activity.Current?.AddEvent(new ActivityEvent("playback.refused", tags: refused)); // leak TC1001 cross-member
            return false;
        }

        logger.LogInformation("Playback started {@Playback}", new { request.TitleId, request.SubscriberPlanTier }); // clean logging-objects
        logger.LogInformation("Playback started {@Playback}", request); // leak TC1001 logging-objects
        return true;
    }
}

/// <summary>Authorises offline downloads; a refusal reaches the API's exception handler, which answers 403.</summary>
public sealed class DownloadService(EntitlementClient entitlements)
{
    public Task AuthoriseAsync(PlaybackRequest request, CancellationToken cancellationToken) =>
        entitlements.CheckAsync(request.SubscriberId, request.SubscriberEmail, request.TitleId, cancellationToken);
}

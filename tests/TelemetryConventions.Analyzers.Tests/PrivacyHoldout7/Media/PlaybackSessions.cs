using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout7.Support;
using PrivacyHoldout7.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout7.Media;

public sealed record PlaybackStart(string SubscriberId, string ProfileName, string DeviceId, string TitleId, string Rendition, string SubscriberEmail);

public sealed class PlaybackOptions
{
    public string CdnName { get; set; } = "edge-a";

    public string DrmLicenseServer { get; set; } = "https://drm.example/license";
}

/// <summary>Makes the subscriber's pseudonym once per request; handed to the services that tag.</summary>
public sealed class SubscriberContext(Pseudonymizer pseudonymizer, string subscriberId)
{
    private Pseudonym? _pseudonym;

    public string SubscriberId { get; } = subscriberId;

    public Pseudonym Pseudonym => _pseudonym ??= pseudonymizer.PseudonymizeVodSubscriberId(SubscriberId);
}

public sealed class EntitlementException(string subscriberId, string titleId)
    : Exception($"Subscriber {subscriberId} is not entitled to title {titleId}")
{
    public string TitleId { get; } = titleId;
}

public sealed class PlaybackService(SubscriberContext subscriber, IOptions<PlaybackOptions> options, IMemoryCache cache, Meter meter, byte[] telemetryKey, ILogger<PlaybackService> logger)
{
    private static readonly ActivitySource Source = new("Vod.Playback");
    private static readonly ConcurrentDictionary<string, string> DeviceClasses = new();
    private readonly Histogram<double> _startupTime = meter.CreateHistogram<double>("vod.playback.startup", "ms");
    private readonly Pseudonym _subscriber = subscriber.Pseudonym;

    public Task StartAsync(PlaybackStart start, double startupMs)
    {
        using var activity = Source.StartActivity("playback start");
        activity?.SetTag("vod.subscriber.id", _subscriber); // clean precision-pseudonym
        activity?.SetTag("vod.cdn", options.Value.CdnName); // clean precision-about
        activity?.SetTag("vod.drm.server", options.Value.DrmLicenseServer); // clean precision-names
        activity?.SetTag("vod.title.id", start.TitleId); // clean precision-names
        activity?.SetTag("user.email", start.SubscriberEmail); // leak TC1001 direct
        activity?.SetTag("vod.profile.name", start.ProfileName); // leak TC1001 direct

        var deviceClass = DeviceClasses.GetOrAdd(start.DeviceId, id => id.StartsWith("tv-", StringComparison.Ordinal) ? "television" : "mobile");
        activity?.SetTag("vod.device.class", deviceClass); // clean precision-about

        var entitlementTier = cache.GetOrCreate("tier:" + subscriber.SubscriberId, _ => start.Rendition.EndsWith("4k", StringComparison.Ordinal) ? "premium" : "standard");
        activity?.SetTag("vod.entitlement.tier", entitlementTier); // clean precision-about

        Baggage.SetBaggage("vod.subscriber", subscriber.SubscriberId); // leak TC1001 direct
        Baggage.SetBaggage("vod.subscriber.pseudonym", _subscriber.Value); // clean precision-pseudonym

        _startupTime.Record(startupMs, new KeyValuePair<string, object?>("vod.rendition", start.Rendition), new KeyValuePair<string, object?>("vod.subscriber.id", _subscriber)); // leak TC1003 precision-pseudonym
        _startupTime.Record(startupMs, new KeyValuePair<string, object?>("vod.rendition", start.Rendition), new KeyValuePair<string, object?>("vod.cdn", options.Value.CdnName)); // clean direct

        var shard = HMACSHA256.HashData(telemetryKey, Encoding.UTF8.GetBytes(subscriber.SubscriberId))[0] % 32;
        activity?.SetTag("vod.subscriber.shard", shard); // clean hashes
        using (logger.BeginScope(new Dictionary<string, object> { ["SubscriberPseudonym"] = _subscriber.Value, ["TitleId"] = start.TitleId })) // clean precision-pseudonym
        {
            logger.LogInformation("Playback started on {DeviceClass}", deviceClass); // clean logging-objects
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Device"] = start.DeviceId, ["Subscriber"] = start.SubscriberId })) // leak TC1001 logging-objects
        {
            logger.LogDebug("Rendition {Rendition} chosen", start.Rendition); // clean logging-objects
        }

        return Task.CompletedTask;
    }

    public void Deny(PlaybackStart start)
    {
        try
        {
            throw new EntitlementException(start.SubscriberId, start.TitleId);
        }
        catch (EntitlementException ex)
        {
            logger.LogWarning(ex, "Playback denied for title {TitleId}", ex.TitleId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, nameof(EntitlementException)); // clean exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        }
    }

    public void Generated(PlaybackStart start, string playbackId)
    {
        using var span = Source.StartVodPlayback(subscriber.Pseudonym); // clean generated-api
        span.SetVodPlaybackId(playbackId); // clean generated-api
        span.SetVodNote(start.Rendition); // clean generated-api
        using var resumed = Source.StartVodPlayback(Pseudonym.FromComputed(start.SubscriberId)); // leak TC1001 generated-api
    }
}

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Media;

public sealed record Subscriber(string SubscriberId, string Email, string Plan, string Country);

public sealed record ViewingProfile(string ProfileId, string ProfileName, bool IsKids);

public static class PlaybackTelemetry
{
    public static readonly ActivitySource Source = new("Media.Playback");

    private static readonly ConcurrentDictionary<Meter, Counter<long>> StartsBySubscriber = new();

    /// <summary>Starts the playback span of the generated conventions for a subscriber; the subscriber is pseudonymised here.</summary>
    public static MediaPlaybackSpan StartPlaybackFor(this ActivitySource source, string titleId, Subscriber subscriber, Pseudonymizer pseudonymizer) =>
        source.StartMediaPlayback(titleId).SetMediaSubscriberId(pseudonymizer.PseudonymizeMediaSubscriberId(subscriber.SubscriberId)); // clean precision-pseudonym

    public static Activity? WithSubscriber(this Activity? activity, Pseudonym subscriber) =>
        activity?.SetTag(MediaAttributes.SubscriberId, subscriber.Value); // clean precision-pseudonym

    public static Activity? WithPlan(this Activity? activity, Subscriber subscriber) =>
        activity?.SetTag("media.plan", subscriber.Plan).SetTag("media.country", subscriber.Country); // clean precision-about

    /// <summary>Counts a start per title and subscriber, for the "continue watching" capacity model.</summary>
    public static void CountStart(this Meter meter, string titleId, string subscriberId) =>
        StartsBySubscriber.GetOrAdd(meter, static m => m.CreateCounter<long>("media.starts.by_subscriber")).Add(1, new("media.title.id", titleId), new("media.subscriber", subscriberId)); // leak TC1003 direct

    public static void LogPlaybackStarted(this ILogger logger, string titleId, int bitrate, string cdnPop) =>
        logger.LogInformation("Playback of {TitleId} at {Bitrate} kbit/s from {CdnPop}", titleId, bitrate, cdnPop); // clean direct
}

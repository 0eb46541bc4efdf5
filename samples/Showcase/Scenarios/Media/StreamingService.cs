using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Media;

/// <summary>
/// 8.1 Streaming service: viewers' playbacks with bitrate, resolution and buffering; a stalling
/// stream raises a buffering event and one playback fails its DRM licence request.
/// </summary>
/// <remarks>
/// The seed's <c>video.startup_time_ms</c> and <c>video.playback_duration_ms</c> attributes are the
/// <c>video.playback.startup.duration</c> and <c>video.playback.duration</c> histograms, in seconds.
/// <c>user.id</c> is the upstream attribute, marked <c>pseudonymize</c> on this span's reference, so the
/// generated span takes a <see cref="Pseudonym"/>.
/// </remarks>
public sealed class StreamingService : IScenario
{
    /// <summary>The share of time spent buffering above which a playback is reported.</summary>
    private const double BufferRatioThreshold = 0.05;

    private static readonly (string VideoId, VideoResolution Resolution, long Bitrate, bool Stalls, bool DrmFails)[] Playbacks =
    [
        ("tt0111161-s01e03", VideoResolution.FullHd1080, 4500, false, false),
        ("tt0903747-s02e07", VideoResolution.Hd720, 2500, true, false),
        ("tt2861424-s04e01", VideoResolution.Uhd2160, 15000, false, true),
    ];

    /// <inheritdoc/>
    public string Id => "8.1";

    /// <inheritdoc/>
    public string Name => "streaming-service";

    /// <inheritdoc/>
    public string Industry => "media";

    /// <inheritdoc/>
    public string Summary => "Playbacks with bitrate, resolution and buffer ratio under a pseudonymised user id; startup and playback histograms; buffering and a DRM failure.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var playback in Playbacks)
        {
            Play(ctx, playback);
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(1, 20)));
        }
    }

    private static void Play(ScenarioContext ctx, (string VideoId, VideoResolution Resolution, long Bitrate, bool Stalls, bool DrmFails) playback)
    {
        var user = ctx.Pseudonymize(UserAttributes.Id, $"u-{ctx.Random.Next():x8}-{ctx.Random.Next(100, 999)}");
        using var span = ctx.Source.StartVideoPlayback(user, playback.VideoId, startTime: ctx.Clock.Now)
            .SetVideoResolution(playback.Resolution)
            .SetVideoBitrate(playback.Bitrate);
        using var ends = ctx.Clock.EndsSpan(span.Activity);
        var started = ctx.Clock.Now;

        try
        {
            AcquireLicence(ctx, playback.DrmFails);
        }
        catch (DrmLicenceException ex)
        {
            span.RecordException(ex, "DRM licence request refused");
            ctx.Meter.CreateVideoPlaybackDurationHistogram().RecordFailure((ctx.Clock.Now - started).TotalSeconds, ex, playback.Resolution);
            return;
        }

        var startup = ScenarioContext.Round(ctx.Between(0.6, 2.4), 2);
        ctx.Clock.AdvanceSeconds(startup);
        ctx.Meter.CreateVideoPlaybackStartupDurationHistogram().Record(startup, playback.Resolution);

        var watched = TimeSpan.FromMinutes(ctx.Between(8, 48));
        var bufferRatio = Math.Round(playback.Stalls ? ctx.Between(0.06, 0.12) : ctx.Between(0, 0.015), 3);
        ctx.Clock.Advance(watched * (1 + bufferRatio));
        span.SetVideoBufferRatio(bufferRatio);
        if (bufferRatio > BufferRatioThreshold)
        {
            // An alert is a warning log record with the event's name, under this span's trace; it does
            // not depend on the trace being sampled.
            ctx.Logger.LogVideoBufferingEvent(bufferRatio, BufferRatioThreshold);
        }
        ctx.Meter.CreateVideoPlaybackDurationHistogram().Record((ctx.Clock.Now - started).TotalSeconds, playback.Resolution);
    }

    private static void AcquireLicence(ScenarioContext ctx, bool fails)
    {
        ctx.Clock.AdvanceSeconds(ctx.Between(0.1, 0.4));
        if (fails)
        {
            throw new DrmLicenceException("Licence server: HDCP 2.2 required for 2160p output.");
        }
    }
}

/// <summary>The DRM licence server refused a licence.</summary>
public sealed class DrmLicenceException(string message) : Exception(message);

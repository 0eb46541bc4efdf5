using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Media;

public sealed record StartPlaybackRequest(string SubscriberId, string ProfileName, string TitleId, string UserAgent, string PreferredQuality);

public sealed record PlaybackSession(Guid SessionId, string SubscriberId, string TitleId, string CdnPop);

[ApiController]
[Route("api/playback")]
public sealed class PlaybackSessionController(Pseudonymizer pseudonymizer, ILogger<PlaybackSessionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Stream.Playback");
    private static readonly Meter Meter = new("Stream.Playback");
    private static readonly StreamPlaybacksCounter Playbacks = Meter.CreateStreamPlaybacksCounter();
    private static readonly Counter<long> Starts = Meter.CreateCounter<long>("stream.playback.starts");
    private static readonly Histogram<double> StartupTime = Meter.CreateHistogram<double>("stream.playback.startup", "s");

    private readonly Dictionary<string, string> _popBySubscriber = new(StringComparer.Ordinal);

    [HttpPost("start")]
    public ActionResult Start([FromBody] StartPlaybackRequest request)
    {
        var subscriber = pseudonymizer.Pseudonymize(StreamAttributes.SubscriberId, request.SubscriberId);
        var pop = _popBySubscriber.TryGetValue(request.SubscriberId, out var known) ? known : "fra-2";
        using var span = Source.StartStreamPlayback(subscriber, spanName: "playback " + request.TitleId); // clean generated-api
        span.SetStreamCdnPop(pop); // clean precision-about
        span.SetStreamPlaybackQuality(request.PreferredQuality == "4k" ? StreamPlaybackQuality.Uhd : StreamPlaybackQualityValue.Custom(request.PreferredQuality)); // clean generated-api
        span.SetStreamErrorDetail("profile " + request.ProfileName); // leak TC1001 generated-api
        span.Activity?.SetTag("user_agent.original", request.UserAgent); // clean precision-names
        span.Activity?.SetTag("stream.title.id", request.TitleId); // clean precision-names
        span.Activity?.SetTag("stream.profile.name", request.ProfileName); // leak TC1001 precision-names

        var session = new PlaybackSession(Guid.NewGuid(), request.SubscriberId, request.TitleId, pop);
        logger.LogInformation("Playback started {@Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Playback {SessionId} started for title {TitleId} at {CdnPop}", session.SessionId, session.TitleId, session.CdnPop); // clean logging-objects
        Starts.Add(1, new KeyValuePair<string, object?>("stream.cdn_pop", pop), new KeyValuePair<string, object?>("stream.title.id", request.TitleId)); // clean direct
        Starts.Add(1, new KeyValuePair<string, object?>("subscriber_id", subscriber.Value)); // leak TC1003 direct
        Playbacks.Add(1, streamCdnPop: pop, streamPlaybackQuality: StreamPlaybackQuality.Hd); // clean generated-api
        return Ok(session.SessionId);
    }

    [HttpPost("{sessionId}/stall")]
    public ActionResult Stall(Guid sessionId, string subscriberId, double bufferSeconds)
    {
        var detail = new StringBuilder().Append("stall on ").Append(sessionId).Append(" for ").Append(bufferSeconds.ToString("F1", CultureInfo.InvariantCulture)).ToString();
        Activity.Current?.AddStreamPlaybackStalledEvent(detail); // clean strings
        var who = new StringBuilder("stall for subscriber ").Append(subscriberId).ToString();
        Activity.Current?.AddStreamPlaybackStalledEvent(who); // leak TC1001 strings
        StartupTime.Record(bufferSeconds, new TagList { { "stream.stall", true } }); // clean direct
        return Ok();
    }
}

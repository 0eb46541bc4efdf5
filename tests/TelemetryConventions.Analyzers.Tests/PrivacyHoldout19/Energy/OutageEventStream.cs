using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;

namespace PrivacyHoldout19.Energy;

/// <summary><c>GET /outages/stream?postcode=…</c>: server-sent events about outages near a postcode.</summary>
public static class OutageEventStream
{
    private static readonly Counter<long> StreamsOpened = EnergyTelemetry.Meter.CreateCounter<long>("outage.streams.opened");

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/outages/stream", (Delegate)Open);

    public static IResult Open(
        [FromQuery] string postcode,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        IOutageFeed feed,
        ILogger<OutageFeedLog> logger,
        HttpContext http)
    {
        var normalised = postcode.Trim().ToUpperInvariant();
        var district = normalised.Split(' ', 2)[0];
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Postcode"] = normalised, ["District"] = district }); // leak TC1001 logging-objects
        logger.LogInformation("Outage stream opened for {Postcode}", normalised); // leak TC1001 direct
        Activity.Current?.SetTag("outage.district", district); // clean precision-about
        StreamsOpened.Add(1, new KeyValuePair<string, object?>("outage.postcode", normalised)); // leak TC1003 direct
        StreamsOpened.Add(1, new KeyValuePair<string, object?>("outage.district", district)); // clean precision-about
        if (lastEventId is not null)
        {
            logger.LogDebug("Resuming outage stream after event {LastEventId}", lastEventId); // clean precision-names
        }

        return TypedResults.ServerSentEvents(StreamAsync(feed, district, lastEventId, logger, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<OutageUpdate>> StreamAsync(IOutageFeed feed, string district, string? lastEventId, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = 0;
        var started = Stopwatch.GetTimestamp();
        await foreach (var update in feed.UpdatesAsync(district, lastEventId, cancellationToken))
        {
            sent++;
            EnergyTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, "outages", $"district-{district}"); // clean generated-api
            yield return new SseItem<OutageUpdate>(update, "outage") { EventId = update.Id, ReconnectionInterval = TimeSpan.FromSeconds(30) };
        }

        logger.LogInformation("Outage stream for {District} ended after {Sent} events in {Elapsed}", district, sent, Stopwatch.GetElapsedTime(started)); // clean precision-about
    }
}

/// <summary>Category of the outage stream's log.</summary>
public sealed class OutageFeedLog;

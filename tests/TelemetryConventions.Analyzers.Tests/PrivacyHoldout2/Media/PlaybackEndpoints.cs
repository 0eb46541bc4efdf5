using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Media;

public sealed record StartPlaybackRequest(string TitleId, string DeviceId, string Quality);

public sealed record Subscriber(string SubscriberId, string Email, string? Phone, string Plan, string Country);

public interface ISubscriberStore
{
    Subscriber? Find(string subscriberId);
}

public static class PlaybackEndpoints
{
    private static readonly ActivitySource Source = new("Vod.Playback");

    public static EndpointRoutes MapPlayback(this EndpointRoutes routes, Meter meter)
    {
        var starts = meter.CreateCounter<long>("vod.playback.starts");

        routes.MapPost("/playback/start", (StartPlaybackRequest request, ClaimsPrincipal user, ISubscriberStore store, Pseudonymizer pseudonymizer, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("Vod.Playback");
            var subscriberId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (subscriberId is null)
            {
                return Results.BadRequest("not signed in");
            }

            var subscriber = store.Find(subscriberId);
            using var span = Source.StartVodPlayback(pseudonymizer.PseudonymizeVodSubscriberId(subscriberId)); // clean generated-api
            span.SetVodPlaybackId(Guid.NewGuid().ToString("N")); // clean generated-api
            Activity.Current?.SetTag("vod.title.id", request.TitleId); // clean precision-names
            Activity.Current?.SetTag("enduser.id", subscriberId); // leak TC1001 direct
            Activity.Current?.SetTag("vod.subscriber.plan", subscriber?.Plan); // clean precision-about

            starts.Add(1, new KeyValuePair<string, object?>("quality", request.Quality), new KeyValuePair<string, object?>("country", subscriber?.Country)); // clean precision-about
            starts.Add(1, Tag("subscriber", subscriberId)); // leak TC1003 direct

            string Describe() => $"{subscriber?.Email} on {request.DeviceId}";
            logger.LogInformation("Playback started: {Description}", Describe()); // leak TC1001 strings
            logger.LogInformation("Playback of {TitleId} started at {Quality} on a {Plan} plan", request.TitleId, request.Quality, subscriber?.Plan); // clean precision-about

            return Results.Ok();
        });

        routes.MapPost("/playback/stall", (string playbackId, int segment, ClaimsPrincipal user, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("Vod.Playback");
            var phone = user.FindFirstValue(ClaimTypes.MobilePhone);
            using (logger.BeginScope(("PlaybackId", playbackId)))
            {
                logger.LogWarning("Stall at segment {Segment}", segment); // clean precision-names
            }
            using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("PlaybackId", playbackId), new KeyValuePair<string, object?>("Phone", phone) })) // leak TC1001 logging-objects
            {
                logger.LogWarning("Stall at segment {Segment}, notifying by SMS", segment);
            }
            new VodPlaybackSpan(Activity.Current).AddVodPlaybackStalledEvent($"segment {segment}"); // clean generated-api
            new VodPlaybackSpan(Activity.Current).AddVodPlaybackStalledEvent(string.Concat("sms to ", phone, " after segment ", segment.ToString())); // leak TC1001 strings
            return Results.Ok();
        });

        return routes;
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}

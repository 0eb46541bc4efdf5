using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Media;

public sealed record StartPlaybackRequest(string TitleId, string DeviceKind, string DeviceSerial, int MaxBitrateKbps);

public sealed record PlaybackGrant(string PlaybackSessionId, string ManifestUrl, int BitrateKbps);

public sealed record Entitlement(string SubscriberId, string Plan, int MaxStreams, int ActiveStreams);

public interface IEntitlements
{
    Task<Entitlement?> ForAsync(string subscriberId, CancellationToken cancellationToken);
}

public interface ILicenseServer
{
    Task<PlaybackGrant> GrantAsync(string subscriberId, StartPlaybackRequest request, CancellationToken cancellationToken);
}

public static class PlaybackEndpoints
{
    public static EndpointRoutes MapPlayback(this EndpointRoutes routes) =>
        routes.MapPost("/playback", StartAsync);

    private static async Task<ActionResult> StartAsync(
        StartPlaybackRequest request,
        ClaimsPrincipal user,
        HttpContextInfo http,
        IEntitlements entitlements,
        ILicenseServer licenses,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<PlaybackGrant> logger,
        CancellationToken cancellationToken)
    {
        var subscriberId = user.FindFirstValue("sub")!;
        var email = user.FindFirstValue(ClaimTypes.Email);
        var subscriber = pseudonymizer.PseudonymizeStreamSubscriberId(subscriberId);
        var span = Activity.Current.EnrichStreamPlayback(subscriber) // clean generated-api
            .SetStreamTitleId(request.TitleId); // clean generated-api

        Activity.Current?.SetTag("http.request.id", http.TraceIdentifier); // clean precision-names
        Activity.Current?.SetTag("stream.device.kind", request.DeviceKind);
        Activity.Current?.SetTag("stream.device.serial", request.DeviceSerial); // leak TC1001 direct
        Activity.Current?.SetTag("user_agent.original", http.RequestHeaders.TryGetValue("User-Agent", out var userAgent) ? userAgent : null); // clean precision-names
        Activity.Current?.SetTag("stream.subscriber.email_verified", email?.Contains('@') ?? false); // clean precision-about

        var entitlement = await entitlements.ForAsync(subscriberId, cancellationToken);
        if (entitlement is null)
        {
            logger.LogWarning("No entitlement for {Email}", email ?? subscriberId); // leak TC1001 direct
            return Results.NotFound();
        }

        Activity.Current?.SetTag("stream.plan", entitlement.Plan);
        if (entitlement.ActiveStreams >= entitlement.MaxStreams)
        {
            span.SetStreamPlaybackNote($"stream limit {entitlement.MaxStreams} reached on {entitlement.Plan}"); // clean generated-api
            logger.LogInformation("Stream limit reached: {@Entitlement}", entitlement); // leak TC1001 logging-objects
            logger.LogInformation("Stream limit reached: {@Limits}", new { entitlement.Plan, entitlement.MaxStreams, entitlement.ActiveStreams }); // clean logging-objects
            return Results.BadRequest("too many streams");
        }

        var grant = await licenses.GrantAsync(subscriberId, request, cancellationToken);
        span.SetStreamBitrateKbps(grant.BitrateKbps);
        Activity.Current?.SetTag("stream.playback.session_id", grant.PlaybackSessionId); // clean precision-names
        meter.CreateStreamPlaybackStartsCounter().Add(1, streamTitleId: request.TitleId); // clean generated-api
        return Results.Ok(grant);
    }
}

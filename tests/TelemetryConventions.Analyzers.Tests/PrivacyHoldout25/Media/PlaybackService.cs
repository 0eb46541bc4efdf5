using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Media;

public interface IEntitlements
{
    Task<bool> IsEntitledAsync(string subscriberId, string profileId, string titleId, CancellationToken cancellationToken);
}

public interface IDrmGateway
{
    Task<PlaybackGrant> GrantAsync(string subscriberId, string titleId, string deviceId, CancellationToken cancellationToken);
}

public interface IWatchHistory
{
    IAsyncEnumerable<ContinueWatchingItem> ForProfileAsync(string profileId, int limit, CancellationToken cancellationToken);
}

/// <summary>The streaming service's playback API, called by subscribers' TVs, phones and set-top boxes.</summary>
public sealed class PlaybackService(
    IEntitlements entitlements,
    IDrmGateway drm,
    IWatchHistory history,
    ILogger<PlaybackService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : Playback.PlaybackBase
{
    private static readonly ActivitySource Source = new("Media.Playback");

    private readonly Histogram<int> _bitrate = meter.CreateHistogram<int>("media.playback.bitrate", "kbit/s");
    private readonly Counter<double> _watchTime = meter.CreateCounter<double>("media.playback.watch_time", "s");

    public override async Task<PlaybackGrant> StartPlayback(StartPlaybackRequest request, ServerCallContext context)
    {
        var entitlement = context.RequestHeaders.GetValue("x-entitlement-token");
        if (entitlement is null)
        {
            logger.LogGrpcCallRejectedEvent(context.Method, nameof(StatusCode.Unauthenticated), "no entitlement token"); // clean generated-api
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Entitlement token missing."));
        }

        logger.LogDebug("Entitlement token {EntitlementToken}", entitlement); // leak TC1001 direct
        Activity.Current?.SetTag("media.entitlement.length", entitlement.Length); // clean precision-about

        var boxIdentity = context.AuthContext.PeerIdentity.FirstOrDefault()?.Value;
        Activity.Current?.SetTag("media.client.identity_property", context.AuthContext.PeerIdentityPropertyName); // clean precision-names
        Activity.Current?.SetTag("media.client.certificate_cn", boxIdentity); // leak TC1001 direct

        if (!await entitlements.IsEntitledAsync(request.SubscriberId, request.ProfileId, request.TitleId, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Profile {request.ProfileId} is not entitled to {request.TitleId}")); // leak TC1001 exceptions
        }

        var grant = await drm.GrantAsync(request.SubscriberId, request.TitleId, request.DeviceId, context.CancellationToken);
        context.ResponseTrailers.Add("x-playback-session", grant.SessionId);
        logger.LogInformation("Playback {SessionId} of {TitleId} on a {DeviceClass}", grant.SessionId, request.TitleId, DeviceClass(request.DeviceId)); // clean precision-about
        Activity.Current?.SetTag("media.manifest.url", grant.ManifestUrl); // leak TC1001 direct
        Activity.Current?.SetTag("media.manifest.host", new Uri(grant.ManifestUrl).Host); // clean precision-about
        logger.LogTrace("Grant issued: {Grant}", grant); // leak TC1001 logging-objects
        return grant;
    }

    public override async Task<HeartbeatSummary> Heartbeats(IAsyncStreamReader<PlaybackHeartbeat> requestStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("heartbeats");
        var received = 0;
        PlaybackHeartbeat? last = null;
        await foreach (var heartbeat in requestStream.ReadAllAsync(context.CancellationToken))
        {
            received++;
            last = heartbeat;
            _bitrate.Record(heartbeat.BitrateKbps, new TagList { { "media.cdn.pop", heartbeat.CdnPop }, { "media.title", heartbeat.TitleId } }); // clean direct
            if (heartbeat.BitrateKbps < 500)
            {
                session.AddGrpcStreamMessageDroppedEvent("heartbeats", $"bitrate {heartbeat.BitrateKbps} on device {heartbeat.DeviceId}"); // leak TC1001 generated-api
            }
        }

        session.SetGrpcStreamMessages(received);
        if (last?.Position is { } position)
        {
            Activity.Current?.SetTag("media.subscriber.sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(last.SubscriberId)))); // leak TC1002 hashes
            session.SetGrpcStreamParticipantId(pseudonymizer.PseudonymizeGrpcStreamParticipantId(last.SubscriberId)); // clean precision-pseudonym
            _watchTime.Add(position.ToTimeSpan().TotalSeconds, new TagList { { "media.profile", last.ProfileId } }); // leak TC1003 direct
        }

        return new HeartbeatSummary { Received = received };
    }

    public override async Task ContinueWatching(ContinueWatchingRequest request, IServerStreamWriter<ContinueWatchingItem> responseStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("continue-watching");
        session.SetGrpcStreamChannel($"profiles/{request.ProfileId}/continue"); // leak TC1001 strings
        var remaining = context.Deadline == DateTime.MaxValue ? TimeSpan.MaxValue : context.Deadline - DateTime.UtcNow;
        Activity.Current?.SetTag("media.deadline_ms", remaining == TimeSpan.MaxValue ? -1 : (long)remaining.TotalMilliseconds); // clean precision-about
        var sent = 0;
        string? firstTitle = null;
        await foreach (var item in history.ForProfileAsync(request.ProfileId, request.Limit, context.CancellationToken))
        {
            firstTitle ??= item.TitleId;
            await responseStream.WriteAsync(item);
            sent++;
        }

        logger.LogInformation("Continue watching for {ProfileId}: {Count} items", request.ProfileId, sent); // leak TC1001 direct
        logger.LogDebug("Continue watching starts with {TitleId}, {Count} items", firstTitle, sent); // clean direct
    }

    private static string DeviceClass(string deviceId) => deviceId.Split('-')[0] switch
    {
        "tv" => "tv",
        "stb" => "set-top box",
        "ios" or "android" => "phone",
        _ => "other",
    };
}

using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Media;

public sealed record Viewer(string SubscriberId, string ProfileId, string ProfileName, string EntitlementToken);

/// <summary>The web player's backend: starts playback for the signed-in viewer through <see cref="PlaybackService"/>.</summary>
public sealed class PlaybackBff(Playback.PlaybackClient client, ILogger<PlaybackBff> logger, Pseudonymizer pseudonymizer)
{
    public async Task<PlaybackGrant?> StartAsync(Viewer viewer, string titleId, CancellationToken cancellationToken)
    {
        logger.LogDebug("Starting {TitleId} for {Viewer}", titleId, viewer); // leak TC1001 logging-objects
        var headers = new Metadata { { "x-entitlement-token", viewer.EntitlementToken } };
        var deadline = DateTime.UtcNow.AddSeconds(2);
        using var call = client.StartPlaybackAsync(
            new StartPlaybackRequest { SubscriberId = viewer.SubscriberId, ProfileId = viewer.ProfileId, TitleId = titleId, DeviceId = "web-" + viewer.SubscriberId },
            headers,
            deadline,
            cancellationToken);
        try
        {
            var grant = await call.ResponseAsync;
            logger.LogInformation("Playback session {SessionId} for {TitleId}", call.GetTrailers().GetValue("x-playback-session"), titleId); // clean direct
            return grant;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
        {
            Activity.Current.EnrichGrpcCallHandle("/media.Playback/StartPlayback").SetGrpcCallSubjectId(pseudonymizer.PseudonymizeGrpcCallSubjectId(viewer.ProfileId)); // clean precision-pseudonym
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Status.Detail); // leak TC1001 exceptions
            logger.LogWarning("{ProfileName} may not play {TitleId}", viewer.ProfileName, titleId); // leak TC1001 direct
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            logger.LogWarning("StartPlayback missed its {DeadlineMs} ms deadline: {Detail}", 2000, ex.Status.Detail); // clean exceptions
            return null;
        }
    }
}

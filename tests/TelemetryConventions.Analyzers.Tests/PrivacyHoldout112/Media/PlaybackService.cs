using Play.V1;

namespace PrivacyHoldout112.Media;

public interface IEntitlements
{
    Task<bool> ProfileMayWatchAsync(string subscriberId, string profileId, string titleId, CancellationToken cancellationToken);

    Task<PlaybackGrant> GrantAsync(StartPlaybackRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// play.v1.Playback: starts playback for a viewing profile on the subscriber's device (a signed manifest URL),
/// and takes the player's watch-progress stream.
/// </summary>
public sealed class PlaybackService(
    IEntitlements entitlements,
    Pseudonymizer pseudonymizer,
    ILogger<PlaybackService> logger) : Playback.PlaybackBase
{
    private static readonly ActivitySource Source = new("Streaming.Playback");
    private static readonly Meter Meter = new("Streaming.Playback");
    private static readonly Counter<long> Starts = Meter.CreateCounter<long>("play.starts");

    public override async Task<PlaybackGrant> StartPlayback(StartPlaybackRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPlayrpcCall(context.Method)
            .SetPlayrpcSubscriberId(pseudonymizer.PseudonymizePlayrpcSubscriberId(request.SubscriberId)) // clean precision-pseudonym
            .SetPlayrpcDeadlineRemaining((long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds); // clean precision-about
        Activity.Current?.SetTag("play.title.id", request.TitleId); // clean precision-names
        Activity.Current?.SetTag("play.device.class", request.DeviceId.Length >= 4 ? request.DeviceId[..4] : request.DeviceId); // clean precision-about
        Activity.Current?.SetTag("play.device.id", request.DeviceId); // leak TC1001 direct

        if (!await entitlements.ProfileMayWatchAsync(request.SubscriberId, request.ProfileId, request.TitleId, context.CancellationToken))
        {
            logger.LogInformation($"Denied profile {request.ProfileId} on {request.TitleId}"); // leak TC1001 strings
            span.SetPlayrpcOutcome("denied").SetPlayrpcRpcStatus(nameof(StatusCode.PermissionDenied)); // clean precision-names
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Profile {request.ProfileId} may not watch {request.TitleId}")); // leak TC1001 exceptions
        }

        var grant = await entitlements.GrantAsync(request, context.CancellationToken);
        Activity.Current?.SetTag("play.rendition", grant.Rendition); // clean precision-names
        Activity.Current?.SetTag("play.session.id", grant.SessionId); // clean precision-names
        Activity.Current?.SetTag("play.manifest.host", new Uri(grant.ManifestUrl).Host); // clean precision-about
        logger.LogDebug("Manifest {Url}", grant.ManifestUrl); // leak TC1001 direct
        logger.LogInformation("Playback granted {Grant}", grant); // leak TC1001 logging-objects
        Starts.Add(1, new KeyValuePair<string, object?>("rendition", grant.Rendition), new KeyValuePair<string, object?>("title", request.TitleId)); // clean precision-names
        Starts.Add(1, new KeyValuePair<string, object?>("profile", request.ProfileId)); // leak TC1003 direct
        Meter.CreatePlayrpcCallDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, context.Method, "grpc"); // clean precision-about
        return grant;
    }

    public override async Task<ProgressAck> ReportProgress(IAsyncStreamReader<ProgressUpdate> requestStream, ServerCallContext context)
    {
        using var span = Source.StartPlayrpcCall(context.Method);
        var ack = new ProgressAck();
        ProgressUpdate? last = null;
        try
        {
            await foreach (var update in requestStream.ReadAllAsync(context.CancellationToken))
            {
                last = update;
                ack.Stored++;
            }
        }
        catch (System.IO.IOException ex)
        {
            logger.LogInformation(ex, "Progress stream broke after {Stored} updates", ack.Stored); // clean exceptions
        }

        span.SetPlayrpcStreamMessages(ack.Stored); // clean precision-about
        if (last is not null)
        {
            span.AddPlayrpcStreamClosedEvent(ack.Stored, $"session {last.SessionId} at {last.PositionSeconds}s of {last.TitleId}"); // clean generated-api
            span.SetPlayrpcNote($"profile {last.ProfileId} stopped at {last.PositionSeconds}s"); // leak TC1001 generated-api
            logger.LogDebug("Last progress {Update}", last); // leak TC1001 logging-objects
        }

        return ack;
    }
}

using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PrivacyHoldout27.Telemetry;

namespace PrivacyHoldout27.Media;

public sealed record PlayRequest(string TitleId, string DeviceClass, int MaxBitrate);

public interface IEntitlements
{
    Task<bool> IsEntitledAsync(Guid subscriberId, string profileId, string titleId, CancellationToken cancellationToken);
}

public interface ILicenceServer
{
    Task<string> IssueAsync(string titleId, string profileId, CancellationToken cancellationToken);
}

/// <summary>
/// Times a stage of starting playback and puts the duration and the subscriber on the span when
/// disposed.
/// </summary>
public sealed class SubscriberStageTimer(string stage, string subscriberId) : IDisposable
{
    private readonly Activity? _activity = Activity.Current;
    private readonly long _started = Stopwatch.GetTimestamp();

    public void Dispose()
    {
        _activity?.SetTag($"playback.{stage}.ms", Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        _activity?.SetTag("playback.subscriber_id", subscriberId); // leak TC1001 direct
    }
}

public sealed class PlaybackHandler(BrandContext brand, ViewerContext viewer, IEntitlements entitlements, ILicenceServer licences, Meter meter)
{
    public async Task<PlaybackSession?> StartAsync(PlayRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        if (activity is not null)
        {
            activity.DisplayName = $"play {request.TitleId}"; // clean strings
        }

        activity?.SetTag("playback.subscriber_hash", Convert.ToHexString(SHA256.HashData(viewer.SubscriberId.ToByteArray()))); // leak TC1002 hashes

        using (new SubscriberStageTimer("entitlement", viewer.SubscriberId.ToString())) // leak TC1001 cross-member
        {
            if (!await entitlements.IsEntitledAsync(viewer.SubscriberId, viewer.ProfileId, request.TitleId, cancellationToken))
            {
                PlaybackEventSource.Log.EntitlementDenied(brand.Brand, request.TitleId, viewer.SubscriberId.ToString()); // leak TC1001 cross-member
                return null;
            }
        }

        var started = Stopwatch.GetTimestamp();
        string keyId;
        try
        {
            keyId = await licences.IssueAsync(request.TitleId, viewer.ProfileId, cancellationToken);
        }
        catch (ProfileLockedException ex)
        {
            Trace.TraceWarning(ex.Message); // leak TC1001 exceptions
            return null;
        }
        catch (LicenceServerException ex)
        {
            activity?.AddException(ex); // clean exceptions
            throw;
        }

        meter.CreateTenancyWorkDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, brand.Brand, "licence", tenancyOutcome: "issued"); // clean generated-api
        PlaybackEventSource.Log.LicenceIssued(brand.Brand, request.TitleId, keyId);
        Trace.WriteLine($"licence issued: profile={viewer.ProfileName} title={request.TitleId}"); // leak TC1001 strings
        Trace.WriteLine($"licence issued for {request.TitleId} on the {brand.Plan} plan", "drm"); // clean strings

        var session = new PlaybackSession(Guid.NewGuid(), brand.Brand, request.TitleId, viewer.ProfileId, request.MaxBitrate, "edge-lhr", request.DeviceClass);
        PlaybackEventSource.Log.SessionStarted(session); // leak TC1001 cross-member
        return session;
    }

    public void ReportStall(PlaybackSession session, TimeSpan stall) =>
        PlaybackEventSource.Log.Rebuffered(session, stall); // clean cross-member
}

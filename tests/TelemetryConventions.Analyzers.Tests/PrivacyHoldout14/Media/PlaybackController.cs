using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Media;

public sealed record PlaybackRequest(string TitleId, string ProfileId, string DeviceSerial, string DeviceModel, int MaxBitrate);

public sealed record PlaybackGrant(string ManifestUrl, string CdnPop, int Bitrate);

public interface ISubscriberStore
{
    ValueTask<Subscriber?> FindAsync(string subscriberId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<ViewingProfile>> ProfilesAsync(string subscriberId, CancellationToken cancellationToken);
}

public interface IEntitlements
{
    ValueTask<PlaybackGrant?> GrantAsync(Subscriber subscriber, PlaybackRequest request, CancellationToken cancellationToken);
}

[ApiController]
[Route("playback")]
public sealed class PlaybackController(
    ISubscriberStore subscribers,
    IEntitlements entitlements,
    ILogger<PlaybackController> logger,
    Meter meter,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    [HttpPost("start")]
    public async Task<ActionResult> StartAsync([FromBody] PlaybackRequest request, CancellationToken cancellationToken)
    {
        var subjectId = HttpContext.User.SubjectId;
        var activity = Activity.Current;
        if (subjectId is null || await subscribers.FindAsync(subjectId, cancellationToken) is not { } subscriber)
        {
            activity?.SetTag("enduser.id", subjectId); // leak TC1001 direct
            return NotFound();
        }

        var playback = activity.EnrichMediaPlayback(request.TitleId).SetMediaSubscriberId(pseudonymizer.PseudonymizeMediaSubscriberId(subscriber.SubscriberId)); // clean precision-pseudonym
        activity.WithPlan(subscriber); // clean cross-member
        activity?.SetTag("media.device.model", request.DeviceModel); // clean direct
        activity?.SetTag("media.device.serial", request.DeviceSerial); // leak TC1001 direct
        activity?.SetTag("user_agent.original", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var agent) ? agent : null); // clean precision-names

        using var scope = logger.BeginScope("Subscriber {SubscriberId}", subscriber.SubscriberId); // leak TC1001 direct
        var profiles = await subscribers.ProfilesAsync(subscriber.SubscriberId, cancellationToken);
        var profile = profiles.FirstOrDefault(p => p.ProfileId == request.ProfileId);
        if (profile is null)
        {
            logger.LogWarning("Requested profile not found among {ProfileCount} profiles", profiles.Count); // clean precision-about
            return BadRequest("Unknown profile.");
        }

        if (profile.IsKids)
        {
            activity?.SetTag(MediaAttributes.SubscriberEmail, subscriber.Email); // leak TC1001 generated-api
            logger.LogInformation("Kids profile {ProfileName} started {TitleId}", profile.ProfileName, request.TitleId); // leak TC1001 direct
        }

        if (await entitlements.GrantAsync(subscriber, request, cancellationToken) is not { } grant)
        {
            if (subscriber.Plan == "suspended")
            {
                playback.SetMediaNote($"suspended account {subscriber.Email}"); // leak TC1001 generated-api
            }
            else
            {
                playback.SetMediaNote($"not entitled on plan {subscriber.Plan}"); // clean generated-api
            }

            return NotFound("Not entitled.");
        }

        playback.SetMediaBitrate(grant.Bitrate);
        logger.LogPlaybackStarted(request.TitleId, grant.Bitrate, grant.CdnPop); // clean cross-member
        meter.CreateMediaStartsCounter().Add(1, mediaTitleId: request.TitleId); // clean generated-api
        meter.CountStart(request.TitleId, subscriber.SubscriberId); // leak TC1003 cross-member
        return Ok(grant);
    }
}

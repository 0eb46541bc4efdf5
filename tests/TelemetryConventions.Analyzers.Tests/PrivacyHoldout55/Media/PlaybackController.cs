using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Media;

public interface IEntitlements
{
    Task<PlaybackGrant> GrantAsync(ViewerSession session, string titleId);
}

public sealed class EntitlementMissingException(string subscriberEmail, string titleId, StreamDenialReason reason)
    : Exception($"{subscriberEmail} is not entitled to {titleId} ({reason})")
{
    public string TitleId { get; } = titleId;

    public StreamDenialReason Reason { get; } = reason;
}

public sealed record Heartbeat(string TitleId, int PositionSeconds, int BitrateKbps, int DroppedFrames);

[ApiController]
[Route("playback")]
public sealed class PlaybackController(IPlaybackTelemetry telemetry, IEntitlements entitlements, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<PlaybackController> logger) : ControllerBase
{
    public ViewerSession Session { get; init; } = null!;

    [HttpPost("{titleId}/start")]
    public async Task<ActionResult> Start(string titleId)
    {
        var span = telemetry.Starting(Session, titleId); // leak TC1001 cross-member
        try
        {
            var grant = await entitlements.GrantAsync(Session, titleId);
            span.Activity?.SetTag("stream.max_bitrate_kbps", grant.MaxBitrateKbps); // clean direct
            return Ok(grant);
        }
        catch (EntitlementMissingException ex)
        {
            telemetry.Denied(Session, ex.TitleId, ex.Reason); // leak TC1001 cross-member
            span.SetStreamDenialReason(ex.Reason) // clean generated-api
                .RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Denied {TitleId}: {Reason}", ex.TitleId, ex.Reason); // clean exceptions
            logger.LogInformation($"Entitlement check failed for {Session.SubscriberEmail} on {titleId}"); // leak TC1001 strings
            return BadRequest(ex.Reason.ToWireValue());
        }
    }

    // The heartbeat endpoint predates the conventions and still tags the span by hand.
    [HttpPost("heartbeat")]
    public ActionResult Beat([FromBody] Heartbeat beat)
    {
        var activity = Activity.Current;
        activity?.SetTag("title.id", beat.TitleId); // clean direct
        activity?.SetTag("subscriber.id", Session.SubscriberId); // leak TC1001 direct
        activity?.SetTag("subscriber.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Session.SubscriberEmail)))); // leak TC1002 hashes
        activity?.SetTag("rollout.bucket", Session.SubscriberId.GetHashCode() % 100); // leak TC1002 hashes
        var sessionShard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Session.ProfileId.ToByteArray()))[..4];
        activity?.SetTag("heartbeat.shard", sessionShard); // clean hashes
        Baggage.SetBaggage("stream.profile", Session.ProfileId.ToString()); // leak TC1001 direct
        Baggage.SetBaggage("stream.profile_ref", pseudonymizer.ComputeStreamProfileId(Session.ProfileId.ToString())); // clean precision-pseudonym
        logger.LogDebug("Heartbeat {@Beat}", beat); // clean logging-objects
        logger.LogDebug("Heartbeat from {Session}", Session); // leak TC1001 logging-objects
        if (beat.DroppedFrames > 100)
        {
            logger.LogWarning("{Email} dropping frames on {TitleId} at {Bitrate} kbps", Session.SubscriberEmail, beat.TitleId, beat.BitrateKbps); // leak TC1001 direct
        }
        return Ok();
    }

    [HttpPost("profiles/{profileId}/switch")]
    public ActionResult SwitchProfile(Guid profileId, string profileName)
    {
        var profileIdVersion = profileId.Version;
        Activity.Current?.SetTag("stream.profile.id_version", profileIdVersion); // clean precision-names
        telemetry.ProfileSwitched(Session, profileId, profileName); // leak TC1001 cross-member
        var span = Activity.Current.EnrichStreamPlaybackStart(pseudonymizer.PseudonymizeStreamSubscriberId(Session.SubscriberId.ToString()), "none"); // clean precision-pseudonym
        span.SetStreamProfileId(pseudonymizer.PseudonymizeStreamProfileId(profileId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(StreamAttributes.SubscriberEmail, pseudonymizer.Pseudonymize("stream.subscriber.email", Session.SubscriberEmail).Value); // leak TC1001 precision-pseudonym
        return Ok();
    }
}

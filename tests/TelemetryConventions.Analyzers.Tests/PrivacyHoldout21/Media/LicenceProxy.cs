using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Media;

/// <summary>The JSON a player posts for a Widevine licence: the CDM's challenge and the content it is for.</summary>
public sealed record LicenceRequest(string Payload, string ContentId, string Provider, IReadOnlyList<string> AllowedTrackTypes);

/// <summary>What the licence service answers, besides the licence itself.</summary>
public sealed record LicenceGrant(string Status, string? LicenseSessionId, IReadOnlyList<string> KeyIds, string? ClientMakeModel, string? SecurityLevel, string? License);

/// <summary>The claims of the entitlement token the player sends with the request.</summary>
public sealed record EntitlementToken(string SubscriberId, string ProfileId, string DeviceId, string AccountEmail, string Plan, IReadOnlySet<string> TitleIds);

public sealed class EntitlementTokenException(string reason) : Exception(reason);

public sealed class NotEntitledException(string message) : Exception(message);

public interface IEntitlementTokenReader
{
    /// <summary>Validates the token's signature and lifetime; throws <see cref="EntitlementTokenException"/> with the failed check.</summary>
    EntitlementToken Read(string token);
}

public interface ILicenceService
{
    Task<LicenceGrant> RequestAsync(LicenceRequest request, string contentId, CancellationToken cancellationToken);
}

[ApiController]
[Route("drm")]
public sealed class LicenceProxyController(ILicenceService licences, IEntitlementTokenReader tokens, Pseudonymizer pseudonymizer, ILogger<LicenceProxyController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Media.Drm");
    private static readonly Meter Meter = new("Media.Drm");
    private static readonly Counter<long> Licences = Meter.CreateCounter<long>("drm.licences");

    [HttpPost("widevine")]
    public async Task<ActionResult> AcquireAsync([FromBody] LicenceRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartInterchangeMessage("widevine", "license");
        Activity.Current?.SetTag("drm.challenge.bytes", Convert.FromBase64String(request.Payload).Length); // clean precision-about
        var contentId = Encoding.UTF8.GetString(Convert.FromBase64String(request.ContentId));
        Activity.Current?.SetTag("drm.content_id", contentId); // clean direct
        Activity.Current?.SetTag("drm.track_types", string.Join(',', request.AllowedTrackTypes));

        var header = HttpContext.RequestHeaders.TryGetValue("X-Entitlement", out var value) ? value : string.Empty;
        EntitlementToken token;
        try
        {
            token = tokens.Read(header);
        }
        catch (EntitlementTokenException ex)
        {
            logger.LogWarning(ex, "Entitlement token rejected"); // clean exceptions
            logger.LogDebug("Rejected entitlement {Header}", header); // leak TC1001 strings
            return BadRequest("entitlement");
        }

        span.SetInterchangeSubjectId(pseudonymizer.PseudonymizeInterchangeSubjectId(token.SubscriberId)); // clean precision-pseudonym
        Baggage.SetBaggage("media.subscriber", token.SubscriberId); // leak TC1001 cross-member
        Activity.Current?.SetTag("drm.device_id", token.DeviceId); // leak TC1001 cross-member
        Activity.Current?.SetTag("drm.subscriber_plan", token.Plan); // clean precision-names
        Activity.Current?.SetTag(InterchangeAttributes.SubjectContact, pseudonymizer.ComputeInterchangeSubjectId(token.AccountEmail)); // leak TC1001 precision-pseudonym

        if (!token.TitleIds.Contains(contentId))
        {
            throw new NotEntitledException($"Profile {token.ProfileId} is not entitled to {contentId}"); // leak TC1001 exceptions
        }

        var grant = await licences.RequestAsync(request, contentId, cancellationToken);
        Activity.Current?.SetTag("drm.license.status", grant.Status); // clean precision-about
        Activity.Current?.SetTag("drm.license.session_id", grant.LicenseSessionId);
        Activity.Current?.SetTag("drm.key_ids", string.Join(',', grant.KeyIds));
        Activity.Current?.SetTag("drm.client.make_model", grant.ClientMakeModel); // clean precision-about
        Activity.Current?.SetTag("drm.client.security_level", grant.SecurityLevel);
        Licences.Add(1, new("drm.profile", token.ProfileId), new("drm.status", grant.Status)); // leak TC1003 cross-member

        if (grant.Status != "OK")
        {
            logger.LogWarning("Licence refused ({Status}) for subscriber {SubscriberId} on device {DeviceId}", grant.Status, token.SubscriberId, token.DeviceId); // leak TC1001 cross-member
            return BadRequest(grant.Status);
        }

        return Ok(grant.License);
    }
}

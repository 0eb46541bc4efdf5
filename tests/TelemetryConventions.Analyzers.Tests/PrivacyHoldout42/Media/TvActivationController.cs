using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyHoldout42.Media;

/// <summary>What the phone app posts after the subscriber typed the code their television shows.</summary>
public sealed record ActivationRequest(string Code, Guid ProfileId);

/// <summary>A television waiting to be activated: its ESN, the name its owner gave it, model and platform.</summary>
public sealed record PendingActivation(string Code, string Esn, string DeviceName, string Model, string Platform, DateTimeOffset ExpiresAt);

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids);

public sealed record Subscriber(Guid SubscriberId, string Email, string Plan, int MaxDevices, IReadOnlyList<ViewingProfile> Profiles);

public interface IActivationStore
{
    Task<PendingActivation?> FindAsync(string code, CancellationToken cancellationToken);

    Task<int> ActiveDevicesAsync(Guid subscriberId, CancellationToken cancellationToken);

    Task ActivateAsync(PendingActivation pending, Guid subscriberId, Guid profileId, CancellationToken cancellationToken);
}

public interface ISubscriberDirectory
{
    Task<Subscriber> CurrentAsync(ClaimsUser user, CancellationToken cancellationToken);
}

/// <summary>The television's activation code has expired; the message names the code, which the service issued to the television.</summary>
public sealed class ActivationCodeExpiredException(string code) : Exception($"Activation code {code} expired before it was confirmed");

public sealed class DeviceLimitReachedException(string email, int limit)
    : Exception($"Subscriber {email} already has {limit} activated devices");

[ApiController]
[Route("tv/activate")]
public sealed class TvActivationController(
    IActivationStore activations,
    ISubscriberDirectory subscribers,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<TvActivationController> logger) : ControllerBase
{
    [HttpPost("")]
    public async Task<ActionResult> Activate([FromBody] ActivationRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("tv.activation.code.length", request.Code.Length); // clean precision-about
        var code = request.Code.Trim().ToUpperInvariant();
        var pending = await activations.FindAsync(code, cancellationToken);
        if (pending is null)
        {
            return NotFound("That code is not valid. Check the code on your TV.");
        }

        if (pending.ExpiresAt < clock.GetUtcNow())
        {
            throw new ActivationCodeExpiredException(pending.Code); // clean exceptions
        }

        activity?.SetTag("tv.esn", pending.Esn); // leak TC1001 direct
        activity?.SetTag("tv.name", pending.DeviceName); // leak TC1001 direct
        activity?.SetTag("tv.platform", pending.Platform); // clean precision-about

        var subscriber = await subscribers.CurrentAsync(HttpContext.User, cancellationToken);
        var profile = subscriber.Profiles.Single(p => p.ProfileId == request.ProfileId);
        activity?.SetTag("tv.profile.kids", profile.IsKids); // clean precision-about
        activity?.SetTag("subscriber.ref", pseudonymizer.Compute("media.subscriber", subscriber.SubscriberId.ToString())); // clean precision-pseudonym

        var active = await activations.ActiveDevicesAsync(subscriber.SubscriberId, cancellationToken);
        if (active >= subscriber.MaxDevices)
        {
            throw new DeviceLimitReachedException(subscriber.Email, subscriber.MaxDevices); // leak TC1001 exceptions
        }

        await activations.ActivateAsync(pending, subscriber.SubscriberId, profile.ProfileId, cancellationToken);
        logger.LogInformation("TV activated for subscriber {SubscriberId} on plan {Plan}", subscriber.SubscriberId, subscriber.Plan); // leak TC1001 direct
        logger.LogInformation("TV activated on the {Plan} plan, {Active} of {Max} devices in use", subscriber.Plan, active + 1, subscriber.MaxDevices); // clean precision-about
        return Ok();
    }
}

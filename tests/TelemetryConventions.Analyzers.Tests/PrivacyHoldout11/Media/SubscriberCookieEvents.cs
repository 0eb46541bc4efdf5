using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Media;

public sealed class Subscriber : IdentityUser
{
    public string SubscriberNumber { get; set; } = string.Empty;

    public string Plan { get; set; } = "basic";

    public string Country { get; set; } = "GB";

    public int MaxStreams { get; set; } = 2;
}

/// <summary>
/// Cookie events of the streaming site: the principal is revalidated against the security stamp every
/// few minutes, the plan is added as a claim at sign-in, and sign-ins and sign-outs are audited.
/// </summary>
public sealed partial class SubscriberCookieEvents(
    UserManager<Subscriber> users,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    IMeterFactory meters,
    ILogger<SubscriberCookieEvents> logger)
    : CookieAuthenticationEvents
{
    private static readonly TimeSpan RevalidateEvery = TimeSpan.FromMinutes(5);

    private readonly Counter<long> _rejected = meters.Create("Streaming.Auth").CreateCounter<long>("auth.cookie.rejected");

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var issued = context.Properties.IssuedUtc ?? DateTimeOffset.MinValue;
        if (clock.GetUtcNow() - issued < RevalidateEvery)
        {
            return;
        }

        var subscriberId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue("AspNet.Identity.SecurityStamp");
        var subscriber = subscriberId is null ? null : await users.FindByIdAsync(subscriberId);

        if (subscriber is null || subscriber.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", subscriber is null ? "deleted" : "stamp_changed"));
            LogStampRejected(logger, subscriberId ?? "(none)", stamp); // leak TC1001 direct
            return;
        }

        context.ShouldRenew = true;
        Activity.Current?.SetTag("auth.cookie.age_minutes", (int)(clock.GetUtcNow() - issued).TotalMinutes);
        Activity.Current?.SetTag("auth.subscriber", pseudonymizer.ComputeIdentityAccountId(subscriber.Id)); // clean precision-pseudonym
    }

    public override async Task SigningIn(CookieSigningInContext context)
    {
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        var subscriber = await users.GetUserAsync(context.Principal);
        if (subscriber is null)
        {
            return;
        }

        identity.AddClaim(new Claim("plan", subscriber.Plan));
        identity.AddClaim(new Claim("max_streams", subscriber.MaxStreams.ToString()));
        identity.AddClaim(new Claim("subscriber_number", subscriber.SubscriberNumber));
        Activity.Current?.SetTag("auth.claims.count", identity.Claims.Count());
        Activity.Current?.SetTag("auth.plan", subscriber.Plan); // clean precision-about
        Activity.Current?.SetTag("auth.persistent", context.Properties.IsPersistent);
    }

    public override Task SignedIn(CookieSignedInContext context)
    {
        var principal = context.Principal!;
        var number = principal.FindFirstValue("subscriber_number");
        logger.LogIdentitySignInAuditEvent(IdentityMethod.Password, IdentityOutcome.Success, pseudonymizer.PseudonymizeIdentityAccountId(number ?? string.Empty), identityTenant: principal.FindFirstValue("plan")); // clean generated-api
        logger.LogInformation("Cookie issued to {Principal}", principal.Identity?.Name); // leak TC1001 direct
        logger.LogInformation("Cookie issued with claims {Claims}", principal.Claims.Select(c => $"{c.Type}={c.Value}")); // leak TC1001 strings
        logger.LogInformation("Cookie issued with claim types {ClaimTypes}", principal.Claims.Select(c => c.Type).Distinct()); // clean precision-names
        return Task.CompletedTask;
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        // The return URL of a deep link carries only the title and the episode.
        Activity.Current?.SetTag("auth.redirect", context.RedirectUri); // clean precision-about
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public override Task SigningOut(CookieSigningOutContext context)
    {
        var email = context.HttpContext.User.FindFirstValue(ClaimTypes.Email);
        Activity.Current?.AddEvent(new ActivityEvent("auth.signed_out", tags: new ActivityTagsCollection { ["auth.subscriber.email"] = email })); // leak TC1001 direct
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Cookie of {SubscriberId} rejected, security stamp {Stamp} no longer current")]
    private static partial void LogStampRejected(ILogger logger, string subscriberId, string? stamp);
}

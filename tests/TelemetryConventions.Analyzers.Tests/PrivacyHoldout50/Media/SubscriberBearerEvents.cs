using System.Diagnostics;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Media;

/// <summary>The streaming API's span helpers.</summary>
internal static class StreamingSpans
{
    public static void TagSubscriber(Activity? activity, string? subscriberId) =>
        activity?.SetTag("subscriber.id", subscriberId); // leak TC1001 direct

    public static void TagDeviceClass(Activity? activity, string deviceClass) =>
        activity?.SetTag("device.class", deviceClass); // clean precision-about
}

/// <summary>
/// JWT bearer events of the streaming API. Subscribers' tokens carry <c>sub</c> (the subscriber's
/// <c>Guid</c> id), <c>email</c>, <c>plan</c> and the app's client id in <c>azp</c>; the viewing profile in
/// use travels in <c>X-Profile-Id</c>. Players that cannot set headers (HLS, server-sent events) pass the
/// token in the <c>access_token</c> query.
/// </summary>
public static class SubscriberBearerEvents
{
    public static void Configure(JwtBearerOptions options, Pseudonymizer pseudonymizer, ILogger logger)
    {
        options.Events.OnMessageReceived = context =>
        {
            var token = context.Request.Query["access_token"].ToString();
            if (token.Length > 0 && context.Request.Path.StartsWithSegments("/playback"))
            {
                context.Token = token;
                logger.LogDebug("Playback token taken from the query, {Length} characters", token.Length); // clean precision-about
                logger.LogTrace("Playback token {Token}", token); // leak TC1001 direct
            }

            return Task.CompletedTask;
        };

        options.Events.OnTokenValidated = context =>
        {
            var principal = context.Principal!;
            var subscriberId = principal.FindFirst("sub")?.Value;
            var profileId = context.Request.Headers["X-Profile-Id"].ToString();
            var activity = Activity.Current;
            StreamingSpans.TagSubscriber(activity, subscriberId); // leak TC1001 cross-member
            StreamingSpans.TagDeviceClass(activity, context.Request.Headers["X-Device-Class"].ToString()); // clean precision-names
            activity?.SetTag("subscriber.plan", principal.FindFirst("plan")?.Value); // clean precision-names
            activity?.SetTag("profile.id", profileId); // leak TC1001 direct
            activity?.SetTag("profile.ref", pseudonymizer.ComputeApiCallerId(profileId)); // clean precision-pseudonym
            activity?.SetTag("oauth.client_id", (context.SecurityToken as JsonWebToken)?.Azp); // clean precision-names
            return Task.CompletedTask;
        };

        options.Events.OnForbidden = context =>
        {
            var email = context.Principal?.FindFirst(ClaimTypes.Email)?.Value;
            var route = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            logger.LogWarning("Forbidden: {Email} on {Route}", email, route); // leak TC1001 direct
            logger.LogWarning("Forbidden on {Route} for plan {Plan}", route, context.Principal?.FindFirst("plan")?.Value); // clean precision-names
            return Task.CompletedTask;
        };
    }
}

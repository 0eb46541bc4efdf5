using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout22.Telemetry;

namespace PrivacyHoldout22.Media;

/// <summary>
/// The playback edge API: <c>GET /play/{titleId}?t={playbackToken}</c>, where the signed token was
/// issued to one subscriber, and the viewing profile travels in the <c>profile</c> cookie.
/// </summary>
public sealed class PlaybackRequestLogging(RequestDelegate next, ILogger<PlaybackRequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        logger.LogInformation("{Method} {Url} {Status} {ElapsedMs}", request.Method, request.GetDisplayUrl(), context.Response.StatusCode, elapsedMs); // leak TC1001 strings
        logger.LogInformation("{Method} {Host}{Path} {Status} {ElapsedMs}", request.Method, request.Host, request.Path, context.Response.StatusCode, elapsedMs); // clean precision-names
        logger.LogDebug("Forwarded for {ForwardedFor}", request.Headers.TryGetValue("X-Forwarded-For", out var forwarded) ? forwarded : null); // leak TC1001 direct
        logger.LogDebug("Cookies sent: {CookieNames}", string.Join(",", request.Cookies.Keys)); // clean precision-names
        logger.LogDebug("Viewing profile {Profile}", request.Cookies["profile"]); // leak TC1001 direct
        logger.LogDebug("Playback token of {TokenLength} characters, signed: {Signed}", request.Query["t"]?.Length ?? 0, request.Query.ContainsKey("t")); // clean precision-about
    }
}

/// <summary>What the ASP.NET Core instrumentation records for the playback edge.</summary>
public static class PlaybackTracing
{
    public static TracerProviderBuilder AddPlaybackTracing(this TracerProviderBuilder builder) =>
        builder.AddAspNetCoreInstrumentation(options =>
        {
            options.Filter = context => context.Request.Path.StartsWithSegments("/play");
            options.EnrichWithHttpRequest = (activity, request) =>
            {
                activity.SetTag("media.title", request.RouteValues.TryGetValue("titleId", out var title) ? title : null); // clean precision-names
                activity.SetTag("url.query", request.QueryString.Value); // leak TC1001 strings
                activity.SetTag("media.token.present", request.Query.ContainsKey("t")); // clean precision-about
                activity.SetTag("media.profile", request.Cookies["profile"]); // leak TC1001 direct
            };
            options.EnrichWithHttpResponse = (activity, response) =>
            {
                activity.SetTag("media.cdn.pop", response.Headers.TryGetValue("X-Served-By", out var pop) ? pop : null); // clean precision-names
                activity.SetTag("media.response.bytes", response.ContentLength); // clean precision-about
            };
        });
}

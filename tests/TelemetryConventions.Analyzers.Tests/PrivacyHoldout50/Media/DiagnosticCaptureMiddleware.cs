using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout50.Media;

public sealed class CaptureOptions
{
    /// <summary>Switched on per environment; support tools then send <c>X-Debug-Capture: 1</c>.</summary>
    public bool Enabled { get; set; }
}

/// <summary>
/// Captures requests and responses of the streaming API for support, when asked to. The API serves
/// <c>/profiles/{profileId}</c> (PUT with the profile's name, avatar and kids flag),
/// <c>/profiles/{profileId}/continue-watching</c>, <c>/titles/{titleId}</c> (the catalogue) and
/// <c>/playback/{titleId}/manifest?token=…</c>, where the token is the subscriber's playback entitlement.
/// </summary>
public sealed class DiagnosticCaptureMiddleware(ILogger<DiagnosticCaptureMiddleware> logger, CaptureOptions options) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!options.Enabled || request.Headers["X-Debug-Capture"] != "1")
        {
            await next(context);
            return;
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
        string requestBody;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
        {
            requestBody = await reader.ReadToEndAsync();
        }

        request.Body.Position = 0;
        logger.LogDebug("Captured {Method} {Route}: {ContentType}, {Length} characters", request.Method, route, request.ContentType, requestBody.Length); // clean precision-about
        logger.LogDebug("Captured request body {Body}", requestBody); // leak TC1001 direct

        var headerDump = string.Join("; ", request.Headers.Select(h => $"{h.Key}: {h.Value}"));
        logger.LogDebug("Captured request headers {Headers}", headerDump); // leak TC1001 strings
        logger.LogDebug("Captured request header names {HeaderNames}", string.Join(",", request.Headers.Keys)); // clean precision-names

        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        Activity.Current?.SetTag("url.full", url); // leak TC1001 strings
        Activity.Current?.SetTag("server.address", request.Host.Host); // clean precision-names
        Activity.Current?.SetTag("http.route", route); // clean precision-names
        StreamingSpans.TagSubscriber(Activity.Current, context.User.FindFirst("sub")?.Value); // leak TC1001 cross-member

        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            buffer.Position = 0;
            var responseText = Encoding.UTF8.GetString(buffer.ToArray());
            buffer.Position = 0;
            await buffer.CopyToAsync(originalBody);
            context.Response.Body = originalBody;

            logger.LogDebug("Captured response {StatusCode}, {Length} characters", context.Response.StatusCode, responseText.Length); // clean precision-about
            if (route == "/titles/{titleId}")
            {
                logger.LogDebug("Captured catalogue response {Body}", responseText); // clean direct
            }
        }
    }
}

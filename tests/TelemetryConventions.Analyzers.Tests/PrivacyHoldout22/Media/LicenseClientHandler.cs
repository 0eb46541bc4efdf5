using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Media;

/// <summary>
/// Requests DRM licences for a subscriber's device. Every request carries the subscriber's bearer
/// token, their id (<c>X-Subscriber-Id</c>, a Guid) and the id of the device they registered.
/// </summary>
public sealed class LicenseClient(HttpClient http)
{
    public Task<HttpResponseMessage> RequestLicenseAsync(string accessToken, Guid subscriberId, string deviceId, string titleId, byte[] challenge, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"licenses/widevine/{titleId}")
        {
            Content = new ByteArrayContent(challenge),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("X-Subscriber-Id", subscriberId.ToString());
        request.Headers.Add("X-Device-Id", deviceId);
        return http.SendAsync(request, ct);
    }
}

/// <summary>Logs and tags the licence calls; registered on <see cref="LicenseClient"/>.</summary>
public sealed class LicenseTelemetryHandler(ILogger<LicenseTelemetryHandler> logger, Pseudonymizer pseudonymizer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var headerNames = string.Join(",", request.Headers.Select(h => h.Key));
        logger.LogDebug("Licence request to {Path} with headers {HeaderNames}", request.RequestUri?.AbsolutePath, headerNames); // clean precision-names
        logger.LogTrace("Licence request headers {Headers}", request.Headers.ToString()); // leak TC1001 strings
        logger.LogDebug("Licence request authorised with {Scheme}", request.Headers.Authorization?.Scheme); // clean precision-about
        logger.LogDebug("Licence request authorised with {Authorization}", request.Headers.Authorization); // leak TC1001 direct

        var deviceId = request.Headers.TryGetValues("X-Device-Id", out var devices) ? devices.First() : null;
        var subscriberId = request.Headers.TryGetValues("X-Subscriber-Id", out var subscribers) ? subscribers.First() : null;
        activity?.SetTag("media.device.id", deviceId); // leak TC1001 direct
        activity?.SetTag("media.subscriber", subscriberId is null ? null : pseudonymizer.ComputeGatewaySubjectId(subscriberId)); // clean precision-pseudonym
        activity?.SetTag("media.user_agent", request.Headers.UserAgent.ToString()); // clean precision-names
        activity?.SetTag("media.challenge.bytes", request.Content?.Headers.ContentLength); // clean precision-about

        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Licence refused for subscriber {Subscriber} on device {Device}: {Status}", subscriberId, deviceId, (int)response.StatusCode); // leak TC1001 direct
            activity?.AddGatewayRejectedEvent($"licence refused ({(int)response.StatusCode})", "/licenses/widevine/{titleId}"); // clean generated-api
        }

        return response;
    }
}

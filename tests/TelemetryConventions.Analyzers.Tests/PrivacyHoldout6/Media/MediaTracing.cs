using System;
using System.Diagnostics;
using System.Net.Http;
using PrivacyHoldout6.Support;
using TelemetryConventions;

namespace PrivacyHoldout6.Media;

/// <summary>How the streaming API enriches the spans that the instrumentation libraries start.</summary>
public static class MediaTracing
{
    private const string SubscriberDomain = "media.subscriber";

    public static TracerProviderBuilder AddStreamingEnrichment(this TracerProviderBuilder builder, Pseudonymizer pseudonymizer) =>
        builder
            .AddAspNetCoreInstrumentation(options =>
            {
                options.Filter = context => context.Request.Path != "/health";
                options.EnrichWithHttpRequest = (activity, request) =>
                {
                    activity.SetTag("media.client.app", request.Headers.TryGetValue("X-Client-App", out var app) ? app : "unknown"); // clean direct
                    activity.SetTag("media.user_agent", request.Headers.TryGetValue("User-Agent", out var agent) ? agent : null); // clean precision-names
                    if (request.Headers.TryGetValue("X-Subscriber-Id", out var subscriberId))
                    {
                        activity.SetTag("media.subscriber", pseudonymizer.Pseudonymize(SubscriberDomain, subscriberId).Value); // clean precision-pseudonym
                        activity.SetTag("enduser.id", subscriberId); // leak TC1001 direct
                    }

                    activity.SetTag("media.profile", request.RouteValues.TryGetValue("profileName", out var profile) ? profile : null); // leak TC1001 direct
                };
                options.EnrichWithHttpResponse = (activity, response) => activity.SetTag("media.status_class", response.StatusCode / 100); // clean direct
                options.EnrichWithException = (activity, exception) => activity.SetTag("media.error", exception.Message); // leak TC1001 exceptions
            })
            .AddHttpClientInstrumentation(options =>
            {
                options.EnrichWithHttpRequestMessage = (activity, message) => activity.SetTag("media.upstream.url", message.RequestUri?.ToString()); // leak TC1001 strings
                options.EnrichWithHttpResponseMessage = (activity, response) => activity.SetTag("media.upstream.host", response.RequestMessage?.RequestUri?.Host); // clean precision-about
            });
}

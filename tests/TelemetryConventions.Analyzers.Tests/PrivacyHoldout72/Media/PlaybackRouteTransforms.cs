using Yarp.ReverseProxy.Model;

namespace PrivacyHoldout72.Media;

/// <summary>
/// The playback routes: <c>/play/{titleId}</c> is forwarded to the licence service with a
/// downstream token; the licence service answers 302 to a signed manifest URL on the CDN whose query
/// carries the subscriber's playback token. The gateway rewrites that <c>Location</c> to its own
/// edge host and reports what it did.
/// </summary>
public sealed class PlaybackTransformProvider(ITokenExchangeClient exchange, Pseudonymizer pseudonymizer, ILogger<PlaybackTransformProvider> logger) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
        if (context.Route.Match.Path?.Contains("{titleId}") != true)
        {
            context.Errors.Add(new ArgumentException($"Playback route {context.Route.RouteId} must capture the title id"));
        }
    }

    public void Apply(TransformBuilderContext context)
    {
        var routeId = context.Route.RouteId;
        context.AddRequestTransform(async transform =>
        {
            var subscriberId = transform.HttpContext.User.FindFirst("sub")!.Value;
            var titleId = transform.HttpContext.Request.RouteValues["titleId"]?.ToString() ?? "unknown";
            var token = await exchange.ExchangeAsync(transform.HttpContext.Request.Headers.Authorization[7..], "licence", transform.CancellationToken);
            transform.ProxyRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);

            Activity.Current.EnrichStreamRequest(routeId).SetStreamTitleId(titleId).SetStreamUpstream(StreamUpstream.Catalogue); // clean generated-api
            Activity.Current.EnrichStreamRequest(routeId).SetStreamNote($"licence for {titleId} via {token.Audience}"); // clean generated-api
            Activity.Current.EnrichStreamRequest(routeId).SetStreamNote($"licence for {subscriberId}"); // leak TC1001 generated-api
            Activity.Current.EnrichStreamRequest(routeId).SetStreamSubscriberId(Pseudonym.FromComputed(subscriberId)); // leak TC1001 precision-pseudonym
            logger.LogDebug("Route values {RouteValues}", transform.HttpContext.Request.RouteValues); // clean logging-objects
        });

        context.AddResponseTransform(transform =>
        {
            var response = transform.ProxyResponse;
            var location = response?.Headers.Location;
            if (location is null)
            {
                return ValueTask.CompletedTask;
            }

            var edge = new UriBuilder(location) { Host = "edge.stream.example" }.Uri;
            transform.HttpContext.Response.Headers["Location"] = edge.ToString();
            logger.LogDebug("Rewrote manifest redirect to {Host}{Path}", edge.Host, edge.AbsolutePath); // clean strings
            logger.LogDebug("Rewrote manifest redirect to {Location}", edge); // leak TC1001 strings
            Activity.Current?.SetTag("stream.manifest.query_length", edge.Query.Length); // clean precision-about
            Activity.Current?.SetTag("stream.manifest.token", System.Web.HttpUtility.ParseQueryString(edge.Query)["token"]); // leak TC1001 direct
            return ValueTask.CompletedTask;
        });
    }
}

/// <summary>Reports forwarding failures of the playback cluster with the subscriber's pseudonym.</summary>
public sealed class PlaybackFailureReporter(Pseudonymizer pseudonymizer, ILogger<PlaybackFailureReporter> logger)
{
    public void Report(HttpContext context)
    {
        var error = context.Features.Get<IForwarderErrorFeature>();
        var proxy = context.Features.Get<IReverseProxyFeature>();
        if (error is null || proxy is null)
        {
            return;
        }

        var subscriberId = context.User.FindFirst("sub")!.Value;
        var profileId = context.Request.Headers["X-Profile-Id"];
        var subscriberRef = pseudonymizer.PseudonymizeGatewayCallerId(subscriberId);
        logger.LogGatewayForwardFailedEvent(proxy.Cluster?.Config.ClusterId ?? "playback", 502, gatewayCallerId: subscriberRef); // clean generated-api
        logger.LogGatewayForwardFailedEvent(proxy.Cluster?.Config.ClusterId ?? "playback", 502, gatewayPartition: "profile:" + profileId); // leak TC1001 generated-api
        logger.LogWarning("Playback forward failed ({Error}) to {Destination} for {Subscriber}", error.Error, proxy.ProxiedDestination?.DestinationId, subscriberRef); // clean precision-pseudonym
        logger.LogWarning("Playback forward failed for {Who}", new { subscriberRef, profileId }); // leak TC1001 logging-objects
    }
}

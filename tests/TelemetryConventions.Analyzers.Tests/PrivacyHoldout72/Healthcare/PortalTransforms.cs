using System.Net.Http.Headers;

namespace PrivacyHoldout72.Healthcare;

/// <summary>
/// Transforms for the patient portal's proxied routes (<c>/api/records/**</c>, <c>/api/labs/**</c>):
/// the portal's cookie session becomes a downstream token for the records service, the NHS number
/// claim is forwarded as the header the records service keys on, and what the trust's firewall must
/// not see is stripped.
/// </summary>
public sealed class PortalTransformProvider(
    ITokenExchangeClient tokenExchange,
    Pseudonymizer pseudonymizer,
    ILogger<PortalTransformProvider> logger) : ITransformProvider
{
    private static readonly ActivitySource Source = new("Portal.Gateway");

    private static readonly string[] StrippedHeaders = ["Cookie", "X-Portal-Session", "X-Forwarded-Host"];

    public void ValidateRoute(TransformRouteValidationContext context)
    {
        if (context.Route.Metadata?.ContainsKey("audience") != true)
        {
            context.Errors.Add(new InvalidOperationException($"Route '{context.Route.RouteId}' has no downstream audience."));
        }
    }

    public void Apply(TransformBuilderContext context)
    {
        var audience = context.Route.Metadata?["audience"] ?? "records-api";
        var routeId = context.Route.RouteId;

        context.AddRequestTransform(async transform =>
        {
            var user = transform.HttpContext.User;
            var nhsNumber = user.FindFirst("nhs_number")?.Value;
            var portalToken = transform.HttpContext.Request.Headers.Authorization;

            foreach (var header in StrippedHeaders)
            {
                transform.ProxyRequest.Headers.Remove(header);
            }

            logger.LogDebug("Stripped {HeaderCount} headers on route {RouteId}", StrippedHeaders.Length, routeId); // clean precision-about

            DownstreamToken downstream;
            try
            {
                downstream = await tokenExchange.ExchangeAsync(portalToken.Replace("Bearer ", string.Empty), audience, transform.CancellationToken);
            }
            catch (TokenExchangeException ex)
            {
                // The identity server's error_description for invalid_grant names the subject it refused.
                logger.LogWarning(ex, "Token exchange for {Audience} refused: {Error}", audience, ex.Error); // leak TC1001 exceptions
                throw;
            }

            transform.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", downstream.AccessToken);
            Activity.Current?.SetTag("portal.downstream.token_id", downstream.TokenId); // clean precision-names
            Activity.Current?.SetTag("portal.downstream.audience", downstream.Audience); // clean precision-about

            if (nhsNumber is not null)
            {
                transform.ProxyRequest.Headers.TryAddWithoutValidation("X-NHS-Number", nhsNumber);
                Activity.Current?.SetTag("portal.forwarded.nhs_number", nhsNumber); // leak TC1001 direct
                Activity.Current.EnrichPortalRequest(routeId).SetPortalPatientId(pseudonymizer.PseudonymizePortalPatientId(nhsNumber)); // clean precision-pseudonym
            }

            logger.LogDebug("Downstream token for {Audience} expires {ExpiresAt}", downstream.Audience, downstream.ExpiresAt); // clean precision-about
            logger.LogTrace("Proxying with {Authorization}", transform.ProxyRequest.Headers.Authorization); // leak TC1001 direct
        });

        context.AddResponseTransform(transform =>
        {
            var response = transform.ProxyResponse;
            if (response is null)
            {
                return ValueTask.CompletedTask;
            }

            response.Headers.Remove("X-Powered-By");
            response.Headers.Remove("Server");
            Activity.Current?.SetTag("portal.upstream.status", (int)response.StatusCode); // clean precision-about

            if (response.Headers.TryGetValues("X-Records-Patient", out var echoed))
            {
                // The records service echoes the patient it resolved; the portal checks it and drops it.
                response.Headers.Remove("X-Records-Patient");
                logger.LogInformation("Records service resolved patient {ResolvedPatient}", string.Join(",", echoed)); // leak TC1001 strings
            }

            logger.LogDebug("Response headers for {RouteId}: {HeaderNames}", routeId, string.Join(",", response.Headers.Select(h => h.Key))); // clean precision-names
            return ValueTask.CompletedTask;
        });
    }
}

/// <summary>
/// Route and cluster configuration for the portal, read from the trust's configuration store. Logged
/// at startup so the on-call engineer can see what the gateway thinks it is proxying.
/// </summary>
public sealed class PortalProxyConfigLogger(IProxyConfigProvider provider, ILogger<PortalProxyConfigLogger> logger)
{
    public void LogConfiguration()
    {
        var config = provider.GetConfig();
        foreach (var route in config.Routes)
        {
            logger.LogInformation("Route {RouteId} {Path} -> {ClusterId} (auth {Policy}, limiter {Limiter})", route.RouteId, route.Match.Path, route.ClusterId, route.AuthorizationPolicy, route.RateLimiterPolicy); // clean precision-names
        }

        foreach (var cluster in config.Clusters)
        {
            var destinations = cluster.Destinations?.Values.Select(d => d.Address) ?? [];
            logger.LogInformation("Cluster {ClusterId} destinations {Destinations}", cluster.ClusterId, destinations); // clean precision-about
        }
    }
}

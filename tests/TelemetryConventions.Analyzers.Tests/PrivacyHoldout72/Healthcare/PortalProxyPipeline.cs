using PrivacyCorpus.Shared;
using Yarp.ReverseProxy.Model;

namespace PrivacyHoldout72.Healthcare;

/// <summary>
/// Middleware in the portal's <c>MapReverseProxy(pipeline => …)</c>: stamps a correlation id,
/// logs each proxied exchange and reports what the forwarder could not deliver. The portal's routes
/// are <c>/api/patients/{nhsNumber}/…</c> (the carer's proxy-access view names the patient in the path)
/// and <c>/api/clinics/{clinicId}/…</c>.
/// </summary>
public sealed partial class PortalProxyPipeline(Pseudonymizer pseudonymizer, Meter meter, ILogger<PortalProxyPipeline> logger)
{
    private readonly Counter<long> _forwardFailures = meter.CreateCounter<long>("portal.forward.failures");
    private readonly GatewayQuotaRejectedCounter _rejected = meter.CreateGatewayQuotaRejectedCounter();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var correlationId = Correlation.For(context);
        context.Response.Headers[Correlation.HeaderName] = correlationId;
        Activity.Current?.SetBaggage("correlation.id", correlationId); // clean precision-names

        var feature = context.Features.Get<IReverseProxyFeature>();
        var routeId = feature?.Route.Config.RouteId ?? "unknown";
        var carer = context.User.FindFirst("carer_staff_number")?.Value;
        var started = Stopwatch.GetTimestamp();

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = correlationId, ["RouteId"] = routeId }); // clean precision-names

        await next(context);

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogExchange(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed.TotalMilliseconds); // leak TC1001 direct
        LogRoute(logger, routeId, feature?.ProxiedDestination?.DestinationId, context.Response.StatusCode); // clean precision-names

        if (carer is not null)
        {
            LogCarerAccess(logger, carer, routeId); // clean direct
            LogCarerAccessPlain(logger, carer, routeId); // leak TC1001 direct
        }

        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || error.Error == ForwarderError.None)
        {
            return;
        }

        _forwardFailures.Add(1, new KeyValuePair<string, object?>("error", error.Error.ToString()), new KeyValuePair<string, object?>("route", routeId)); // clean precision-about
        logger.LogGatewayForwardFailedEvent(feature?.Cluster?.Config.ClusterId ?? "none", context.Response.StatusCode, gatewayCallerId: pseudonymizer.PseudonymizeGatewayCallerId(context.User.FindFirst("nhs_number")?.Value ?? "anonymous")); // clean precision-pseudonym

        if (error.Exception is { } ex)
        {
            // HttpRequestException and the forwarder's own IOExceptions name the destination host at most.
            logger.LogWarning(ex, "Forwarding {RouteId} failed with {Error}", routeId, error.Error); // clean exceptions
        }
    }

    public void OnQuotaRejected(HttpContext context, string policy)
    {
        var nhsNumber = context.User.FindFirst("nhs_number")?.Value ?? "anonymous";
        _rejected.Add(1, policy, gatewayPartition: "patient"); // clean precision-about
        _rejected.Add(1, policy, gatewayCallerId: pseudonymizer.PseudonymizeGatewayCallerId(nhsNumber)); // leak TC1003 precision-pseudonym
        logger.LogWarning("Quota {Policy} rejected {Partition}", policy, $"patient:{nhsNumber}"); // leak TC1001 strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} -> {StatusCode} in {ElapsedMs} ms")]
    private static partial void LogExchange(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Route {RouteId} served by {DestinationId} with {StatusCode}")]
    private static partial void LogRoute(ILogger logger, string routeId, string? destinationId, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Carer {StaffNumber} used proxy access on {RouteId}")]
    private static partial void LogCarerAccess(ILogger logger, [PrivateData] string staffNumber, string routeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Proxy access by {StaffNumber} on {RouteId}")]
    private static partial void LogCarerAccessPlain(ILogger logger, string staffNumber, string routeId);
}

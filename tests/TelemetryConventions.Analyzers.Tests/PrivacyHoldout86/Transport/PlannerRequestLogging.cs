namespace PrivacyHoldout86.Transport;

/// <summary>
/// Request logging of the journey planner: <c>/plan?from=&amp;to=&amp;at=</c>, where <c>from</c> and
/// <c>to</c> are what the rider typed (a stop, an address, "home"), and <c>/riders/me/favourites</c>.
/// Signed-in riders carry their account id (a Guid) as the subject claim.
/// </summary>
public sealed partial class PlannerRequestLogging(
    ILogger<PlannerRequestLogging> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : IMiddleware
{
    private static readonly Meter PlannerMeter = new("Transit.Planner.Requests");
    private static readonly Histogram<double> Latency = PlannerMeter.CreateHistogram<double>("transit.planner.latency", "ms");

    private PlannerRequestTrace? _lastFailed;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var correlationId = Correlation.IdOf(context);
        var riderId = context.User.SubjectId;

        using var scope = logger.BeginScope("correlation {CorrelationId} rider {Rider}", correlationId, riderId is null ? "anonymous" : pseudonymizer.ComputeRideaccessRiderId(riderId)); // clean precision-pseudonym
        Activity.Current?.SetTag("planner.correlation_id", correlationId); // clean precision-about
        Activity.Current?.SetTag("planner.signed_in", riderId is not null); // clean precision-about

        await next(context);

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var route = PathNormalizer.Template(context);
        var from = context.Request.Query.GetValueOrDefault("from");
        var to = context.Request.Query.GetValueOrDefault("to");
        var trace = new PlannerRequestTrace(correlationId, route, context.Response.StatusCode, elapsedMs, from, to);

        Latency.Record(elapsedMs, new("route", route), new("status", context.Response.StatusCode)); // clean precision-about
        Latency.Record(elapsedMs, new KeyValuePair<string, object?>("rider", riderId)); // leak TC1003 direct
        PlanServed(logger, route, context.Response.StatusCode, elapsedMs, from?.Length ?? 0, to?.Length ?? 0); // clean precision-about
        logger.LogInformation("Plan {From} -> {To} answered {Status}", from, to, context.Response.StatusCode); // leak TC1001 direct
        Activity.Current?.SetTag("planner.query", context.Request.QueryString.Value); // leak TC1001 direct
        Activity.Current?.SetTag("planner.query_keys", string.Join(",", context.Request.Query.Keys)); // clean precision-names

        if (elapsedMs > 2000)
        {
            logger.LogRideaccessSlowRequestEvent(route, elapsedMs, rideaccessStatus: context.Response.StatusCode); // clean generated-api
            logger.LogRideaccessSlowRequestEvent(route, elapsedMs, rideaccessNote: trace.ToString()); // leak TC1001 generated-api
            logger.LogRideaccessSlowRequestEvent(route, elapsedMs, rideaccessRiderId: riderId is null ? default : pseudonymizer.PseudonymizeRideaccessRiderId(riderId)); // clean precision-pseudonym
        }

        if (context.Response.StatusCode >= 500)
        {
            _lastFailed = trace;
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"planner {context.Response.StatusCode} on {route}"); // clean strings
        }

        if (riderId is not null && route == "/riders/me/favourites")
        {
            Activity.Current?.SetTag(RideaccessAttributes.RiderEmail, context.User.Email); // leak TC1001 generated-api
            Activity.Current?.SetTag("planner.rider_email_domain", context.User.Email?.Split('@')[^1]); // clean precision-about
        }

        meter.CreateRideaccessRequestsCounter().Add(1, route, context.Response.StatusCode, rideaccessUaFamily: UserAgentFamily.Of(context.Request.Headers.UserAgent)); // clean precision-about
    }

    public void DescribeLastFailure()
    {
        logger.LogInformation("Last failed plan {CorrelationId} on {Route}", _lastFailed?.CorrelationId, _lastFailed?.Route); // clean cross-member
        logger.LogInformation("Last failed plan {Trace}", _lastFailed); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 8801, Level = LogLevel.Information, Message = "Plan {Route} {Status} in {ElapsedMs} ms (from {FromLength} chars, to {ToLength} chars)")]
    private static partial void PlanServed(ILogger logger, string route, int status, double elapsedMs, int fromLength, int toLength);
}

public sealed record PlannerRequestTrace(string CorrelationId, string Route, int Status, double ElapsedMs, string? From, string? To);

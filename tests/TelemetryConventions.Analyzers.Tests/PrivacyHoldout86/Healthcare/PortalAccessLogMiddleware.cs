namespace PrivacyHoldout86.Healthcare;

/// <summary>
/// Access log of the patient portal API. Its routes: <c>/api/patients/{nhsNumber}/appointments</c>,
/// <c>/api/patients/{nhsNumber}/prescriptions/{prescriptionId}</c>, <c>/api/practices/{odsCode}/slots?date=</c>
/// and the reception desk's <c>/api/search/patients?email=&amp;dob=</c>. The portal's own pages live under
/// <c>/patients/{nhsNumber}/…</c>, so a referrer from the portal carries the NHS number.
/// </summary>
public sealed partial class PortalAccessLogMiddleware(
    ILogger<PortalAccessLogMiddleware> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : IMiddleware
{
    private static readonly Meter PortalMeter = new("Portal.AccessLog", "2.3.0");
    private static readonly Counter<long> RequestCounter = PortalMeter.CreateCounter<long>("portal.access.requests");
    private static readonly Histogram<double> Latency = PortalMeter.CreateHistogram<double>("portal.access.latency", "ms");

    private static readonly TimeSpan SlowBudget = TimeSpan.FromMilliseconds(800);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var correlationId = Correlation.IdOf(context);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = correlationId, ["TraceId"] = Activity.Current?.TraceId.ToHexString() }); // clean precision-about

        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var request = context.Request;
            var status = context.Response.StatusCode;
            var template = PathNormalizer.Template(context);
            var nhsNumber = request.RouteValues.TryGetValue("nhsNumber", out var routeValue) ? routeValue as string : null;

            logger.LogInformation("HTTP {Method} {Path}{Query} responded {StatusCode} in {ElapsedMs:0.0} ms", request.Method, request.Path, request.QueryString, status, elapsed.TotalMilliseconds); // leak TC1001 direct
            logger.LogInformation("HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms", request.Method, template, status, elapsed.TotalMilliseconds); // clean precision-about

            var span = Activity.Current.EnrichCareaccessRequest(template, request.Method); // clean generated-api
            span.SetCareaccessStatus(status); // clean generated-api
            span.SetCareaccessDuration(elapsed.TotalMilliseconds); // clean generated-api
            span.SetCareaccessClientNetwork(IpMask.Truncate(context.Connection.RemoteIpAddress)); // clean precision-about
            span.SetCareaccessUaFamily(UserAgentFamily.Of(request.Headers.UserAgent)); // clean precision-about
            span.SetCareaccessCorrelationId(correlationId); // clean generated-api

            if (nhsNumber is not null)
            {
                span.SetCareaccessPatientId(pseudonymizer.PseudonymizeCareaccessPatientId(nhsNumber)); // clean precision-pseudonym
                Activity.Current?.SetTag("portal.patient.nhs_number", nhsNumber); // leak TC1001 direct
                RequestCounter.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeCareaccessPatientId(nhsNumber))); // leak TC1003 precision-pseudonym
            }

            RequestCounter.Add(1, new("route", template), new("status", status), new("method", request.Method)); // clean precision-about
            Latency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("route", template)); // clean precision-about
            meter.CreateCareaccessRequestsCounter().Add(1, template, status); // clean generated-api

            if (elapsed > SlowBudget)
            {
                logger.LogCareaccessSlowRequestEvent(template, elapsed.TotalMilliseconds, careaccessStatus: status); // clean generated-api
                logger.LogCareaccessSlowRequestEvent(template, elapsed.TotalMilliseconds, careaccessNote: $"slow {request.Method} {request.Path}"); // leak TC1001 generated-api
                SlowRequest(logger, template, (long)elapsed.TotalMilliseconds, request.Headers.Referer); // leak TC1001 direct
            }

            if (request.Path.StartsWithSegments("/api/search/patients"))
            {
                logger.LogWarning("Reception search {Query} by {User}", request.QueryString.Value, context.User.Email); // leak TC1001 direct
                logger.LogInformation("Reception search with {ParameterCount} parameters", request.Query.Count); // clean precision-about
            }
        }
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Slow portal request {Route} took {ElapsedMs} ms (referrer {Referrer})")]
    private static partial void SlowRequest(ILogger logger, string route, long elapsedMs, string referrer);
}

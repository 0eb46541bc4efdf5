namespace PrivacyHoldout86.Education;

/// <summary>
/// Request logging of the learning platform's API, sampled one in twenty except for errors and slow
/// requests. Routes: <c>/api/students/{studentNumber}/grades</c> (student numbers look like S2041187),
/// <c>/api/courses/{courseId}/materials/{materialId}</c>, and the staff lookup
/// <c>/api/staff/lookup?studentEmail=</c>.
/// </summary>
public sealed class LearnerApiRequestLog(
    ILogger<LearnerApiRequestLog> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : IMiddleware
{
    private static readonly RequestSampler Sampler = new(oneIn: 20);
    private readonly ConcurrentQueue<RequestLogEntry> _recentErrors = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var watch = Stopwatch.StartNew();
        await next(context);
        watch.Stop();

        var request = context.Request;
        var traceId = Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom();
        var keep = Sampler.ShouldLog(traceId) || context.Response.StatusCode >= 500 || watch.ElapsedMilliseconds > 1500;

        var entry = new RequestLogEntry(
            request.Method,
            request.Path.ToString(),
            request.QueryString.ToString(),
            context.Response.StatusCode,
            watch.Elapsed.TotalMilliseconds,
            request.Headers.UserAgent,
            request.Headers.Referer,
            ForwardedFor.ClientAddress(context),
            Correlation.IdOf(context));

        var summary = new AccessSummary(
            entry.Method,
            PathNormalizer.Template(context),
            entry.StatusCode,
            entry.DurationMs,
            UserAgentFamily.Of(entry.UserAgent),
            IpMask.Truncate(entry.RemoteIp),
            entry.CorrelationId);

        Activity.Current?.SetTag("learn.sampled", keep); // clean precision-about
        Activity.Current?.SetTag("learn.sample_rate", Sampler.OneIn); // clean precision-about
        Activity.Current?.SetTag("learn.trace_id", traceId.ToHexString()); // clean precision-about

        if (!keep)
        {
            return;
        }

        logger.LogInformation("Request {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Request {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("{Method} {Path} {Status} {UserAgent}", entry.Method, entry.Path, entry.StatusCode, entry.UserAgent); // leak TC1001 direct
        logger.LogDebug("User agent {UserAgent} from family {Family}", entry.UserAgent, summary.UserAgentFamily); // clean precision-names

        var span = Activity.Current.EnrichLearnaccessRequest(summary.RouteTemplate, summary.Method); // clean generated-api
        span.SetLearnaccessSampled(keep); // clean generated-api
        span.SetLearnaccessClientNetwork(summary.ClientNetwork); // clean precision-about
        span.SetLearnaccessNote(entry.ToString()); // leak TC1001 generated-api

        if (request.RouteValues.TryGetValue("studentNumber", out var student) && student is string studentNumber)
        {
            span.SetLearnaccessStudentId(pseudonymizer.PseudonymizeLearnaccessStudentId(studentNumber)); // clean precision-pseudonym
            logger.LogInformation("Grades read for {Student} from {Network}", studentNumber, summary.ClientNetwork); // leak TC1001 direct
            meter.CreateLearnaccessRequestsCounter().Add(1, summary.RouteTemplate, summary.StatusCode, learnaccessOutcome: pseudonymizer.ComputeLearnaccessStudentId(studentNumber)); // leak TC1003 precision-pseudonym
        }

        if (request.Query.TryGetValue("studentEmail", out var lookedUp))
        {
            Activity.Current?.SetTag(LearnaccessAttributes.StudentEmail, lookedUp); // leak TC1001 generated-api
            Activity.Current?.SetTag("learn.lookup.by_email", true); // clean precision-about
        }

        if (entry.StatusCode >= 500)
        {
            _recentErrors.Enqueue(entry);
        }

        meter.CreateLearnaccessRequestDurationHistogram().Record(entry.DurationMs, summary.RouteTemplate, learnaccessClientNetwork: summary.ClientNetwork); // clean precision-about
    }

    public void FlushErrorDigest()
    {
        logger.LogWarning("{Count} server errors since last digest", _recentErrors.Count); // clean cross-member
        logger.LogWarning("Server errors since last digest: {Errors}", string.Join("; ", _recentErrors.Select(e => $"{e.Method} {e.Path} from {e.RemoteIp}"))); // leak TC1001 cross-member
        _recentErrors.Clear();
    }
}

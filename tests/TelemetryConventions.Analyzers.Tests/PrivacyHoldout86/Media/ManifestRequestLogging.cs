namespace PrivacyHoldout86.Media;

/// <summary>
/// Request logging of the manifest service. Clients send <c>X-Profile-Id</c> (the viewing profile),
/// <c>X-Device-Id</c> (the subscriber's own device) and <c>X-Client-Version</c>; the manifest query
/// carries <c>token</c>, the viewer's playback token. Sampled by trace id; errors always logged.
/// </summary>
public sealed partial class ManifestRequestLogging(
    ILogger<ManifestRequestLogging> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : IMiddleware
{
    private static readonly RequestSampler Sampler = new(oneIn: 100);

    private static readonly Meter ManifestMeter = new("Stream.Manifests");
    private static readonly Histogram<double> Latency = ManifestMeter.CreateHistogram<double>("stream.manifest.latency", "ms");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var activity = Activity.Current;
        var started = Stopwatch.GetTimestamp();
        var profileId = context.Request.Headers.GetValueOrDefault("X-Profile-Id");
        var deviceId = context.Request.Headers.GetValueOrDefault("X-Device-Id");
        var clientVersion = context.Request.Headers.GetValueOrDefault("X-Client-Version") ?? "unknown";

        activity?.SetTag("client.version", clientVersion); // clean precision-about
        activity?.SetTag("client.device_class", deviceId?[..4]); // clean precision-about
        activity?.SetTag("client.device", deviceId); // leak TC1001 direct
        activity?.SetBaggage("profile", profileId); // leak TC1001 direct
        activity?.SetBaggage("profile.ref", profileId is null ? null : pseudonymizer.ComputeViewaccessSubscriberId(profileId)); // clean precision-pseudonym

        await next(context);

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var route = PathNormalizer.Template(context);
        var status = context.Response.StatusCode;
        var sampled = activity is not null && Sampler.ShouldLog(activity.TraceId);
        activity?.SetTag("manifest.logged", sampled || status >= 500); // clean precision-about

        Latency.Record(elapsedMs, new("route", route), new("status", status), new("client_version", clientVersion)); // clean precision-about
        Latency.Record(elapsedMs, new KeyValuePair<string, object?>("profile_lane", profileId is null ? -1 : Shard.Of(secrets.ShardKey, profileId, 8))); // clean hashes
        Latency.Record(elapsedMs, new KeyValuePair<string, object?>("device_bucket", deviceId is null ? 0 : Math.Abs(deviceId.GetHashCode() % 8))); // leak TC1002 hashes

        if (!sampled && status < 500)
        {
            return;
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}";
        ManifestServed(logger, context.Request.Method, route, status, elapsedMs, activity?.TraceId.ToHexString()); // clean precision-about
        logger.LogInformation("Manifest request {Url}", url); // leak TC1001 strings
        logger.LogInformation("Manifest query had token: {HasToken}", context.Request.Query.ContainsKey("token")); // clean precision-about

        if (status >= 500 && context.Request.Query.TryGetValue("token", out var token))
        {
            activity?.AddEvent(new ActivityEvent("manifest.failed", tags: new ActivityTagsCollection { ["route"] = route, ["token.length"] = token.Length })); // clean precision-about
            activity?.SetStatus(ActivityStatusCode.Error, $"manifest {status} for token {token}"); // leak TC1001 strings
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "{Method} {Route} {Status} {ElapsedMs} ms trace {TraceId}")]
    private static partial void ManifestServed(ILogger logger, string method, string route, int status, double elapsedMs, string? traceId);
}

namespace PrivacyHoldout86.Energy;

/// <summary>
/// Resolves the caller's address behind the supplier's load balancers and the customer app's gateway,
/// and logs requests to the smart-meter API: <c>/api/meters/{meterSerial}/readings</c> (called by the
/// customer app and by home hubs on households' broadband) and <c>/api/tariffs/{tariffCode}</c>.
/// </summary>
public sealed class MeterApiForwardedChain(
    ILogger<MeterApiForwardedChain> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : IMiddleware
{
    private static readonly HashSet<string> TrustedProxies = ["10.20.0.4", "10.20.0.5", "10.20.8.11"];
    private static readonly Meter ApiMeter = new("Grid.MeterApi");
    private static readonly Counter<long> Hops = ApiMeter.CreateCounter<long>("grid.forwarded.hops");
    private static readonly Counter<long> Untrusted = ApiMeter.CreateCounter<long>("grid.forwarded.untrusted");
    private static readonly Histogram<double> Duration = ApiMeter.CreateHistogram<double>("grid.meter_api.duration", "ms");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var forwardedFor = context.Request.Headers.GetValueOrDefault("X-Forwarded-For");
        var chain = ForwardedFor.Parse(forwardedFor);
        var client = chain.Reverse().FirstOrDefault(hop => !TrustedProxies.Contains(hop)) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var proxies = chain.Where(TrustedProxies.Contains).ToList();

        logger.LogDebug("X-Forwarded-For {Chain}", forwardedFor); // leak TC1001 direct
        logger.LogDebug("Forwarded through {Proxies} ({HopCount} hops)", string.Join(",", proxies), chain.Count); // clean precision-about
        Hops.Add(chain.Count, new KeyValuePair<string, object?>("edge", proxies.LastOrDefault() ?? "direct")); // clean precision-about

        foreach (var hop in chain.Where(h => !TrustedProxies.Contains(h)).Skip(1))
        {
            logger.LogWarning("Untrusted hop {Hop} in forwarded chain", hop); // leak TC1001 direct
            Untrusted.Add(1, new KeyValuePair<string, object?>("hop_network", IpMask.Truncate(hop))); // clean precision-about
        }

        Activity.Current?.SetTag("client.address", client); // leak TC1001 direct
        Activity.Current?.SetTag("client.network", IpMask.Truncate(client)); // clean precision-about
        Activity.Current?.SetTag("client.forwarded_hops", chain.Count); // clean precision-about
        Activity.Current?.SetTag("client.address_hash", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(client)))); // leak TC1002 hashes

        var started = Stopwatch.GetTimestamp();
        await next(context);
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var route = PathNormalizer.Template(context);
        var span = Activity.Current.EnrichGridaccessRequest(route, context.Request.Method); // clean generated-api
        span.SetGridaccessStatus(context.Response.StatusCode); // clean generated-api
        span.SetGridaccessClientNetwork(IpMask.Truncate(client)); // clean precision-about
        Duration.Record(elapsedMs, new("route", route), new("status", context.Response.StatusCode)); // clean precision-about

        if (context.Request.RouteValues.TryGetValue("meterSerial", out var serialValue) && serialValue is string meterSerial)
        {
            var isHub = context.Request.Headers.UserAgent.StartsWith("HubFirmware/", StringComparison.Ordinal);
            span.SetGridaccessNote($"meter {meterSerial} via {(isHub ? "hub" : "app")}"); // leak TC1001 generated-api
            span.SetGridaccessUaFamily(isHub ? "hub" : UserAgentFamily.Of(context.Request.Headers.UserAgent)); // clean precision-about
            logger.LogInformation("Readings served for meter model {Model} in {ElapsedMs} ms", meterSerial[..3], elapsedMs); // clean precision-about
            logger.LogInformation("Readings for {Meter} to {Client}", meterSerial, client); // leak TC1001 direct
            Duration.Record(elapsedMs, new KeyValuePair<string, object?>("meter_lane", Shard.Of(secrets.ShardKey, meterSerial, 16))); // clean hashes
            Duration.Record(elapsedMs, new KeyValuePair<string, object?>("meter", meterSerial)); // leak TC1003 direct
        }

        if (context.User.SubjectId is { } accountNumber)
        {
            span.SetGridaccessAccountId(pseudonymizer.PseudonymizeGridaccessAccountId(accountNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag(GridaccessAttributes.AccountEmail, pseudonymizer.ComputeGridaccessAccountId(context.User.Email ?? accountNumber)); // leak TC1001 precision-pseudonym
        }
    }
}

namespace PrivacyHoldout104.Media;

/// <summary>
/// Broadcastr serves each broadcaster's white-label player on the broadcaster's own domain
/// (<c>watch.northsound.tv</c>) or on <c>{broadcaster}.broadcastr.tv</c>; the host resolves the
/// broadcaster, whose settings say how many streams a subscriber may watch at once.
/// </summary>
public sealed class BroadcasterHostResolver(
    IMultiTenantStore<TenantInfo> broadcasters,
    ITenantSettingsStore settings,
    Pseudonymizer pseudonymizer,
    ILogger<BroadcasterHostResolver> logger)
{
    private static readonly ActivitySource Source = new("Broadcastr.Edge");
    private static readonly Meter Meter = new("Broadcastr.Edge");
    private static readonly BroadcastrResolutionDurationHistogram Resolution = Meter.CreateBroadcastrResolutionDurationHistogram();
    private static readonly Counter<long> StreamLimitHits = Meter.CreateCounter<long>("broadcastr.stream_limit.hits");

    private readonly ConcurrentDictionary<string, string> _customDomains = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TenantInfo?> ResolveAsync(TenantRequest request, int activeStreams)
    {
        var started = Stopwatch.GetTimestamp();
        var identifier = _customDomains.TryGetValue(request.Host, out var mapped) ? mapped : await new HostStrategy("__tenant__.broadcastr.tv").GetIdentifierAsync(request);
        var broadcaster = identifier is null ? null : await broadcasters.TryGetByIdentifierAsync(identifier);
        Resolution.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "host", broadcaster is null ? "unknown_tenant" : "resolved"); // clean generated-api
        if (broadcaster is null)
        {
            logger.LogInformation("Unknown host {Host} (custom domain: {Custom})", request.Host, mapped is not null); // clean precision-names
            return null;
        }

        using var span = Source.StartBroadcastrTenantRequest(broadcaster.Id, "host");
        span.SetBroadcastrTenantRegion(broadcaster.Region); // clean generated-api
        var subscriberId = request.User.FindFirst("sub")?.Value;
        var deviceId = request.Headers.TryGetValue("X-Device-Id", out var device) ? device : null;
        span.Activity?.SetTag("broadcastr.device.class", request.Headers.TryGetValue("X-Device-Class", out var deviceClass) ? deviceClass : "unknown"); // clean precision-about
        span.Activity?.SetTag("broadcastr.device.id", deviceId); // leak TC1001 direct
        if (subscriberId is null)
        {
            return broadcaster;
        }

        span.Activity?.SetTag("broadcastr.subscriber.id", pseudonymizer.ComputeBroadcastrSubscriberId(subscriberId)); // clean precision-pseudonym
        Baggage.SetBaggage("broadcastr.subscriber", subscriberId); // leak TC1001 direct
        var broadcasterSettings = await settings.GetAsync(broadcaster.Id);
        var maxStreams = int.Parse(broadcasterSettings["playback.max_streams"] ?? "2", CultureInfo.InvariantCulture);
        if (activeStreams >= maxStreams)
        {
            var quota = new TenantQuotaExceededException(broadcaster.Id, "concurrent_streams", maxStreams, activeStreams + 1);
            span.RecordException(quota, includeMessage: true).SetBroadcastrOutcome("stream_limit"); // clean exceptions
            StreamLimitHits.Add(1, new KeyValuePair<string, object?>("broadcastr.tenant.id", broadcaster.Id), new KeyValuePair<string, object?>("max_streams", maxStreams)); // clean precision-names
            logger.LogInformation("Subscriber {SubscriberId} at stream limit {Max} on {Broadcaster}", subscriberId, maxStreams, broadcaster.Name); // leak TC1001 direct
            logger.LogBroadcastrTenantDeniedEvent(broadcaster.Id, "stream_limit", broadcastrNote: $"{activeStreams} of {maxStreams} streams"); // clean generated-api
            return null;
        }

        var profile = request.Headers.TryGetValue("X-Profile-Name", out var profileName) ? profileName : null;
        span.SetBroadcastrNote($"profile {profile}"); // leak TC1001 generated-api
        span.SetBroadcastrOutcome("resolved");
        return broadcaster;
    }

    public void MapCustomDomain(string host, string broadcasterIdentifier)
    {
        _customDomains[host] = broadcasterIdentifier;
        Activity.Current?.SetTag("broadcastr.custom_domain", host); // clean precision-names
    }
}

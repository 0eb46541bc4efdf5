namespace PrivacyHoldout76.Media;

/// <summary>
/// Mirrors playback-manifest requests to the rewritten manifest service. The route is
/// <c>GET /v1/manifest/{titleId}?profile={profileId}&amp;device={deviceId}</c>; the answer lists the
/// renditions with CDN URLs signed with the viewer's playback token. Heartbeats
/// (<c>POST /v1/heartbeats</c>) carry the subscriber's id, the profile and the position in the body.
/// </summary>
public sealed class ManifestShadowing(IShadowSender shadow, ShardKey shardKey, Pseudonymizer pseudonymizer, Meter meter, ILogger<ManifestShadowing> logger)
{
    private const string ShadowHost = "manifest-v2-shadow.play.internal";
    private static readonly ActivitySource Source = new("Stream.Manifest.Shadow");
    private readonly Counter<long> _mismatches = meter.CreateCounter<long>("manifest.shadow.mismatches");
    private MirroredRequest? _lastMismatch;

    public async Task MirrorAsync(IncomingRequest request, Guid subscriberId, int primaryStatus, string primaryBody, CancellationToken ct)
    {
        var sampled = HMACSHA256.HashData(shardKey.Key, subscriberId.ToByteArray())[0] < 13;
        var legacySampled = Math.Abs(subscriberId.GetHashCode()) % 20 == 0;
        using var activity = Source.StartActivity("manifest.shadow", ActivityKind.Client);
        activity?.SetTag("shadow.sampled", sampled); // clean hashes
        activity?.SetTag("shadow.legacy_sampled", legacySampled); // leak TC1002 hashes
        if (!sampled)
        {
            return;
        }

        var mirrored = MirroredRequest.From(request, ShadowHost);
        activity?.SetTag("shadow.route", mirrored.RouteTemplate);
        activity?.SetTag("shadow.url", mirrored.ToString()); // leak TC1001 strings
        activity?.SetTag("shadow.query.length", mirrored.Query.Length); // clean precision-about
        activity?.SetTag("shadow.title", request.RouteValues.GetValueOrDefault("titleId")); // clean precision-about
        activity?.SetTag("shadow.profile", QueryString.Get(mirrored.Query, "profile")); // leak TC1001 direct
        if (mirrored.Body is { } body)
        {
            logger.LogDebug("Mirrored heartbeat {Body}", body); // leak TC1001 direct
        }
        activity?.EnrichPlayopsProbe("shadow:manifest") // clean generated-api
            .SetPlayopsSubscriberId(pseudonymizer.PseudonymizePlayopsSubscriberId(subscriberId.ToString())); // clean precision-pseudonym

        ShadowResponse answer;
        try
        {
            answer = await shadow.SendAsync(mirrored, ct);
        }
        catch (TaskCanceledException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }
        meter.CreatePlayopsCanaryLatencyHistogram().Record(answer.Elapsed.TotalSeconds, "manifest-v2", "shadow");

        var differences = JsonDiff.Compare(primaryBody, answer.Body);
        if (differences.Count == 0 && answer.Status == primaryStatus)
        {
            return;
        }
        activity?.SetTag("shadow.diff.count", differences.Count);
        activity?.SetTag("shadow.diff.paths", string.Join(",", differences.Select(d => d.JsonPath))); // clean precision-about
        activity?.AddEvent(new ActivityEvent("shadow.diff", tags: new ActivityTagsCollection { ["first"] = differences.FirstOrDefault()?.ToString() })); // leak TC1001 logging-objects
        _mismatches.Add(1, new KeyValuePair<string, object?>("route", mirrored.RouteTemplate), new KeyValuePair<string, object?>("status", answer.Status));
        _mismatches.Add(1, new KeyValuePair<string, object?>("subscriber", subscriberId)); // leak TC1003 direct
        _lastMismatch = mirrored;
    }

    public void ReportLastMismatch()
    {
        if (_lastMismatch is { } last)
        {
            logger.LogInformation("Last manifest mismatch: {Request}", last); // leak TC1001 cross-member
            logger.LogInformation("Last manifest mismatch on {Route}", last.RouteTemplate); // clean precision-about
        }
    }
}

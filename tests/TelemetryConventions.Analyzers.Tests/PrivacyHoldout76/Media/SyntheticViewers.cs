namespace PrivacyHoldout76.Media;

/// <summary>A support ticket's request to trace one subscriber's playback verbosely until a deadline.</summary>
public sealed record SupportTraceRequest(string TicketId, string SubscriberEmail, Guid SubscriberId, DateTimeOffset Until);

/// <summary>
/// Synthetic viewers: one registered synthetic account per territory starts a title every five
/// minutes. Their profiles are called "Probe Viewer GB", "Probe Viewer IE", …; their playback tokens
/// are issued to the synthetic accounts.
/// </summary>
public sealed class SyntheticViewerProbe(ProbeHttpClient http, ISecretReader secrets, Meter meter, ILogger<SyntheticViewerProbe> logger)
{
    private static readonly ActivitySource Source = new("Stream.Probes.Viewer");

    public async Task RunAsync(string territory, string version, CancellationToken ct)
    {
        var account = new SyntheticAccount($"syn-viewer-{territory.ToLowerInvariant()}-01", $"syn-viewer-{territory.ToLowerInvariant()}-01@probes.play.example", $"Probe Viewer {territory}");
        using var span = Source.StartPlayopsProbe("playback-start")
            .SetPlayopsSyntheticAccount(account.AccountId) // clean precision-about
            .SetPlayopsTerritory(territory)
            .SetPlayopsDeployVersion(version);
        logger.LogInformation("Probe account {Account}", account); // clean logging-objects

        await http.SignInAsync(account.Login, await secrets.ReadAsync($"viewer-probe-{territory}", ct), ct);
        var run = new ProbeRun("playback-start", account.AccountId);
        var manifest = await http.GetAsync("manifest", "/v1/manifest/tt-0042?profile=syn-profile-01&device=syn-device-01", ct);
        run.Steps.Add(manifest);
        span.Activity?.SetTag("probe.manifest.url", manifest.Path); // clean precision-about
        try
        {
            ProbeAssert.BodyContains("playback-start", manifest, "\"drm\":\"widevine\"");
            run.Passed = true;
        }
        catch (ProbeAssertionException ex)
        {
            logger.LogWarning(ex, "Synthetic viewer failed in {Territory}", territory); // clean exceptions
            logger.LogPlayopsProbeFailedEvent("playback-start", "fail:assertion", playopsNote: ex.Actual); // clean generated-api
        }
        logger.LogInformation("Probe run {Run}", run); // clean logging-objects
        meter.CreatePlayopsProbeRunsCounter().Add(1, "playback-start", run.Passed ? "pass" : "fail", version);
    }
}

/// <summary>Turns on verbose playback tracing for the subscribers named in open support tickets.</summary>
public sealed class SupportTracing(Pseudonymizer pseudonymizer, ILogger<SupportTracing> logger)
{
    private readonly List<SupportTraceRequest> _requests = [];

    public void Add(SupportTraceRequest request)
    {
        _requests.Add(request);
        logger.LogInformation("Sampling up {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Sampling up ticket {TicketId} until {Until}", request.TicketId, request.Until); // clean precision-about
    }

    public void OnPlaybackStart(Guid subscriberId, string email)
    {
        var request = _requests.FirstOrDefault(r => r.SubscriberId == subscriberId && r.Until > DateTimeOffset.UtcNow);
        if (request is null)
        {
            return;
        }
        var activity = Activity.Current;
        activity?.SetTag("debug.ticket", request.TicketId); // clean precision-about
        activity?.SetTag("debug.subscriber", request.SubscriberEmail); // leak TC1001 cross-member
        activity?.SetTag(PlayopsAttributes.SubscriberEmail, email); // leak TC1001 generated-api
        activity?.SetTag("debug.subscriber.domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(PlayopsAttributes.SubscriberId, pseudonymizer.ComputePlayopsSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        activity?.AddBaggage("debug.subscriber_id", subscriberId.ToString()); // leak TC1001 direct
    }

    public void LogOpenRequests() =>
        logger.LogInformation("Open trace requests: {Subscribers}", string.Join(",", _requests.Select(r => r.SubscriberEmail))); // leak TC1001 cross-member
}

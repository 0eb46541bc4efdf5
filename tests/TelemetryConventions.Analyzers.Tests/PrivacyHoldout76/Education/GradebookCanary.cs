namespace PrivacyHoldout76.Education;

public sealed class GradebookCanaryOptions
{
    public int TrafficPercent { get; init; } = 5;

    /// <summary>Teachers who volunteered to use every canary of the gradebook, by their staff email.</summary>
    public IReadOnlyList<string> PinnedTesters { get; init; } = ["r.campbell@northfield.ac.example", "p.nowak@northfield.ac.example"];

    public IReadOnlyDictionary<string, double> Tolerances { get; init; } = new Dictionary<string, double>
    {
        ["http.server.5xx_rate"] = 0.10,
        ["http.server.p99_seconds"] = 0.20,
        ["gradebook.save.failures"] = 0.0,
    };
}

/// <summary>Runs the canary analysis of each rollout step of the gradebook service.</summary>
public sealed class GradebookCanaryAnalysis(ICanaryMetrics metrics, IRolloutController rollout, GradebookCanaryOptions options, Meter meter, ILogger<GradebookCanaryAnalysis> logger)
{
    private static readonly ActivitySource Source = new("College.Gradebook.Canary");
    private readonly Histogram<double> _compared = meter.CreateHistogram<double>("gradebook.canary.metric");

    public async Task<bool> RunStepAsync(CanaryStep step, CancellationToken ct)
    {
        using var span = Source.StartLmsopsCanary(step.CanaryVersion, step.Index)
            .SetLmsopsTenant("URN-140321");
        span.Activity?.SetTag("canary.baseline", step.BaselineVersion);
        span.Activity?.SetTag("canary.traffic_percent", step.TrafficPercent);

        var comparisons = await CanaryJudge.CompareAsync(metrics, step, options.Tolerances, ct);
        try
        {
            foreach (var comparison in comparisons)
            {
                _compared.Record(comparison.Canary, new KeyValuePair<string, object?>("metric", comparison.Metric), new KeyValuePair<string, object?>("version", step.CanaryVersion)); // clean precision-about
                _compared.Record(comparison.Baseline, new KeyValuePair<string, object?>("metric", comparison.Metric), new KeyValuePair<string, object?>("version", step.BaselineVersion));
                span.Activity?.AddEvent(new ActivityEvent("canary.compare", tags: new ActivityTagsCollection { ["metric"] = comparison.Metric, ["baseline"] = comparison.Baseline, ["canary"] = comparison.Canary })); // clean precision-about
                if (!comparison.Passed)
                {
                    throw new CanaryAbortException(step, comparison);
                }
            }
        }
        catch (CanaryAbortException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetLmsopsOutcome("aborted").SetLmsopsNote(ex.Message); // clean exceptions
            logger.LogError(ex, "Canary {Version} aborted at step {Step}", step.CanaryVersion, step.Index);
            await rollout.RollbackAsync(step, ex.Message, ct);
            return false;
        }

        logger.LogInformation("Canary step {Step} passed: {Comparisons}", step, string.Join("; ", comparisons)); // clean logging-objects
        span.SetLmsopsOutcome("promoted");
        await rollout.PromoteAsync(step, ct);
        return true;
    }
}

/// <summary>Decides, per request, whether a student's gradebook calls go to the canary.</summary>
public sealed class GradebookCanaryRouter(ShardKey shardKey, GradebookCanaryOptions options, Meter meter, ILogger<GradebookCanaryRouter> logger)
{
    private readonly Counter<long> _routed = meter.CreateCounter<long>("gradebook.canary.routed");

    public bool RouteToCanary(string studentNumber, string? staffEmail, string canaryVersion)
    {
        var activity = Activity.Current;
        var bucket = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(studentNumber))[0] % 100;
        activity?.SetTag("canary.bucket", bucket); // clean hashes

        // The bucket the router used before the shard key existed, kept on the span to compare cohorts.
        var legacyBucket = Math.Abs(studentNumber.GetHashCode()) % 100;
        activity?.SetTag("canary.legacy_bucket", legacyBucket); // leak TC1002 hashes

        var pinned = staffEmail is not null && options.PinnedTesters.Contains(staffEmail, StringComparer.OrdinalIgnoreCase);
        if (pinned)
        {
            logger.LogInformation("Pinned tester {Email} routed to canary {Version}", staffEmail, canaryVersion); // leak TC1001 direct
        }
        var routed = pinned || bucket < options.TrafficPercent;
        activity?.SetTag("canary.pinned", pinned); // clean precision-about
        activity?.SetTag("canary.routed", routed);
        _routed.Add(1, new KeyValuePair<string, object?>("version", routed ? canaryVersion : "baseline"), new KeyValuePair<string, object?>("cohort", bucket / 10)); // clean hashes
        _routed.Add(1, new KeyValuePair<string, object?>("version", canaryVersion), new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 direct
        meter.CreateLmsopsCanaryLatencyHistogram().Record(0, routed ? canaryVersion : "baseline", pinned ? "pinned" : "sampled");
        return routed;
    }

    public void LogPinnedTesters() =>
        logger.LogInformation("Pinned canary testers: {Testers}", string.Join(", ", options.PinnedTesters)); // leak TC1001 cross-member
}

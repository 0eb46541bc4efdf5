namespace PrivacyHoldout76.Transport;

public sealed record PlannerQuery(Guid QueryId, string TypedText, string FromStopId, string ToStopId, DateTimeOffset DepartAfter);

public sealed record PlannedJourney(string RouteId, int Changes, TimeSpan Duration);

public interface IJourneyPlanner
{
    Task<IReadOnlyList<PlannedJourney>> PlanAsync(PlannerQuery query, string version, CancellationToken cancellationToken);
}

/// <summary>
/// Canary of the journey planner: at each step the canary and the baseline plan the same sample of
/// live queries and the plans are compared; metrics come from the metrics backend by version.
/// Riders in the beta programme are pinned to the canary by their account email.
/// </summary>
public sealed class JourneyPlannerCanary(IJourneyPlanner planner, ICanaryMetrics metrics, IRolloutController rollout, Meter meter, ILogger<JourneyPlannerCanary> logger)
{
    private static readonly ActivitySource Source = new("Transit.Planner.Canary");
    private static readonly IReadOnlyDictionary<string, double> Tolerances = new Dictionary<string, double> { ["planner.p99_seconds"] = 0.2, ["planner.no_journey_rate"] = 0.05 };
    private readonly Counter<long> _planDiffs = meter.CreateCounter<long>("planner.canary.plan_diffs");

    public IReadOnlyList<string> BetaRiders { get; init; } = [];

    public async Task<bool> RunStepAsync(CanaryStep step, IReadOnlyList<PlannerQuery> sample, CancellationToken ct)
    {
        using var span = Source.StartTransitopsCanary(step.CanaryVersion, step.Index) // clean generated-api
            .SetTransitopsOperator("northbus");
        span.Activity?.SetTag("canary.sample.size", sample.Count);
        span.Activity?.SetTag("canary.beta_riders", BetaRiders.Count); // clean precision-about

        foreach (var query in sample)
        {
            var baseline = await planner.PlanAsync(query, step.BaselineVersion, ct);
            var canary = await planner.PlanAsync(query, step.CanaryVersion, ct);
            if (baseline.Select(j => j.RouteId).SequenceEqual(canary.Select(j => j.RouteId)))
            {
                continue;
            }
            _planDiffs.Add(1, new KeyValuePair<string, object?>("version", step.CanaryVersion), new KeyValuePair<string, object?>("from", query.FromStopId)); // clean precision-about
            logger.LogInformation("Plans differ for {QueryId} from {From} to {To}: {Baseline} vs {Canary}", query.QueryId, query.FromStopId, query.ToStopId, string.Join(",", baseline.Select(j => j.RouteId)), string.Join(",", canary.Select(j => j.RouteId))); // clean precision-about
            logger.LogInformation("Plans differ for '{Typed}'", query.TypedText); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("plan.diff", tags: new ActivityTagsCollection { ["query"] = query.ToString() })); // leak TC1001 logging-objects
        }

        var comparisons = await CanaryJudge.CompareAsync(metrics, step, Tolerances, ct);
        foreach (var comparison in comparisons)
        {
            meter.CreateTransitopsCanaryLatencyHistogram().Record(comparison.Canary, step.CanaryVersion, comparison.Metric);
        }
        if (comparisons.FirstOrDefault(c => !c.Passed) is { } failed)
        {
            var abort = new CanaryAbortException(step, failed);
            span.RecordException(abort, includeMessage: true); // clean exceptions
            span.SetTransitopsNote(abort.Message); // clean generated-api
            await rollout.RollbackAsync(step, abort.Message, ct);
            return false;
        }
        await rollout.PromoteAsync(step, ct);
        return true;
    }

    public bool IsPinned(string riderEmail)
    {
        var pinned = BetaRiders.Contains(riderEmail, StringComparer.OrdinalIgnoreCase);
        Activity.Current?.SetTag("canary.pinned", pinned);
        if (pinned)
        {
            Activity.Current?.SetTag("canary.pinned.rider", riderEmail); // leak TC1001 direct
        }
        return pinned;
    }

    public void LogBetaRiders() =>
        logger.LogInformation("Beta riders pinned to the canary: {Riders}", BetaRiders); // leak TC1001 cross-member
}

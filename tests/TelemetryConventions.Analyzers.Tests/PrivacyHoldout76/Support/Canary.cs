namespace Canarykit;

// The release team's canary analysis kit. A rollout sends a share of traffic to the canary version
// and compares its metrics with the baseline's, metric by metric, at each step. What prints what:
// - CanaryStep and MetricComparison are positional records of versions, percentages and numbers.
// - CanaryAbortException's message quotes the canary version, the step, the metric and the two values.

public sealed record CanaryStep(int Index, int TrafficPercent, string BaselineVersion, string CanaryVersion);

public sealed record MetricComparison(string Metric, double Baseline, double Canary, double Tolerance)
{
    public bool Passed => Canary <= Baseline * (1 + Tolerance) + 1e-9;
}

public sealed class CanaryAbortException(CanaryStep step, MetricComparison failed)
    : Exception($"Canary {step.CanaryVersion} aborted at step {step.Index} ({step.TrafficPercent}%): {failed.Metric} {failed.Canary:0.###} against {failed.Baseline:0.###} on {step.BaselineVersion}")
{
    public CanaryStep Step { get; } = step;

    public MetricComparison Failed { get; } = failed;
}

/// <summary>Queries the metrics backend for one metric of one version over the step's window.</summary>
public interface ICanaryMetrics
{
    Task<double> QueryAsync(string metric, string version, CancellationToken cancellationToken);
}

public interface IRolloutController
{
    Task PromoteAsync(CanaryStep step, CancellationToken cancellationToken);

    Task RollbackAsync(CanaryStep step, string reason, CancellationToken cancellationToken);
}

public static class CanaryJudge
{
    public static async Task<IReadOnlyList<MetricComparison>> CompareAsync(ICanaryMetrics metrics, CanaryStep step, IReadOnlyDictionary<string, double> tolerances, CancellationToken cancellationToken)
    {
        var results = new List<MetricComparison>();
        foreach (var (metric, tolerance) in tolerances)
        {
            var baseline = await metrics.QueryAsync(metric, step.BaselineVersion, cancellationToken);
            var canary = await metrics.QueryAsync(metric, step.CanaryVersion, cancellationToken);
            results.Add(new MetricComparison(metric, baseline, canary, tolerance));
        }
        return results;
    }
}

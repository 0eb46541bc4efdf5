namespace Flagkit;

// The feature flag client the services share (OpenFeature-style). What prints what:
// - EvaluationContext is a positional record: it prints its targeting key and the type name of its
//   attributes.
// - FlagEvaluation prints the flag key, the variant, the reason and the value.
// - KillSwitch is a positional record: it prints the flag, whether it is engaged, the reason, who
//   flipped it and when.
// - GuardrailBreachException's message quotes the experiment, the metric and the two arms' values.

public sealed record EvaluationContext(string TargetingKey, IReadOnlyDictionary<string, string> Attributes);

public sealed record FlagEvaluation(string FlagKey, string Variant, string Reason, bool Value);

public interface IFlagClient
{
    FlagEvaluation Evaluate(string flagKey, EvaluationContext context, bool defaultValue);
}

/// <summary>A kill switch flipped from the operations console; FlippedBy is the engineer's login (their work email).</summary>
public sealed record KillSwitch(string FlagKey, bool Engaged, string Reason, string FlippedBy, DateTimeOffset FlippedAt);

public interface IKillSwitchStore
{
    Task<KillSwitch?> GetAsync(string flagKey, CancellationToken cancellationToken);
}

public sealed class GuardrailBreachException(string experiment, string metric, double control, double treatment)
    : Exception($"Experiment {experiment} breached guardrail {metric}: treatment {treatment:0.####} against control {control:0.####}")
{
    public string Experiment { get; } = experiment;

    public string Metric { get; } = metric;
}

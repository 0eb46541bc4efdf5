namespace ExperimentKit;

// An experimentation SDK in the shape of Optimizely's and Statsig's: a user with an id and custom attributes,
// deterministic bucketing into a variation, a decision with its reasons, and the exposure record the SDK
// writes to the experiment platform's event pipeline (not telemetry), from which analysts compute the results.

/// <summary>The unit bucketed. A class: printed, it is its type's name.</summary>
public sealed class ExperimentUser(string userId)
{
    public string UserId { get; } = userId;

    public Dictionary<string, object> Attributes { get; } = new();
}

/// <summary>A decision: the experiment, the variation, the rule and whether the user is in the experiment. Prints its members.</summary>
public sealed record Variation(string ExperimentKey, string VariationKey, string RuleId, bool InExperiment);

/// <summary>
/// The exposure the SDK sends when a decision is used: which unit saw which variation. A positional record: printed,
/// it writes out every member, the unit's id among them.
/// </summary>
public sealed record ExposureRecord(string ExperimentKey, string VariationKey, string UnitId, string UnitType, DateTimeOffset ExposedAt);

/// <summary>
/// Why a decision was made, as Optimizely's decide reasons put it: the message quotes the user's id
/// (<c>User "S1234567" is in variation "treatment" of experiment "next-activity-diversity".</c>). Prints its members.
/// </summary>
public sealed record DecisionReason(string Code, string Message);

public interface IExperimentClient
{
    Variation Decide(string experimentKey, ExperimentUser user);

    IReadOnlyList<DecisionReason> Reasons(string experimentKey, ExperimentUser user);
}

/// <summary>The experiment platform's exposure pipeline (not telemetry).</summary>
public interface IExposureSink
{
    void Record(ExposureRecord exposure);
}

/// <summary>A misconfigured experiment (no traffic allocated, unknown variation); names the experiment.</summary>
public sealed class ExperimentConfigException(string experimentKey, string reason)
    : Exception($"Experiment '{experimentKey}' is misconfigured: {reason}")
{
    public string ExperimentKey { get; } = experimentKey;
}

using System.Collections.Generic;

namespace PrivacyHoldout16.Support.LaunchDarkly;

// Stand-ins for a LaunchDarkly-style server SDK: a context keyed by the user, and variation details.

public readonly record struct Context(string Kind, string Key, string? Name, IReadOnlyDictionary<string, string> Custom)
{
    public static ContextBuilder Builder(string key) => new(key);

    public override string ToString() => $"Context(kind={Kind}, key={Key}, name={Name})";
}

public sealed class ContextBuilder(string key)
{
    private string _kind = "user";
    private string? _name;
    private readonly Dictionary<string, string> _custom = new();

    public ContextBuilder Kind(string kind)
    {
        _kind = kind;
        return this;
    }

    public ContextBuilder Name(string name)
    {
        _name = name;
        return this;
    }

    public ContextBuilder Set(string attribute, string value)
    {
        _custom[attribute] = value;
        return this;
    }

    public Context Build() => new(_kind, key, _name, _custom);
}

public enum EvaluationReasonKind
{
    Off,
    Fallthrough,
    TargetMatch,
    RuleMatch,
    PrerequisiteFailed,
    Error,
}

public readonly record struct EvaluationReason(EvaluationReasonKind Kind, int? RuleIndex, string? RuleId, bool InExperiment);

public readonly record struct EvaluationDetail<T>(T Value, int? VariationIndex, EvaluationReason Reason);

public interface ILdClient
{
    EvaluationDetail<string> StringVariationDetail(string key, Context context, string defaultValue);

    bool BoolVariation(string key, Context context, bool defaultValue = false);

    void Track(string eventName, Context context, double? metricValue = null);
}

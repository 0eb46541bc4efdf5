namespace LaunchDarkly.Sdk
{
    /// <summary>
    /// A LaunchDarkly evaluation context: a kind, a key and optional attributes. As the SDK's, its
    /// <c>ToString</c> is its JSON form, with the key, the name and every custom attribute.
    /// </summary>
    public readonly struct Context
    {
        private readonly IReadOnlyDictionary<string, string> _attributes;

        internal Context(string kind, string key, string? name, bool anonymous, IReadOnlyDictionary<string, string> attributes)
        {
            Kind = kind;
            Key = key;
            Name = name;
            Anonymous = anonymous;
            _attributes = attributes;
        }

        public string Kind { get; }

        public string Key { get; }

        public string? Name { get; }

        public bool Anonymous { get; }

        public string FullyQualifiedKey => Kind == "user" ? Key : $"{Kind}:{Key}";

        public IEnumerable<string> OptionalAttributeNames => _attributes.Keys;

        public string? GetValue(string attribute) => _attributes.TryGetValue(attribute, out var v) ? v : null;

        public static Context New(string kind, string key) => new(kind, key, null, false, new Dictionary<string, string>());

        public static ContextBuilder Builder(string key) => new(key);

        public override string ToString() =>
            "{\"kind\":\"" + Kind + "\",\"key\":\"" + Key + "\"" + (Name is null ? "" : ",\"name\":\"" + Name + "\"") +
            string.Concat(_attributes.Select(a => ",\"" + a.Key + "\":\"" + a.Value + "\"")) + "}";
    }

    public sealed class ContextBuilder(string key)
    {
        private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);
        private string _kind = "user";
        private string? _name;
        private bool _anonymous;

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

        public ContextBuilder Anonymous(bool anonymous)
        {
            _anonymous = anonymous;
            return this;
        }

        public ContextBuilder Set(string attribute, string value)
        {
            _attributes[attribute] = value;
            return this;
        }

        public Context Build() => new(_kind, key, _name, _anonymous, _attributes);
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

    public readonly record struct EvaluationReason(EvaluationReasonKind Kind, int RuleIndex, string? RuleId, bool InExperiment, string? ErrorKind);

    /// <summary>What was served: the value, the variation's index and the reason.</summary>
    public readonly record struct EvaluationDetail<T>(T Value, int? VariationIndex, EvaluationReason Reason)
    {
        public bool IsDefaultValue => VariationIndex is null;
    }
}

namespace LaunchDarkly.Sdk.Server
{
    public sealed class FlagChangeEvent(string key) : EventArgs
    {
        public string Key { get; } = key;
    }

    public sealed class FlagValueChangeEvent(string key, string oldValue, string newValue) : EventArgs
    {
        public string Key { get; } = key;

        public string OldValue { get; } = oldValue;

        public string NewValue { get; } = newValue;
    }

    public interface IFlagTracker
    {
        event EventHandler<FlagChangeEvent>? FlagChanged;

        EventHandler<FlagChangeEvent> FlagValueChangeHandler(string flagKey, Context context, EventHandler<FlagValueChangeEvent> handler);
    }

    public sealed class FeatureFlagsState
    {
        public bool Valid { get; init; }

        public IReadOnlyDictionary<string, string> ToValuesJsonMap() => new Dictionary<string, string>();
    }

    public interface ILdClient
    {
        bool Initialized { get; }

        IFlagTracker FlagTracker { get; }

        bool BoolVariation(string key, Context context, bool defaultValue = false);

        EvaluationDetail<bool> BoolVariationDetail(string key, Context context, bool defaultValue);

        EvaluationDetail<string> StringVariationDetail(string key, Context context, string defaultValue);

        int IntVariation(string key, Context context, int defaultValue = 0);

        FeatureFlagsState AllFlagsState(Context context);

        void Track(string eventName, Context context);

        void Identify(Context context);
    }
}

namespace LaunchDarkly.Webhooks
{
    /// <summary>A member of the LaunchDarkly account, as the audit log's webhook payload carries it.</summary>
    public sealed record AuditMember(string Id, string Email, string? FirstName, string? LastName);

    public sealed record AuditAccess(string Action, string Resource);

    /// <summary>
    /// An audit log entry posted to the team's webhook. <c>Title</c> and <c>Description</c> are
    /// LaunchDarkly's sentences, which start with the member's name ("Ana Ortiz turned on …").
    /// </summary>
    public sealed record AuditLogEntry(string Id, long Date, string Kind, string Name, string Title, string TitleVerb, string Description, string ShortDescription, AuditMember Member, IReadOnlyList<AuditAccess> Accesses)
    {
        public string? Comment { get; init; }

        public string? Target { get; init; }
    }
}

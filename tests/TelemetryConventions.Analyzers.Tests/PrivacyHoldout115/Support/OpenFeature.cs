namespace OpenFeature.Model
{
    /// <summary>A value in an evaluation context (OpenFeature's structure, reduced).</summary>
    public sealed class Value
    {
        private readonly object? _inner;

        public Value(string value) => _inner = value;

        public Value(bool value) => _inner = value;

        public Value(int value) => _inner = value;

        public Value(double value) => _inner = value;

        public bool IsString => _inner is string;

        public string? AsString => _inner as string;

        public bool? AsBoolean => _inner as bool?;

        public int? AsInteger => _inner as int?;

        public object? AsObject => _inner;
    }

    /// <summary>
    /// The attributes a flag is evaluated against. Like OpenFeature's, it is a class without a
    /// <c>ToString</c> of its own.
    /// </summary>
    public sealed class EvaluationContext
    {
        private readonly Dictionary<string, Value> _values;

        internal EvaluationContext(string? targetingKey, Dictionary<string, Value> values)
        {
            TargetingKey = targetingKey;
            _values = values;
        }

        public static EvaluationContext Empty { get; } = new(null, new Dictionary<string, Value>());

        public string? TargetingKey { get; }

        public int Count => _values.Count;

        public IEnumerable<string> Keys => _values.Keys;

        public bool ContainsKey(string key) => _values.ContainsKey(key);

        public Value GetValue(string key) => _values[key];

        public IReadOnlyDictionary<string, Value> AsDictionary() => _values;

        public static EvaluationContextBuilder Builder() => new();
    }

    public sealed class EvaluationContextBuilder
    {
        private readonly Dictionary<string, Value> _values = new(StringComparer.Ordinal);
        private string? _targetingKey;

        public EvaluationContextBuilder SetTargetingKey(string targetingKey)
        {
            _targetingKey = targetingKey;
            return this;
        }

        public EvaluationContextBuilder Set(string key, string value)
        {
            _values[key] = new Value(value);
            return this;
        }

        public EvaluationContextBuilder Set(string key, bool value)
        {
            _values[key] = new Value(value);
            return this;
        }

        public EvaluationContextBuilder Set(string key, int value)
        {
            _values[key] = new Value(value);
            return this;
        }

        public EvaluationContext Build() => new(_targetingKey, new Dictionary<string, Value>(_values));
    }

    public static class Reason
    {
        public const string Static = "STATIC";
        public const string Default = "DEFAULT";
        public const string TargetingMatch = "TARGETING_MATCH";
        public const string Split = "SPLIT";
        public const string Cached = "CACHED";
        public const string Disabled = "DISABLED";
        public const string Error = "ERROR";
    }

    public enum ErrorType
    {
        None,
        ProviderNotReady,
        FlagNotFound,
        ParseError,
        TypeMismatch,
        General,
        InvalidContext,
        TargetingKeyMissing,
        ProviderFatal,
    }

    /// <summary>The result of an evaluation, as a record of what was served and why.</summary>
    public sealed record FlagEvaluationDetails<T>(string FlagKey, T Value, ErrorType ErrorType, string? Reason, string? Variant, string? ErrorMessage = null)
    {
        public IReadOnlyDictionary<string, object> FlagMetadata { get; init; } = new Dictionary<string, object>();
    }

    public sealed record ClientMetadata(string? Name, string? Version);

    public sealed record Metadata(string? Name);

    public enum FlagValueType
    {
        Boolean,
        String,
        Number,
        Object,
    }

    public sealed class HookContext<T>
    {
        public required string FlagKey { get; init; }

        public required T DefaultValue { get; init; }

        public FlagValueType FlagValueType { get; init; }

        public required EvaluationContext EvaluationContext { get; init; }

        public ClientMetadata ClientMetadata { get; init; } = new(null, null);

        public Metadata ProviderMetadata { get; init; } = new(null);
    }
}

namespace OpenFeature.Error
{
    using OpenFeature.Model;

    /// <summary>What a provider throws; its message is the provider's text about the flag and the failure.</summary>
    public class FeatureProviderException(ErrorType errorType, string? message = null, Exception? inner = null) : Exception(message, inner)
    {
        public ErrorType ErrorType { get; } = errorType;
    }

    public sealed class FlagNotFoundException(string message) : FeatureProviderException(ErrorType.FlagNotFound, message);

    public sealed class TargetingKeyMissingException(string message) : FeatureProviderException(ErrorType.TargetingKeyMissing, message);
}

namespace OpenFeature
{
    using OpenFeature.Model;

    public abstract class Hook
    {
        public virtual ValueTask<EvaluationContext> BeforeAsync<T>(HookContext<T> context, IReadOnlyDictionary<string, object>? hints = null, CancellationToken cancellationToken = default) =>
            new(EvaluationContext.Empty);

        public virtual ValueTask AfterAsync<T>(HookContext<T> context, FlagEvaluationDetails<T> details, IReadOnlyDictionary<string, object>? hints = null, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        public virtual ValueTask ErrorAsync<T>(HookContext<T> context, Exception error, IReadOnlyDictionary<string, object>? hints = null, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        public virtual ValueTask FinallyAsync<T>(HookContext<T> context, FlagEvaluationDetails<T> details, IReadOnlyDictionary<string, object>? hints = null, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;
    }

    public interface IFeatureClient
    {
        Task<bool> GetBooleanValueAsync(string flagKey, bool defaultValue, EvaluationContext? context = null, CancellationToken cancellationToken = default);

        Task<FlagEvaluationDetails<bool>> GetBooleanDetailsAsync(string flagKey, bool defaultValue, EvaluationContext? context = null, CancellationToken cancellationToken = default);

        Task<FlagEvaluationDetails<string>> GetStringDetailsAsync(string flagKey, string defaultValue, EvaluationContext? context = null, CancellationToken cancellationToken = default);

        Task<int> GetIntegerValueAsync(string flagKey, int defaultValue, EvaluationContext? context = null, CancellationToken cancellationToken = default);

        void AddHooks(Hook hook);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;

namespace PrivacyHoldout16.Support.OpenFeature;

// Stand-ins for the OpenFeature .NET SDK's shapes: an evaluation context with a targeting key,
// evaluation details, and hooks around each evaluation.

public sealed class Value
{
    public Value(string text) => AsString = text;

    public Value(bool flag) => AsBoolean = flag;

    public Value(double number) => AsDouble = number;

    public string? AsString { get; }

    public bool? AsBoolean { get; }

    public double? AsDouble { get; }

    public override string ToString() => AsString ?? AsBoolean?.ToString() ?? AsDouble?.ToString() ?? string.Empty;
}

public sealed class EvaluationContext
{
    internal EvaluationContext(string? targetingKey, ImmutableDictionary<string, Value> attributes)
    {
        TargetingKey = targetingKey;
        Attributes = attributes;
    }

    public string? TargetingKey { get; }

    public ImmutableDictionary<string, Value> Attributes { get; }

    public int Count => Attributes.Count;

    public Value GetValue(string key) => Attributes[key];

    public bool ContainsKey(string key) => Attributes.ContainsKey(key);

    public static EvaluationContextBuilder Builder() => new();

    public IDictionary<string, Value> AsDictionary() => Attributes;
}

public sealed class EvaluationContextBuilder
{
    private string? _targetingKey;
    private readonly ImmutableDictionary<string, Value>.Builder _attributes = ImmutableDictionary.CreateBuilder<string, Value>();

    public EvaluationContextBuilder SetTargetingKey(string targetingKey)
    {
        _targetingKey = targetingKey;
        return this;
    }

    public EvaluationContextBuilder Set(string key, string value)
    {
        _attributes[key] = new Value(value);
        return this;
    }

    public EvaluationContextBuilder Set(string key, bool value)
    {
        _attributes[key] = new Value(value);
        return this;
    }

    public EvaluationContextBuilder Set(string key, double value)
    {
        _attributes[key] = new Value(value);
        return this;
    }

    public EvaluationContext Build() => new(_targetingKey, _attributes.ToImmutable());
}

public enum ErrorType
{
    None,
    ProviderNotReady,
    FlagNotFound,
    ParseError,
    TypeMismatch,
    TargetingKeyMissing,
    General,
}

public static class Reason
{
    public const string Static = "STATIC";
    public const string Default = "DEFAULT";
    public const string TargetingMatch = "TARGETING_MATCH";
    public const string Split = "SPLIT";
    public const string Error = "ERROR";
}

public sealed record FlagEvaluationDetails<T>(string FlagKey, T Value, ErrorType ErrorType, string? Reason, string? Variant, string? ErrorMessage = null);

public sealed class HookContext<T>(string flagKey, T defaultValue, EvaluationContext evaluationContext, string providerName)
{
    public string FlagKey { get; } = flagKey;

    public T DefaultValue { get; } = defaultValue;

    public EvaluationContext EvaluationContext { get; } = evaluationContext;

    public string ProviderName { get; } = providerName;
}

public abstract class Hook
{
    public virtual ValueTask<EvaluationContext> BeforeAsync<T>(HookContext<T> context, IReadOnlyDictionary<string, object>? hints = null) =>
        ValueTask.FromResult(context.EvaluationContext);

    public virtual ValueTask AfterAsync<T>(HookContext<T> context, FlagEvaluationDetails<T> details, IReadOnlyDictionary<string, object>? hints = null) =>
        ValueTask.CompletedTask;

    public virtual ValueTask ErrorAsync<T>(HookContext<T> context, Exception error, IReadOnlyDictionary<string, object>? hints = null) =>
        ValueTask.CompletedTask;

    public virtual ValueTask FinallyAsync<T>(HookContext<T> context, FlagEvaluationDetails<T> details, IReadOnlyDictionary<string, object>? hints = null) =>
        ValueTask.CompletedTask;
}

public interface IFeatureClient
{
    Task<bool> GetBooleanValueAsync(string flagKey, bool defaultValue, EvaluationContext? context = null);

    Task<FlagEvaluationDetails<bool>> GetBooleanDetailsAsync(string flagKey, bool defaultValue, EvaluationContext? context = null);

    Task<FlagEvaluationDetails<string>> GetStringDetailsAsync(string flagKey, string defaultValue, EvaluationContext? context = null);

    void AddHooks(Hook hook);
}

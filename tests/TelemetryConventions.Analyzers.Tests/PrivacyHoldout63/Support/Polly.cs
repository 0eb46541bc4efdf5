using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

// Stand-ins for Polly: the v8 resilience pipelines (retry, circuit breaker, timeout, fallback,
// hedging, their callback arguments, the registry and the telemetry options with metering
// enrichers) and the v7 policies some services still use (Context, WaitAndRetry, CircuitBreaker,
// Fallback). Only the shapes matter.

namespace Polly
{
    public readonly record struct ResiliencePropertyKey<TValue>(string Key);

    /// <summary>A property bag that travels with one execution; Polly itself never exports it.</summary>
    public sealed class ResilienceProperties
    {
        private readonly Dictionary<string, object?> _values = new();

        public void Set<TValue>(ResiliencePropertyKey<TValue> key, TValue value) => _values[key.Key] = value;

        public bool TryGetValue<TValue>(ResiliencePropertyKey<TValue> key, out TValue value)
        {
            if (_values.TryGetValue(key.Key, out var stored) && stored is TValue typed)
            {
                value = typed;
                return true;
            }

            value = default!;
            return false;
        }

        public TValue GetValue<TValue>(ResiliencePropertyKey<TValue> key, TValue defaultValue) =>
            TryGetValue(key, out var value) ? value : defaultValue;
    }

    public sealed class ResilienceContext
    {
        /// <summary>The operation key: Polly's telemetry writes it into its logs and as the <c>operation.key</c> tag of its metrics.</summary>
        public string? OperationKey { get; internal set; }

        public CancellationToken CancellationToken { get; internal set; }

        public ResilienceProperties Properties { get; } = new();
    }

    public sealed class ResilienceContextPool
    {
        public static ResilienceContextPool Shared { get; } = new();

        public ResilienceContext Get(string? operationKey = null, CancellationToken cancellationToken = default) =>
            new() { OperationKey = operationKey, CancellationToken = cancellationToken };

        public ResilienceContext Get(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };

        public void Return(ResilienceContext context)
        {
        }
    }

    public readonly struct Outcome<TResult>
    {
        public TResult? Result { get; init; }

        public Exception? Exception { get; init; }

        public override string ToString() => Exception?.Message ?? Result?.ToString() ?? string.Empty;
    }

    public static class Outcome
    {
        public static Outcome<TResult> FromResult<TResult>(TResult result) => new() { Result = result };

        public static ValueTask<Outcome<TResult>> FromResultAsValueTask<TResult>(TResult result) => new(new Outcome<TResult> { Result = result });

        public static Outcome<TResult> FromException<TResult>(Exception exception) => new() { Exception = exception };
    }

    public sealed class PredicateBuilder<TResult>
    {
        public PredicateBuilder<TResult> Handle<TException>()
            where TException : Exception => this;

        public PredicateBuilder<TResult> Handle<TException>(Func<TException, bool> predicate)
            where TException : Exception => this;

        public PredicateBuilder<TResult> HandleResult(Func<TResult, bool> predicate) => this;

        public static implicit operator Func<Retry.RetryPredicateArguments<TResult>, ValueTask<bool>>(PredicateBuilder<TResult> builder) => _ => new(true);

        public static implicit operator Func<CircuitBreaker.CircuitBreakerPredicateArguments<TResult>, ValueTask<bool>>(PredicateBuilder<TResult> builder) => _ => new(true);

        public static implicit operator Func<Fallback.FallbackPredicateArguments<TResult>, ValueTask<bool>>(PredicateBuilder<TResult> builder) => _ => new(true);

        public static implicit operator Func<Hedging.HedgingPredicateArguments<TResult>, ValueTask<bool>>(PredicateBuilder<TResult> builder) => _ => new(true);
    }

    public sealed class PredicateBuilder
    {
        public PredicateBuilder Handle<TException>()
            where TException : Exception => this;

        public static implicit operator Func<Retry.RetryPredicateArguments<object>, ValueTask<bool>>(PredicateBuilder builder) => _ => new(true);

        public static implicit operator Func<CircuitBreaker.CircuitBreakerPredicateArguments<object>, ValueTask<bool>>(PredicateBuilder builder) => _ => new(true);
    }

    public class ResiliencePipeline
    {
        public static ResiliencePipeline Empty { get; } = new();

        public ValueTask<TResult> ExecuteAsync<TResult>(Func<ResilienceContext, ValueTask<TResult>> callback, ResilienceContext context) =>
            callback(context);

        public ValueTask<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> callback, CancellationToken cancellationToken = default) =>
            callback(cancellationToken);

        public ValueTask ExecuteAsync(Func<ResilienceContext, ValueTask> callback, ResilienceContext context) => callback(context);

        public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> callback, CancellationToken cancellationToken = default) => callback(cancellationToken);
    }

    public sealed class ResiliencePipeline<TResult>
    {
        public ValueTask<TResult> ExecuteAsync(Func<ResilienceContext, ValueTask<TResult>> callback, ResilienceContext context) =>
            callback(context);

        public ValueTask<TResult> ExecuteAsync(Func<CancellationToken, ValueTask<TResult>> callback, CancellationToken cancellationToken = default) =>
            callback(cancellationToken);
    }

    public sealed class ResiliencePipelineBuilder
    {
        public string? Name { get; set; }

        public ResiliencePipelineBuilder AddRetry(Retry.RetryStrategyOptions options) => this;

        public ResiliencePipelineBuilder AddTimeout(Timeout.TimeoutStrategyOptions options) => this;

        public ResiliencePipelineBuilder AddTimeout(TimeSpan timeout) => this;

        public ResiliencePipelineBuilder AddCircuitBreaker(CircuitBreaker.CircuitBreakerStrategyOptions options) => this;

        public ResiliencePipelineBuilder ConfigureTelemetry(Telemetry.TelemetryOptions options) => this;

        public ResiliencePipelineBuilder ConfigureTelemetry(ILoggerFactory loggerFactory) => this;

        public ResiliencePipeline Build() => new();
    }

    public sealed class ResiliencePipelineBuilder<TResult>
    {
        public string? Name { get; set; }

        public ResiliencePipelineBuilder<TResult> AddRetry(Retry.RetryStrategyOptions<TResult> options) => this;

        public ResiliencePipelineBuilder<TResult> AddTimeout(Timeout.TimeoutStrategyOptions options) => this;

        public ResiliencePipelineBuilder<TResult> AddTimeout(TimeSpan timeout) => this;

        public ResiliencePipelineBuilder<TResult> AddCircuitBreaker(CircuitBreaker.CircuitBreakerStrategyOptions<TResult> options) => this;

        public ResiliencePipelineBuilder<TResult> AddFallback(Fallback.FallbackStrategyOptions<TResult> options) => this;

        public ResiliencePipelineBuilder<TResult> AddHedging(Hedging.HedgingStrategyOptions<TResult> options) => this;

        public ResiliencePipelineBuilder<TResult> ConfigureTelemetry(Telemetry.TelemetryOptions options) => this;

        public ResiliencePipeline<TResult> Build() => new();
    }

    public enum DelayBackoffType
    {
        Constant,
        Linear,
        Exponential,
    }

    // ---- Polly v7 ----

    /// <summary>The v7 execution context: a dictionary that travels with one execution to the policies' delegates.</summary>
    public class Context : IDictionary<string, object>
    {
        private readonly Dictionary<string, object> _items = new(StringComparer.Ordinal);

        public Context()
        {
        }

        public Context(string operationKey) => OperationKey = operationKey;

        public Context(string operationKey, IDictionary<string, object> contextData)
            : this(operationKey)
        {
            foreach (var pair in contextData)
            {
                _items[pair.Key] = pair.Value;
            }
        }

        public string? OperationKey { get; }

        public Guid CorrelationId { get; } = Guid.NewGuid();

        public string? PolicyKey { get; internal set; }

        public object this[string key]
        {
            get => _items[key];
            set => _items[key] = value;
        }

        public ICollection<string> Keys => _items.Keys;

        public ICollection<object> Values => _items.Values;

        public int Count => _items.Count;

        public bool IsReadOnly => false;

        public void Add(string key, object value) => _items.Add(key, value);

        public void Add(KeyValuePair<string, object> item) => _items.Add(item.Key, item.Value);

        public void Clear() => _items.Clear();

        public bool Contains(KeyValuePair<string, object> item) => _items.ContainsKey(item.Key);

        public bool ContainsKey(string key) => _items.ContainsKey(key);

        public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object>>)_items).CopyTo(array, arrayIndex);

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _items.GetEnumerator();

        public bool Remove(string key) => _items.Remove(key);

        public bool Remove(KeyValuePair<string, object> item) => _items.Remove(item.Key);

        public bool TryGetValue(string key, out object value) => _items.TryGetValue(key, out value!);

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
    }

    public interface IAsyncPolicy
    {
        string PolicyKey { get; }

        Task ExecuteAsync(Func<Context, Task> action, Context context);

        Task<TResult> ExecuteAsync<TResult>(Func<Context, Task<TResult>> action, Context context);
    }

    public abstract class AsyncPolicy : IAsyncPolicy
    {
        public string PolicyKey { get; private set; } = "policy";

        public AsyncPolicy WithPolicyKey(string policyKey)
        {
            PolicyKey = policyKey;
            return this;
        }

        public Task ExecuteAsync(Func<Context, Task> action, Context context) => action(context);

        public Task<TResult> ExecuteAsync<TResult>(Func<Context, Task<TResult>> action, Context context) => action(context);

        public AsyncPolicy WrapAsync(IAsyncPolicy inner) => this;
    }

    public sealed class PolicyBuilder
    {
        public PolicyBuilder Or<TException>()
            where TException : Exception => this;

        public PolicyBuilder Or<TException>(Func<TException, bool> predicate)
            where TException : Exception => this;

        public AsyncPolicy WaitAndRetryAsync(int retryCount, Func<int, TimeSpan> sleepDurationProvider, Action<Exception, TimeSpan, int, Context> onRetry) =>
            new Retry.AsyncRetryPolicy();

        public AsyncPolicy WaitAndRetryAsync(int retryCount, Func<int, TimeSpan> sleepDurationProvider, Func<Exception, TimeSpan, int, Context, Task> onRetryAsync) =>
            new Retry.AsyncRetryPolicy();

        public CircuitBreaker.AsyncCircuitBreakerPolicy CircuitBreakerAsync(int exceptionsAllowedBeforeBreaking, TimeSpan durationOfBreak, Action<Exception, TimeSpan, Context> onBreak, Action<Context> onReset, Action onHalfOpen) =>
            new();

        public AsyncPolicy FallbackAsync(Func<Context, CancellationToken, Task> fallbackAction, Func<Exception, Context, Task> onFallbackAsync) =>
            new Fallback.AsyncFallbackPolicy();
    }

    public static class Policy
    {
        public static PolicyBuilder Handle<TException>()
            where TException : Exception => new();

        public static PolicyBuilder Handle<TException>(Func<TException, bool> predicate)
            where TException : Exception => new();

        public static AsyncPolicy WrapAsync(params IAsyncPolicy[] policies) => new Wrap.AsyncPolicyWrap();

        public static AsyncPolicy TimeoutAsync(TimeSpan timeout, Func<Context, TimeSpan, Task, Task> onTimeoutAsync) => new Timeout.AsyncTimeoutPolicy();
    }
}

namespace Polly.Wrap
{
    public sealed class AsyncPolicyWrap : AsyncPolicy;
}

namespace Polly.Retry
{
    public sealed class AsyncRetryPolicy : AsyncPolicy;

    public readonly struct OnRetryArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }

        public int AttemptNumber { get; init; }

        public TimeSpan RetryDelay { get; init; }

        public TimeSpan Duration { get; init; }
    }

    public class RetryStrategyOptions<TResult>
    {
        public string? Name { get; set; }

        public int MaxRetryAttempts { get; set; } = 3;

        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

        public TimeSpan? MaxDelay { get; set; }

        public DelayBackoffType BackoffType { get; set; }

        public bool UseJitter { get; set; }

        public Func<RetryPredicateArguments<TResult>, ValueTask<bool>>? ShouldHandle { get; set; }

        public Func<OnRetryArguments<TResult>, ValueTask>? OnRetry { get; set; }
    }

    public sealed class RetryStrategyOptions : RetryStrategyOptions<object>;

    public readonly struct RetryPredicateArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }

        public int AttemptNumber { get; init; }
    }
}

namespace Polly.Timeout
{
    public sealed class AsyncTimeoutPolicy : AsyncPolicy;

    public readonly struct OnTimeoutArguments
    {
        public ResilienceContext Context { get; init; }

        public TimeSpan Timeout { get; init; }
    }

    public class TimeoutStrategyOptions
    {
        public string? Name { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        public Func<OnTimeoutArguments, ValueTask>? OnTimeout { get; set; }
    }

    /// <summary>Thrown when a pipeline's timeout cancels a call: "The operation didn't complete within the allowed timeout of '…'."</summary>
    public sealed class TimeoutRejectedException(TimeSpan timeout)
        : Exception($"The operation didn't complete within the allowed timeout of '{timeout}'.")
    {
        public TimeSpan Timeout { get; } = timeout;
    }
}

namespace Polly.CircuitBreaker
{
    public sealed class AsyncCircuitBreakerPolicy : AsyncPolicy
    {
        public CircuitState CircuitState { get; } = CircuitState.Closed;

        public Exception? LastException { get; }

        public void Isolate()
        {
        }

        public void Reset()
        {
        }
    }

    public enum CircuitState
    {
        Closed,
        Open,
        HalfOpen,
        Isolated,
    }

    public readonly struct OnCircuitOpenedArguments<TResult>
    {
        public ResilienceContext Context { get; init; }

        public Outcome<TResult> Outcome { get; init; }

        public TimeSpan BreakDuration { get; init; }

        public bool IsManual { get; init; }
    }

    public readonly struct OnCircuitClosedArguments<TResult>
    {
        public ResilienceContext Context { get; init; }

        public Outcome<TResult> Outcome { get; init; }

        public bool IsManual { get; init; }
    }

    public readonly struct OnCircuitHalfOpenedArguments
    {
        public ResilienceContext Context { get; init; }
    }

    public class CircuitBreakerStrategyOptions<TResult>
    {
        public string? Name { get; set; }

        public double FailureRatio { get; set; } = 0.1;

        public int MinimumThroughput { get; set; } = 100;

        public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

        public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

        public CircuitBreakerStateProvider? StateProvider { get; set; }

        public CircuitBreakerManualControl? ManualControl { get; set; }

        public Func<CircuitBreakerPredicateArguments<TResult>, ValueTask<bool>>? ShouldHandle { get; set; }

        public Func<OnCircuitOpenedArguments<TResult>, ValueTask>? OnOpened { get; set; }

        public Func<OnCircuitClosedArguments<TResult>, ValueTask>? OnClosed { get; set; }

        public Func<OnCircuitHalfOpenedArguments, ValueTask>? OnHalfOpened { get; set; }
    }

    public sealed class CircuitBreakerStrategyOptions : CircuitBreakerStrategyOptions<object>;

    public readonly struct CircuitBreakerPredicateArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }
    }

    public sealed class CircuitBreakerStateProvider
    {
        public CircuitState CircuitState { get; internal set; } = CircuitState.Closed;
    }

    public sealed class CircuitBreakerManualControl
    {
        public bool IsIsolated { get; private set; }

        public Task IsolateAsync(CancellationToken cancellationToken = default)
        {
            IsIsolated = true;
            return Task.CompletedTask;
        }

        public Task CloseAsync(CancellationToken cancellationToken = default)
        {
            IsIsolated = false;
            return Task.CompletedTask;
        }
    }

    /// <summary>Thrown while the circuit is open: "The circuit is now open and is not allowing calls."</summary>
    public class BrokenCircuitException() : Exception("The circuit is now open and is not allowing calls.")
    {
        public TimeSpan? RetryAfter { get; init; }
    }

    /// <summary>Thrown while the circuit is isolated: "The circuit is manually held open and is not allowing calls."</summary>
    public sealed class IsolatedCircuitException() : Exception("The circuit is manually held open and is not allowing calls.");
}

namespace Polly.Fallback
{
    public sealed class AsyncFallbackPolicy : AsyncPolicy;

    public readonly struct FallbackPredicateArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }
    }

    public readonly struct FallbackActionArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }
    }

    public readonly struct OnFallbackArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }
    }

    public class FallbackStrategyOptions<TResult>
    {
        public string? Name { get; set; }

        public Func<FallbackPredicateArguments<TResult>, ValueTask<bool>>? ShouldHandle { get; set; }

        public Func<FallbackActionArguments<TResult>, ValueTask<Outcome<TResult>>>? FallbackAction { get; set; }

        public Func<OnFallbackArguments<TResult>, ValueTask>? OnFallback { get; set; }
    }
}

namespace Polly.Hedging
{
    public readonly struct HedgingPredicateArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }
    }

    public readonly struct HedgingActionGeneratorArguments<TResult>
    {
        public ResilienceContext PrimaryContext { get; init; }

        public ResilienceContext ActionContext { get; init; }

        public int AttemptNumber { get; init; }

        public Func<ResilienceContext, ValueTask<Outcome<TResult>>> Callback { get; init; }
    }

    public readonly struct OnHedgingArguments<TResult>
    {
        public ResilienceContext PrimaryContext { get; init; }

        public ResilienceContext ActionContext { get; init; }

        public int AttemptNumber { get; init; }
    }

    public class HedgingStrategyOptions<TResult>
    {
        public string? Name { get; set; }

        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

        public int MaxHedgedAttempts { get; set; } = 1;

        public Func<HedgingPredicateArguments<TResult>, ValueTask<bool>>? ShouldHandle { get; set; }

        public Func<HedgingActionGeneratorArguments<TResult>, Func<ValueTask<Outcome<TResult>>>?>? ActionGenerator { get; set; }

        public Func<OnHedgingArguments<TResult>, ValueTask>? OnHedging { get; set; }
    }
}

namespace Polly.Telemetry
{
    public enum ResilienceEventSeverity
    {
        None,
        Debug,
        Information,
        Warning,
        Error,
        Critical,
    }

    public readonly record struct ResilienceEvent(ResilienceEventSeverity Severity, string EventName);

    public sealed class ResilienceTelemetrySource(string? pipelineName, string? pipelineInstanceName, string? strategyName)
    {
        public string? PipelineName { get; } = pipelineName;

        public string? PipelineInstanceName { get; } = pipelineInstanceName;

        public string? StrategyName { get; } = strategyName;
    }

    public readonly struct TelemetryEventArguments<TResult, TArgs>
    {
        public ResilienceTelemetrySource Source { get; init; }

        public ResilienceEvent Event { get; init; }

        public ResilienceContext Context { get; init; }

        public TArgs Arguments { get; init; }

        public Outcome<TResult>? Outcome { get; init; }
    }

    /// <summary>What a metering enricher sees: the tags are added to Polly's <c>resilience.polly.strategy.events</c> counter.</summary>
    public readonly struct EnrichmentContext<TResult, TArgs>
    {
        public TelemetryEventArguments<TResult, TArgs> TelemetryEvent { get; init; }

        public IList<KeyValuePair<string, object?>> Tags { get; init; }
    }

    public abstract class MeteringEnricher
    {
        public abstract void Enrich<TResult, TArgs>(in EnrichmentContext<TResult, TArgs> context);
    }

    public sealed class TelemetryOptions
    {
        public ILoggerFactory? LoggerFactory { get; set; }

        public ICollection<MeteringEnricher> MeteringEnrichers { get; } = new List<MeteringEnricher>();

        public Func<ResilienceEvent, ResilienceEventSeverity>? SeverityProvider { get; set; }
    }
}

namespace Polly.Registry
{
    public abstract class ResiliencePipelineProvider<TKey>
        where TKey : notnull
    {
        public abstract ResiliencePipeline GetPipeline(TKey key);

        public abstract ResiliencePipeline<TResult> GetPipeline<TResult>(TKey key);
    }

    public sealed class AddResiliencePipelineContext<TKey>
    {
        public required TKey PipelineKey { get; init; }

        public required IServiceProvider ServiceProvider { get; init; }
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    using Polly;
    using Polly.Registry;

    public static class PollyServiceCollectionExtensions
    {
        public static IServiceCollection AddResiliencePipeline<TKey>(this IServiceCollection services, TKey key, Action<ResiliencePipelineBuilder, AddResiliencePipelineContext<TKey>> configure)
            where TKey : notnull => services;

        public static IServiceCollection AddResiliencePipeline<TKey, TResult>(this IServiceCollection services, TKey key, Action<ResiliencePipelineBuilder<TResult>, AddResiliencePipelineContext<TKey>> configure)
            where TKey : notnull => services;
    }
}

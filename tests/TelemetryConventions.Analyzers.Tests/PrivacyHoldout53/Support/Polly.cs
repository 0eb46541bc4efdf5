using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Polly v8 (resilience pipelines, their strategies and callback arguments) and for
// Microsoft.Extensions.Http.Resilience. Only the shapes matter.

namespace Polly
{
    public readonly record struct ResiliencePropertyKey<TValue>(string Key);

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
        public string? OperationKey { get; internal set; }

        public CancellationToken CancellationToken { get; internal set; }

        public ResilienceProperties Properties { get; } = new();
    }

    public sealed class ResilienceContextPool
    {
        public static ResilienceContextPool Shared { get; } = new();

        public ResilienceContext Get(string? operationKey = null, CancellationToken cancellationToken = default) =>
            new() { OperationKey = operationKey, CancellationToken = cancellationToken };

        public void Return(ResilienceContext context)
        {
        }
    }

    public readonly struct Outcome<TResult>
    {
        public TResult? Result { get; init; }

        public Exception? Exception { get; init; }
    }

    public sealed class PredicateBuilder<TResult>
    {
        public PredicateBuilder<TResult> Handle<TException>()
            where TException : Exception => this;

        public PredicateBuilder<TResult> HandleResult(Func<TResult, bool> predicate) => this;
    }

    public class ResiliencePipeline
    {
        public ValueTask<TResult> ExecuteAsync<TResult>(Func<ResilienceContext, ValueTask<TResult>> callback, ResilienceContext context) =>
            callback(context);

        public ValueTask<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> callback, CancellationToken cancellationToken = default) =>
            callback(cancellationToken);
    }

    public sealed class ResiliencePipeline<TResult>
    {
        public ValueTask<TResult> ExecuteAsync(Func<ResilienceContext, ValueTask<TResult>> callback, ResilienceContext context) =>
            callback(context);
    }

    public sealed class ResiliencePipelineBuilder
    {
        public ResiliencePipelineBuilder AddRetry(Retry.RetryStrategyOptions options) => this;

        public ResiliencePipelineBuilder AddTimeout(Timeout.TimeoutStrategyOptions options) => this;

        public ResiliencePipelineBuilder AddCircuitBreaker(CircuitBreaker.CircuitBreakerStrategyOptions options) => this;

        public ResiliencePipeline Build() => new();
    }

    public sealed class ResiliencePipelineBuilder<TResult>
    {
        public ResiliencePipelineBuilder<TResult> AddRetry(Retry.RetryStrategyOptions<TResult> options) => this;

        public ResiliencePipelineBuilder<TResult> AddTimeout(Timeout.TimeoutStrategyOptions options) => this;

        public ResiliencePipelineBuilder<TResult> AddTimeout(TimeSpan timeout) => this;

        public ResiliencePipelineBuilder<TResult> AddCircuitBreaker(CircuitBreaker.CircuitBreakerStrategyOptions<TResult> options) => this;

        public ResiliencePipeline<TResult> Build() => new();
    }

    public enum DelayBackoffType
    {
        Constant,
        Linear,
        Exponential,
    }
}

namespace Polly.Retry
{
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
        public int MaxRetryAttempts { get; set; } = 3;

        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

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
    }
}

namespace Polly.Timeout
{
    public readonly struct OnTimeoutArguments
    {
        public ResilienceContext Context { get; init; }

        public TimeSpan Timeout { get; init; }
    }

    public class TimeoutStrategyOptions
    {
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
        public double FailureRatio { get; set; } = 0.1;

        public int MinimumThroughput { get; set; } = 100;

        public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

        public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

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

    /// <summary>Thrown while the circuit is open: "The circuit is now open and is not allowing calls."</summary>
    public class BrokenCircuitException() : Exception("The circuit is now open and is not allowing calls.")
    {
        public TimeSpan? RetryAfter { get; init; }
    }
}

namespace Microsoft.Extensions.Http.Resilience
{
    using Polly;

    public sealed class HttpRetryStrategyOptions : Polly.Retry.RetryStrategyOptions<HttpResponseMessage>;

    public sealed class HttpCircuitBreakerStrategyOptions : Polly.CircuitBreaker.CircuitBreakerStrategyOptions<HttpResponseMessage>;

    public sealed class HttpTimeoutStrategyOptions : Polly.Timeout.TimeoutStrategyOptions;

    public sealed class HttpStandardResilienceOptions
    {
        public HttpRetryStrategyOptions Retry { get; set; } = new();

        public HttpCircuitBreakerStrategyOptions CircuitBreaker { get; set; } = new();

        public HttpTimeoutStrategyOptions AttemptTimeout { get; set; } = new();

        public HttpTimeoutStrategyOptions TotalRequestTimeout { get; set; } = new();
    }

    public static class HttpResilienceContextExtensions
    {
        private static readonly ResiliencePropertyKey<HttpRequestMessage?> RequestMessageKey = new("Resilience.Http.RequestMessage");

        /// <summary>The request message the resilience handler is sending, as the handler stores it in the context.</summary>
        public static HttpRequestMessage? GetRequestMessage(this ResilienceContext context) =>
            context.Properties.GetValue(RequestMessageKey, null);

        public static void SetRequestMessage(this ResilienceContext context, HttpRequestMessage? requestMessage) =>
            context.Properties.Set(RequestMessageKey, requestMessage);
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    using Microsoft.Extensions.Http.Resilience;
    using Polly;

    public interface IHttpResiliencePipelineBuilder
    {
        string PipelineName { get; }
    }

    internal sealed class StandInResiliencePipelineBuilder(string name) : IHttpResiliencePipelineBuilder
    {
        public string PipelineName { get; } = name;
    }

    public interface IHttpStandardResiliencePipelineBuilder
    {
        string PipelineName { get; }
    }

    internal sealed class StandInStandardResiliencePipelineBuilder(string name) : IHttpStandardResiliencePipelineBuilder
    {
        public string PipelineName { get; } = name;
    }

    public static class ResilienceHttpClientBuilderExtensions
    {
        public static IHttpResiliencePipelineBuilder AddResilienceHandler(this IHttpClientBuilder builder, string pipelineName, Action<ResiliencePipelineBuilder<HttpResponseMessage>> configure) =>
            new StandInResiliencePipelineBuilder(pipelineName);

        public static IHttpStandardResiliencePipelineBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions> configure) =>
            new StandInStandardResiliencePipelineBuilder(builder.Name + "-standard");
    }
}

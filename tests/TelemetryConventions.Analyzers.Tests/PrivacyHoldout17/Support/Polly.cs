using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Polly
{
    // Stand-ins for Polly: the v7 policy API (Context, WaitAndRetryAsync) and the v8 resilience
    // pipeline (ResilienceContext, properties, OnRetry arguments).

    /// <summary>Polly v7's execution context: a dictionary the caller fills and the policy's callbacks read.</summary>
    public class Context : Dictionary<string, object>
    {
        public Context()
        {
        }

        public Context(string operationKey) => OperationKey = operationKey;

        public Context(string operationKey, IDictionary<string, object> contextData)
            : base(contextData) => OperationKey = operationKey;

        public string? OperationKey { get; }

        public Guid CorrelationId { get; } = Guid.NewGuid();
    }

    public static class Policy
    {
        public static PolicyBuilder Handle<TException>(Func<TException, bool>? exceptionPredicate = null)
            where TException : Exception => new();
    }

    public sealed class PolicyBuilder
    {
        public PolicyBuilder Or<TException>(Func<TException, bool>? exceptionPredicate = null)
            where TException : Exception => this;

        public Retry.AsyncRetryPolicy WaitAndRetryAsync(int retryCount, Func<int, TimeSpan> sleepDurationProvider, Action<Exception, TimeSpan, int, Context> onRetry)
            => new();
    }

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

        public ResilienceContext Get(string? operationKey = null, CancellationToken cancellationToken = default)
            => new() { OperationKey = operationKey, CancellationToken = cancellationToken };

        public void Return(ResilienceContext context)
        {
        }
    }

    public readonly struct Outcome<TResult>
    {
        public TResult? Result { get; init; }

        public Exception? Exception { get; init; }
    }

    public sealed class ResiliencePipeline
    {
        public ValueTask<TResult> ExecuteAsync<TResult>(Func<ResilienceContext, ValueTask<TResult>> callback, ResilienceContext context)
            => callback(context);
    }

    public sealed class ResiliencePipelineBuilder
    {
        public ResiliencePipelineBuilder AddRetry(Retry.RetryStrategyOptions options) => this;

        public ResiliencePipeline Build() => new();
    }
}

namespace Polly.Retry
{
    public sealed class AsyncRetryPolicy
    {
        public Task<TResult> ExecuteAsync<TResult>(Func<Context, Task<TResult>> action, Context context) => action(context);

        public Task ExecuteAsync(Func<Context, Task> action, Context context) => action(context);
    }

    public readonly struct OnRetryArguments<TResult>
    {
        public Outcome<TResult> Outcome { get; init; }

        public ResilienceContext Context { get; init; }

        public int AttemptNumber { get; init; }

        public TimeSpan RetryDelay { get; init; }
    }

    public class RetryStrategyOptions
    {
        public int MaxRetryAttempts { get; set; } = 3;

        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

        public Func<OnRetryArguments<object>, ValueTask>? OnRetry { get; set; }
    }
}

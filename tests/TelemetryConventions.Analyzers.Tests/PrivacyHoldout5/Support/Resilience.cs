using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout5.Support;

// Polly-shaped retry and circuit-breaker stand-ins: callbacks get the outcome, the delay, the
// attempt and a per-execution context dictionary. Only the shapes matter.

public sealed class Context : Dictionary<string, object>
{
    public Context(string operationKey) => OperationKey = operationKey;

    public string OperationKey { get; }
}

public sealed class DelegateResult<T>
{
    public T? Result { get; init; }

    public Exception? Exception { get; init; }
}

public sealed class AsyncPolicy<T>
{
    public Task<T> ExecuteAsync(Func<Context, CancellationToken, Task<T>> action, Context context, CancellationToken cancellationToken) =>
        action(context, cancellationToken);
}

public static class Policy<T>
{
    public static AsyncPolicy<T> WaitAndRetryAsync(int retryCount, Func<int, TimeSpan> sleepDurationProvider,
        Action<DelegateResult<T>, TimeSpan, int, Context> onRetry) => new();

    public static AsyncPolicy<T> CircuitBreakerAsync(int exceptionsAllowedBeforeBreaking, TimeSpan durationOfBreak,
        Action<DelegateResult<T>, TimeSpan, Context> onBreak, Action<Context> onReset) => new();
}

/// <summary>The generic host's hosted-service contract.</summary>
public interface IHostedService
{
    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

// Durable Functions in the isolated worker (Microsoft.DurableTask), reduced to what the apps use.
namespace Microsoft.DurableTask
{
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class OrchestrationTriggerAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ActivityTriggerAttribute : Attribute;

    public abstract class TaskOrchestrationContext
    {
        public abstract TaskName Name { get; }

        public abstract string InstanceId { get; }

        public abstract bool IsReplaying { get; }

        public abstract DateTime CurrentUtcDateTime { get; }

        public abstract T? GetInput<T>();

        public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

        public abstract Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null);

        public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

        public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

        public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

        public abstract void SetCustomStatus(object? customStatus);

        public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

        public ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLoggerStandIn();

        public ILogger CreateReplaySafeLogger<T>() => new ReplaySafeLoggerStandIn();

        private sealed class ReplaySafeLoggerStandIn : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => false;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }

    public readonly record struct TaskName(string Name)
    {
        public static implicit operator TaskName(string name) => new(name);

        public override string ToString() => Name;
    }

    public record TaskOptions(TaskRetryOptions? Retry = null)
    {
        public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));
    }

    public sealed record TaskRetryOptions(RetryPolicy Policy);

    public sealed record RetryPolicy(int MaxNumberOfAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 1.0);

    public sealed class TaskFailureDetails(string errorType, string errorMessage, string? stackTrace)
    {
        public string ErrorType { get; } = errorType;

        public string ErrorMessage { get; } = errorMessage;

        public string? StackTrace { get; } = stackTrace;

        public bool IsCausedBy<T>() where T : Exception => ErrorType == typeof(T).FullName;

        public override string ToString() => $"{ErrorType}: {ErrorMessage}";
    }

    /// <summary>Thrown in the orchestration when an activity fails; its message repeats the activity's error.</summary>
    public sealed class TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : Exception($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
    {
        public string TaskName { get; } = taskName;

        public int TaskId { get; } = taskId;

        public TaskFailureDetails FailureDetails { get; } = failureDetails;
    }
}

namespace Microsoft.DurableTask.Client
{
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class DurableClientAttribute : Attribute;

    public enum OrchestrationRuntimeStatus
    {
        Running,
        Completed,
        ContinuedAsNew,
        Failed,
        Canceled,
        Terminated,
        Pending,
        Suspended,
    }

    public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

    public sealed class OrchestrationMetadata(string name, string instanceId)
    {
        public string Name { get; } = name;

        public string InstanceId { get; } = instanceId;

        public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset LastUpdatedAt { get; init; }

        public string? SerializedInput { get; init; }

        public string? SerializedOutput { get; init; }

        public string? SerializedCustomStatus { get; init; }

        public TaskFailureDetails? FailureDetails { get; init; }
    }

    public abstract class DurableTaskClient
    {
        public abstract string Name { get; }

        public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

        public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

        public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

        public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);
    }
}

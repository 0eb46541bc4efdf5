using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

// Stand-ins for the Durable Task SDK used by Durable Functions in the isolated worker, reduced to
// the members the orchestrations of the corpus use. Only the shapes matter.

namespace Microsoft.DurableTask
{
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class OrchestrationTriggerAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ActivityTriggerAttribute : Attribute;

    public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure);

    /// <summary>Thrown to an orchestration when an activity it called failed. Its message repeats the activity's error message.</summary>
    public sealed class TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : Exception($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
    {
        public string TaskName { get; } = taskName;

        public int TaskId { get; } = taskId;

        public TaskFailureDetails FailureDetails { get; } = failureDetails;
    }

    public sealed record RetryPolicy(int MaxNumberOfAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 1.0);

    public sealed class TaskOptions
    {
        public RetryPolicy? Retry { get; init; }

        public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new() { Retry = policy };
    }

    public abstract class TaskOrchestrationContext
    {
        public abstract string Name { get; }

        public abstract string InstanceId { get; }

        public abstract bool IsReplaying { get; }

        public abstract DateTime CurrentUtcDateTime { get; }

        public abstract T? GetInput<T>();

        public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

        public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) => CallActivityAsync<object>(name, input, options);

        public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

        public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

        public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

        public abstract void SetCustomStatus(object? customStatus);

        public abstract Guid NewGuid();

        public abstract ILogger CreateReplaySafeLogger(string categoryName);

        public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName!);
    }

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
}

namespace Microsoft.DurableTask.Client
{
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class DurableClientAttribute : Attribute;

    public sealed class StartOrchestrationOptions
    {
        public StartOrchestrationOptions(string? instanceId = null, DateTimeOffset? startAt = null)
        {
            InstanceId = instanceId;
            StartAt = startAt;
        }

        public string? InstanceId { get; init; }

        public DateTimeOffset? StartAt { get; init; }
    }

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

        public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

        public T? ReadCustomStatusAs<T>() => SerializedCustomStatus is null ? default : System.Text.Json.JsonSerializer.Deserialize<T>(SerializedCustomStatus);
    }

    public abstract class DurableTaskClient
    {
        public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

        public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

        public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

        public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

        public abstract IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null);
    }

    public sealed record OrchestrationQuery(IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null, string? InstanceIdPrefix = null, DateTimeOffset? CreatedFrom = null, bool FetchInputsAndOutputs = false);
}

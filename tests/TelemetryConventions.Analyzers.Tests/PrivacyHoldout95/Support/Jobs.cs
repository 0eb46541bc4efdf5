using System.Linq.Expressions;

namespace JobKit;

/// <summary>
/// A persisted method call, in the shape of Hangfire's <c>Job</c>: the type, the method and the arguments it was
/// enqueued with (serialised into storage as they are). <see cref="ToString"/> prints <c>Type.Method</c> only.
/// </summary>
public sealed class Job(Type type, string method, IReadOnlyList<object?> args, string? queue = null)
{
    public Type Type { get; } = type;

    public string Method { get; } = method;

    public IReadOnlyList<object?> Args { get; } = args;

    public string? Queue { get; } = queue;

    public override string ToString() => $"{Type.Name}.{Method}";
}

/// <summary>A job as the server hands it to filters and to the job itself.</summary>
public sealed class BackgroundJob(string id, Job job, DateTime createdAt)
{
    public string Id { get; } = id;

    public Job Job { get; } = job;

    public DateTime CreatedAt { get; } = createdAt;
}

/// <summary>Enqueues and schedules jobs; the call and its arguments are persisted in job storage (not telemetry).</summary>
public interface IBackgroundJobClient
{
    string Enqueue<T>(Expression<Func<T, Task>> methodCall);

    string Schedule<T>(Expression<Func<T, Task>> methodCall, TimeSpan delay);

    bool Requeue(string jobId);

    bool Delete(string jobId);
}

public sealed class RecurringJobOptions
{
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public string Queue { get; init; } = "default";
}

/// <summary>Registers recurring jobs under an id chosen by the service (persisted, not telemetry).</summary>
public interface IRecurringJobManager
{
    void AddOrUpdate<T>(string recurringJobId, Expression<Func<T, Task>> methodCall, string cronExpression, RecurringJobOptions? options = null);

    void RemoveIfExists(string recurringJobId);

    void Trigger(string recurringJobId);
}

/// <summary>What a running job can read about itself (Hangfire's <c>PerformContext</c>).</summary>
public sealed class PerformContext(BackgroundJob backgroundJob, string serverId, IReadOnlyDictionary<string, string> parameters)
{
    public BackgroundJob BackgroundJob { get; } = backgroundJob;

    public string ServerId { get; } = serverId;

    public CancellationToken CancellationToken { get; init; }

    /// <summary>A job parameter (<c>RetryCount</c>, <c>CurrentCulture</c>, <c>RecurringJobId</c>…), null when absent.</summary>
    public string? GetJobParameter(string name) => parameters.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A job state; <see cref="Reason"/> is the text the code that changed the state gave.</summary>
public interface IState
{
    string Name { get; }

    string? Reason { get; }
}

public sealed class FailedState(Exception exception, string serverId) : IState
{
    public string Name => "Failed";

    public string? Reason { get; init; }

    public Exception Exception { get; } = exception;

    public string ServerId { get; } = serverId;
}

public sealed class ScheduledState(TimeSpan delay) : IState
{
    public string Name => "Scheduled";

    public string? Reason { get; init; }

    public DateTime EnqueueAt { get; } = DateTime.UtcNow + delay;
}

public sealed class DeletedState : IState
{
    public string Name => "Deleted";

    public string? Reason { get; init; }
}

/// <summary>Context of a state election: the filter may change the candidate state (Hangfire's <c>ElectStateContext</c>).</summary>
public sealed class ElectStateContext(BackgroundJob backgroundJob, IState candidateState, int retryAttempt)
{
    public BackgroundJob BackgroundJob { get; } = backgroundJob;

    public IState CandidateState { get; set; } = candidateState;

    public int RetryAttempt { get; } = retryAttempt;
}

public interface IElectStateFilter
{
    void OnStateElection(ElectStateContext context);
}

public class PerformingContext(BackgroundJob backgroundJob, IReadOnlyDictionary<string, string> parameters)
{
    public BackgroundJob BackgroundJob { get; } = backgroundJob;

    public string? GetJobParameter(string name) => parameters.TryGetValue(name, out var value) ? value : null;
}

public sealed class PerformedContext(BackgroundJob backgroundJob, IReadOnlyDictionary<string, string> parameters, Exception? exception) : PerformingContext(backgroundJob, parameters)
{
    public Exception? Exception { get; } = exception;

    public bool Canceled { get; init; }
}

public interface IServerFilter
{
    void OnPerforming(PerformingContext context);

    void OnPerformed(PerformedContext context);
}

/// <summary>Hangfire's <c>AutomaticRetry</c>: how often a failed job is retried before it is left failed or deleted.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AutomaticRetryAttribute : Attribute
{
    public int Attempts { get; set; } = 10;

    public bool OnAttemptsExceededDelete { get; set; }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class QueueAttribute(string queue) : Attribute
{
    public string Queue { get; } = queue;
}

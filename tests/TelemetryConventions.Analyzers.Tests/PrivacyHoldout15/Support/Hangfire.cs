using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using System.Threading.Tasks;

namespace PrivacyHoldout15.Support.Hangfire;

// Stand-ins shaped like Hangfire: the client that persists a job's method call and arguments, the
// performing context, and server and state filters. Only the shapes matter.

public sealed class Job
{
    public required Type Type { get; init; }

    public required MethodInfo Method { get; init; }

    public required IReadOnlyList<object?> Args { get; init; }

    public string? Queue { get; init; }

    public override string ToString() => $"{Type.Name}.{Method.Name}";
}

public class BackgroundJob
{
    public required string Id { get; init; }

    public required Job Job { get; init; }

    public DateTime CreatedAt { get; init; }

    public static string Enqueue<T>(Expression<Func<T, Task>> methodCall) => Guid.NewGuid().ToString("N");

    public static string Schedule<T>(Expression<Func<T, Task>> methodCall, DateTimeOffset enqueueAt) => Guid.NewGuid().ToString("N");

    public static bool Delete(string jobId) => true;
}

public interface IBackgroundJobClient
{
    string Enqueue<T>(Expression<Func<T, Task>> methodCall);

    string Schedule<T>(Expression<Func<T, Task>> methodCall, DateTimeOffset enqueueAt);

    string Schedule<T>(Expression<Func<T, Task>> methodCall, TimeSpan delay);

    bool Delete(string jobId);
}

public interface IRecurringJobManager
{
    void AddOrUpdate<T>(string recurringJobId, Expression<Func<T, Task>> methodCall, string cronExpression);

    void RemoveIfExists(string recurringJobId);
}

public static class Cron
{
    public static string Daily(int hour, int minute = 0) => $"{minute} {hour} * * *";

    public static string Weekly(DayOfWeek day, int hour) => $"0 {hour} * * {(int)day}";
}

public interface IJobCancellationToken
{
    void ThrowIfCancellationRequested();
}

public class PerformContext
{
    public required BackgroundJob BackgroundJob { get; init; }

    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>();

    public T? GetJobParameter<T>(string name) => default;

    public void SetJobParameter(string name, object? value)
    {
    }
}

public sealed class PerformingContext : PerformContext
{
    public bool Canceled { get; set; }
}

public sealed class PerformedContext : PerformContext
{
    public object? Result { get; init; }

    public Exception? Exception { get; init; }

    public bool ExceptionHandled { get; set; }
}

public interface IState
{
    string Name { get; }

    string? Reason { get; }
}

public sealed class FailedState(Exception exception) : IState
{
    public string Name => "Failed";

    public string? Reason { get; init; }

    public Exception Exception { get; } = exception;
}

public sealed class ScheduledState(TimeSpan delay) : IState
{
    public string Name => "Scheduled";

    public string? Reason { get; init; }

    public DateTime EnqueueAt { get; } = DateTime.UtcNow + delay;
}

public sealed class ElectStateContext
{
    public required BackgroundJob BackgroundJob { get; init; }

    public required IState CandidateState { get; set; }

    public string? CurrentState { get; init; }

    public T? GetJobParameter<T>(string name) => default;
}

public interface IServerFilter
{
    void OnPerforming(PerformingContext context);

    void OnPerformed(PerformedContext context);
}

public interface IElectStateFilter
{
    void OnStateElection(ElectStateContext context);
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public abstract class JobFilterAttribute : Attribute;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AutomaticRetryAttribute : JobFilterAttribute
{
    public int Attempts { get; set; } = 10;

    public int[]? DelaysInSeconds { get; set; }
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class QueueAttribute(string queue) : JobFilterAttribute
{
    public string Queue { get; } = queue;
}

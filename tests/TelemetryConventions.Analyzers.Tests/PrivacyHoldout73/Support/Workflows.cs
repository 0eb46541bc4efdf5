using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Flowline;

// A stand-in for the in-house workflow runtime the services share: persisted instances, durable
// timers, human tasks, history and compensation. Stores, the timer table and the task inbox are
// storage, not telemetry. What prints what:
// - WorkflowInstance<TData>.ToString() prints "<definition>/<id> [<state>] v<version>" (no data).
// - HistoryEntry is a positional record: it prints every member, actor and comment included.
// - HumanTask prints "<queue>#<task id> due <due>" (not its assignee).
// - TimerHandle is a positional record: it prints its name and due time.
// - WorkflowConcurrencyException's message quotes the definition, the instance id and the versions.
// - TimerNotFoundException's message quotes the timer's name.

public sealed class WorkflowInstance<TData>
{
    public required Guid Id { get; init; }

    public required string Definition { get; init; }

    public required string State { get; set; }

    public required TData Data { get; init; }

    public int Version { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? WaitingSince { get; set; }

    public override string ToString() => $"{Definition}/{Id} [{State}] v{Version}";
}

public interface IWorkflowStore<TData>
{
    Task<WorkflowInstance<TData>?> LoadAsync(Guid id, CancellationToken cancellationToken = default);

    Task SaveAsync(WorkflowInstance<TData> instance, CancellationToken cancellationToken = default);

    IAsyncEnumerable<WorkflowInstance<TData>> WaitingInAsync(string state, CancellationToken cancellationToken = default);
}

public sealed class WorkflowConcurrencyException(string definition, Guid id, int expected, int actual)
    : Exception($"Workflow {definition}/{id} was saved by another worker (expected v{expected}, found v{actual}).")
{
    public Guid InstanceId { get; } = id;
}

public sealed record TimerHandle(string Name, DateTimeOffset Due);

public sealed record TimerFired(string Name, Guid InstanceId, DateTimeOffset Due, int Attempt);

public interface IWorkflowTimers
{
    Task<TimerHandle> ScheduleAsync(string name, Guid instanceId, DateTimeOffset due, CancellationToken cancellationToken = default);

    Task CancelAsync(string name, CancellationToken cancellationToken = default);
}

public sealed class TimerNotFoundException(string name) : Exception($"No timer named '{name}' is scheduled.")
{
    public string TimerName { get; } = name;
}

public sealed record HistoryEntry(Guid InstanceId, string From, string To, string Trigger, string? Actor, string? Comment, DateTimeOffset At);

public interface IHistoryWriter
{
    Task AppendAsync(HistoryEntry entry, CancellationToken cancellationToken = default);
}

public sealed class HumanTask
{
    public required Guid TaskId { get; init; }

    public required string Queue { get; init; }

    public required string Assignee { get; set; }

    public required DateTimeOffset Due { get; init; }

    public string Title { get; init; } = string.Empty;

    public int Reassignments { get; set; }

    public override string ToString() => $"{Queue}#{TaskId} due {Due:O}";
}

public interface ITaskInbox
{
    Task AssignAsync(HumanTask task, CancellationToken cancellationToken = default);

    Task<HumanTask?> FindAsync(Guid taskId, CancellationToken cancellationToken = default);
}

public sealed record CompensationFailure(string Step, Exception Error);

/// <summary>Runs registered compensations in reverse order and collects the ones that failed.</summary>
public sealed class CompensationScope
{
    private readonly List<(string Step, Func<Task> Undo)> _steps = new();

    public void Add(string step, Func<Task> undo) => _steps.Add((step, undo));

    public int Count => _steps.Count;

    public async Task<IReadOnlyList<CompensationFailure>> RunAsync()
    {
        var failures = new List<CompensationFailure>();
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            try
            {
                await _steps[i].Undo();
            }
            catch (Exception ex)
            {
                failures.Add(new CompensationFailure(_steps[i].Step, ex));
            }
        }
        return failures;
    }
}

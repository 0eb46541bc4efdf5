namespace PrivacyHoldout95.Support;

/// <summary>
/// A row of a service's own job-runs table, the one its ops dashboard lists. A record: prints its members, the
/// payload the run was started with and who triggered it included.
/// </summary>
public sealed record JobRun(Guid RunId, string JobName, string Trigger, DateTimeOffset StartedAt)
{
    public string Status { get; init; } = "running";

    public int Attempt { get; init; } = 1;

    /// <summary>The JSON the run was started with.</summary>
    public string? Payload { get; init; }

    public string? Error { get; init; }

    public TimeSpan? Duration { get; init; }

    /// <summary>The email of whoever started the run from the dashboard; null for the scheduler.</summary>
    public string? TriggeredBy { get; init; }
}

public interface IJobRunStore
{
    Task<JobRun> StartAsync(string jobName, string trigger, string? payload, string? triggeredBy = null, CancellationToken cancellationToken = default);

    Task CompleteAsync(Guid runId, string status, string? error = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JobRun>> RecentAsync(string jobName, int take, CancellationToken cancellationToken = default);

    Task<JobRun?> GetAsync(Guid runId, CancellationToken cancellationToken = default);
}

/// <summary>A unit of queued background work. A record: prints its members, the payload included.</summary>
public sealed record WorkItem(string Kind, string Payload, DateTimeOffset EnqueuedAt)
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public int Attempt { get; init; } = 1;
}

/// <summary>The in-process queue hosted services drain (the shape of the docs' <c>IBackgroundTaskQueue</c>).</summary>
public interface IBackgroundTaskQueue
{
    ValueTask QueueAsync(WorkItem item, CancellationToken cancellationToken = default);

    ValueTask<WorkItem> DequeueAsync(CancellationToken cancellationToken);

    int Count { get; }
}

/// <summary>The ops team's chat channel (not telemetry).</summary>
public interface IOpsChannel
{
    Task PostAsync(string text, CancellationToken cancellationToken = default);
}

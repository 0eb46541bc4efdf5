namespace JobKit.Dashboard;

/// <summary>
/// The read side the job dashboard is built on, in the shape of Hangfire's <c>IMonitoringApi</c>: the pages and the
/// services' own admin endpoints read jobs, their arguments, their state history and their exceptions from it.
/// </summary>
public interface IMonitoringApi
{
    JobDetailsDto? JobDetails(string jobId);

    JobList<FailedJobDto> FailedJobs(int from, int count);

    JobList<ProcessingJobDto> ProcessingJobs(int from, int count);

    StatisticsDto GetStatistics();

    IList<QueueWithTopEnqueuedJobsDto> Queues();
}

/// <summary>A page of jobs, keyed by job id.</summary>
public sealed class JobList<T> : List<KeyValuePair<string, T>>
{
    public JobList(IEnumerable<KeyValuePair<string, T>> items)
        : base(items)
    {
    }
}

/// <summary>A job's page: the call, its parameters (<c>RetryCount</c>, <c>RecurringJobId</c>, <c>CurrentCulture</c>…) and its history.</summary>
public sealed class JobDetailsDto
{
    public Job? Job { get; init; }

    public DateTime? CreatedAt { get; init; }

    public IDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public IList<StateHistoryDto> History { get; init; } = new List<StateHistoryDto>();

    public DateTime? ExpireAt { get; init; }

    /// <summary>The arguments as stored, a JSON array (<c>["1234567890","2024-05-01"]</c>).</summary>
    public string? Arguments { get; init; }
}

/// <summary>
/// One state of a job's history. A failed state's <see cref="Data"/> holds <c>ExceptionType</c>, <c>ExceptionMessage</c> and
/// <c>ExceptionDetails</c>; a retry's Scheduled state has the reason <c>AutomaticRetry</c> writes,
/// <c>Retry attempt 2 of 8: {the exception's message}</c>.
/// </summary>
public sealed class StateHistoryDto
{
    public required string StateName { get; init; }

    public string? Reason { get; init; }

    public DateTime CreatedAt { get; init; }

    public IDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}

public sealed class FailedJobDto
{
    public Job? Job { get; init; }

    /// <summary>The server's fixed text for the transition (<c>An exception occurred during performance of the job.</c>).</summary>
    public string? Reason { get; init; }

    public DateTime? FailedAt { get; init; }

    public string? ExceptionType { get; init; }

    /// <summary>The exception's message as the job threw it.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>The exception's <c>ToString()</c>: type, message and stack trace.</summary>
    public string? ExceptionDetails { get; init; }

    public bool InFailedState { get; init; }
}

public sealed class ProcessingJobDto
{
    public Job? Job { get; init; }

    public string? ServerId { get; init; }

    public DateTime? StartedAt { get; init; }
}

/// <summary>The dashboard's counters. A record: prints its members.</summary>
public sealed record StatisticsDto(long Enqueued, long Scheduled, long Processing, long Succeeded, long Failed, long Deleted, long Recurring, long Servers, long Queues);

public sealed class QueueWithTopEnqueuedJobsDto
{
    public required string Name { get; init; }

    public long Length { get; init; }

    public long? Fetched { get; init; }
}

/// <summary>The request to a dashboard page or action, as an authorization filter sees it.</summary>
public sealed class DashboardContext(ClaimsUser user, string requestPath, string remoteIpAddress)
{
    public ClaimsUser User { get; } = user;

    /// <summary>The page or action asked for: <c>/jobs/failed</c>, <c>/jobs/actions/requeue/{jobId}</c>.</summary>
    public string RequestPath { get; } = requestPath;

    public string RemoteIpAddress { get; } = remoteIpAddress;

    public bool IsReadOnly { get; init; }
}

public interface IDashboardAuthorizationFilter
{
    bool Authorize(DashboardContext context);
}

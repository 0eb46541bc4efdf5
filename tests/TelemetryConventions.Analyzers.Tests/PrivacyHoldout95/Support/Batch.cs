namespace BatchKit;

/// <summary>
/// The identifying parameters of a batch run, in the shape of Spring Batch's <c>JobParameters</c>.
/// <see cref="ToString"/> prints them as <c>{name=value, …}</c>.
/// </summary>
public sealed class JobParameters(IReadOnlyDictionary<string, string> values) : IEnumerable<KeyValuePair<string, string>>
{
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    public int Count => values.Count;

    public IEnumerable<string> Names => values.Keys;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "{" + string.Join(", ", values.Select(p => $"{p.Key}={p.Value}")) + "}";
}

public enum BatchStatus
{
    Starting,
    Started,
    Completed,
    Failed,
    Stopped,
}

/// <summary>One run of a batch job. <see cref="ToString"/> prints id, name, status and parameters.</summary>
public sealed class JobExecution(long id, string jobName, JobParameters parameters)
{
    public long Id { get; } = id;

    public string JobName { get; } = jobName;

    public JobParameters Parameters { get; } = parameters;

    public BatchStatus Status { get; set; } = BatchStatus.Starting;

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; set; }

    public string ExitCode { get; set; } = "UNKNOWN";

    public List<StepExecution> Steps { get; } = new();

    public override string ToString() => $"JobExecution: id={Id}, job=[{JobName}], status={Status}, exitCode={ExitCode}, parameters=[{Parameters}]";
}

/// <summary>A step's counters. <see cref="ToString"/> prints its name, status and counts.</summary>
public sealed class StepExecution(string stepName)
{
    public string StepName { get; } = stepName;

    public BatchStatus Status { get; set; } = BatchStatus.Started;

    public int ReadCount { get; set; }

    public int WriteCount { get; set; }

    public int FilterCount { get; set; }

    public int SkipCount { get; set; }

    public int CommitCount { get; set; }

    public int RollbackCount { get; set; }

    public override string ToString() =>
        $"StepExecution: name={StepName}, status={Status}, read={ReadCount}, written={WriteCount}, filtered={FilterCount}, skipped={SkipCount}, commits={CommitCount}, rollbacks={RollbackCount}";
}

/// <summary>
/// A line of a flat file that could not be mapped, as Spring Batch's <c>FlatFileParseException</c>: the message quotes
/// the line (<c>Parsing error at line: 12 in resource=[…], input=[…]</c>), <see cref="Input"/> is the line.
/// </summary>
public sealed class FlatFileParseException(string resource, string input, int lineNumber)
    : Exception($"Parsing error at line: {lineNumber} in resource=[{resource}], input=[{input}]")
{
    public string Resource { get; } = resource;

    public string Input { get; } = input;

    public int LineNumber { get; } = lineNumber;
}

/// <summary>Too many items were skipped in a step; names the limit.</summary>
public sealed class SkipLimitExceededException(int skipLimit, Exception lastSkipped) : Exception($"Skip limit of '{skipLimit}' exceeded", lastSkipped)
{
    public int SkipLimit { get; } = skipLimit;
}

/// <summary>Where a restartable job got to. A record: prints its members.</summary>
public sealed record Checkpoint(string JobName, string Partition, string? LastKey, DateTimeOffset Watermark, long Processed);

public interface ICheckpointStore
{
    Task<Checkpoint?> LoadAsync(string jobName, string partition, CancellationToken cancellationToken = default);

    Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default);
}

/// <summary>Reads the lines of a file dropped on the share (not telemetry).</summary>
public interface IFlatFileSource
{
    IAsyncEnumerable<(int LineNumber, string Line)> ReadLinesAsync(string path, CancellationToken cancellationToken = default);

    Task MoveAsync(string path, string folder, CancellationToken cancellationToken = default);
}

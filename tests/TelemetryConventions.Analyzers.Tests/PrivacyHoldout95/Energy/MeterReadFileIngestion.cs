namespace PrivacyHoldout95.Energy;

/// <summary>One line of a D0010-style read file: MPAN, meter serial, read date, register and value.</summary>
public sealed record MeterRead(string Mpan, string MeterSerial, DateOnly ReadDate, string Register, decimal Value);

public interface IReadRepository
{
    Task<int> UpsertAsync(IReadOnlyList<MeterRead> reads, CancellationToken cancellationToken = default);
}

/// <summary>
/// Picks up the data collectors' read files from the inbound share every quarter of an hour and loads them in chunks,
/// skipping malformed lines up to the skip limit. Files are named by the sender, the flow and a sequence
/// (<c>D0010_UDMS_20240501_0042.csv</c>).
/// </summary>
public sealed class MeterReadFileIngestion(
    IFlatFileSource files,
    IReadRepository reads,
    ICheckpointStore checkpoints,
    IOptions<JobOptions> options,
    Meter meter,
    ILogger<MeterReadFileIngestion> logger)
{
    private const string JobName = "read-file-ingestion";
    private static readonly ActivitySource Source = new("Supply.Batch");

    private readonly Counter<long> _skipped = meter.CreateCounter<long>("meterjobs.reads.skipped", "{line}");
    private readonly MeterjobsJobsCompletedCounter _completed = meter.CreateMeterjobsJobsCompletedCounter();

    public async Task IngestAsync(string path, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        using var span = Source.StartMeterjobsJobRun(JobName).SetMeterjobsJobKey(fileName);
        span.Activity?.SetTag("meterjobs.file.path", $"inbound/{fileName}"); // clean strings
        var checkpoint = await checkpoints.LoadAsync(JobName, fileName, cancellationToken);
        var resumeAfter = int.Parse(checkpoint?.LastKey ?? "0", CultureInfo.InvariantCulture);
        logger.LogInformation("Ingesting {File}, resuming after {Checkpoint}", fileName, checkpoint); // clean logging-objects

        var step = new StepExecution("load-reads");
        var chunk = new List<MeterRead>(options.Value.BatchSize);
        var lastLine = resumeAfter;
        await foreach (var (lineNumber, line) in files.ReadLinesAsync(path, cancellationToken))
        {
            if (lineNumber <= resumeAfter || line.StartsWith("ZHV", StringComparison.Ordinal))
            {
                continue;
            }
            step.ReadCount++;
            try
            {
                chunk.Add(Parse(fileName, lineNumber, line));
            }
            catch (FlatFileParseException ex)
            {
                step.SkipCount++;
                logger.LogWarning(ex, "Skipped line {Line} of {File}", ex.LineNumber, ex.Resource); // leak TC1001 exceptions
                logger.LogWarning("Skipped input {Input}", ex.Input); // leak TC1001 strings
                _skipped.Add(1, new KeyValuePair<string, object?>("meterjobs.file.flow", fileName[..5])); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("meterjobs.line.skipped", tags: new ActivityTagsCollection { ["meterjobs.line"] = ex.LineNumber, ["error.type"] = ex.GetType().Name })); // clean exceptions
                if (step.SkipCount > options.Value.SkipLimit)
                {
                    var limit = new SkipLimitExceededException(options.Value.SkipLimit, ex);
                    span.RecordException(limit, includeMessage: true).SetMeterjobsOutcome("skip_limit"); // clean exceptions
                    _completed.Add(1, JobName, "batch", "failed");
                    throw limit;
                }
            }

            if (chunk.Count == options.Value.BatchSize)
            {
                step.WriteCount += await reads.UpsertAsync(chunk, cancellationToken);
                step.CommitCount++;
                logger.LogDebug("Committed chunk ending at line {Line}; first serial {Serial}", lineNumber, chunk[0].MeterSerial); // leak TC1001 direct
                logger.LogDebug("Chunk serial models: {Models}", string.Join(",", chunk.Select(r => r.MeterSerial[..3]).Distinct())); // clean precision-about
                chunk.Clear();
                await checkpoints.SaveAsync(new Checkpoint(JobName, fileName, lineNumber.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow, step.WriteCount), cancellationToken);
            }
            lastLine = lineNumber;
        }
        if (chunk.Count > 0)
        {
            step.WriteCount += await reads.UpsertAsync(chunk, cancellationToken);
            logger.LogDebug("Last chunk registers {Registers}", chunk.Select(r => r.Register).Distinct().ToArray()); // clean logging-objects
            logger.LogDebug("Last chunk MPANs {Mpans}", chunk.Select(r => r.Mpan).ToArray()); // leak TC1001 logging-objects
        }

        await files.MoveAsync(path, "processed", cancellationToken);
        logger.LogInformation("Ingested {File}: {Step}", fileName, step); // clean logging-objects
        span.SetMeterjobsBatchSize(step.WriteCount).SetMeterjobsOutcome(step.SkipCount == 0 ? "succeeded" : "succeeded_with_skips");
        span.Activity?.SetTag("meterjobs.file.last_line", lastLine);
        _completed.Add(1, JobName, "batch", "succeeded"); // clean generated-api
    }

    private static MeterRead Parse(string resource, int lineNumber, string line)
    {
        var fields = line.Split('|');
        if (fields.Length < 5 || !decimal.TryParse(fields[4], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            throw new FlatFileParseException(resource, line, lineNumber);
        }
        return new MeterRead(fields[0], fields[1], DateOnly.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture), fields[3], value);
    }
}

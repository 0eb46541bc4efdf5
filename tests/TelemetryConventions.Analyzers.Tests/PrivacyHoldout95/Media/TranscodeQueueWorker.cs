namespace PrivacyHoldout95.Media;

/// <summary>A transcode job: a title's mezzanine file to the ladder of renditions, or a profile's uploaded avatar to its sizes.</summary>
public sealed record TranscodeJob(Guid JobId, string Kind, string SourceUri, string? TitleId, string Ladder, int Priority);

public interface ITranscoder
{
    /// <summary>Runs the job; returns the names of the renditions it produced (<c>1080p</c>, <c>720p</c>, <c>avatar-64</c>).</summary>
    Task<IReadOnlyList<string>> RunAsync(TranscodeJob job, CancellationToken cancellationToken = default);
}

/// <summary>The encoder failed; names the rendition and the encoder's exit code.</summary>
public sealed class EncoderFailedException(string rendition, int exitCode) : Exception($"Encoder failed on {rendition} with exit code {exitCode}")
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The source could not be read; quotes its URI.</summary>
public sealed class SourceUnreadableException(string uri) : Exception($"Cannot read source {uri}");

/// <summary>
/// Drains the transcode channel. Title jobs come from the content pipeline (<c>mezzanine/{titleId}/{file}</c>); avatar jobs
/// from the profile service when a viewer uploads a picture (<c>avatars/{subscriberId}/{profileName}.png</c>).
/// </summary>
public sealed class TranscodeQueueWorker(Channel<TranscodeJob> jobs, ITranscoder transcoder, Meter meter, ILogger<TranscodeQueueWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Media.Transcode");
    private readonly SubsjobsJobDurationHistogram _duration = meter.CreateSubsjobsJobDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartSubsjobsJobRun($"transcode-{job.Kind}")
                .SetSubsjobsJobId(job.JobId.ToString())
                .SetSubsjobsJobQueue(job.Priority > 5 ? "express" : "standard");
            span.Activity?.SetTag("subsjobs.transcode.ladder", job.Ladder);
            if (job.Kind == "title")
            {
                span.Activity?.SetTag("subsjobs.title.id", job.TitleId); // clean precision-names
                span.Activity?.SetTag("subsjobs.transcode.source", job.SourceUri); // clean strings
            }
            else
            {
                span.Activity?.SetTag("subsjobs.transcode.source", job.SourceUri); // leak TC1001 strings
            }
            span.Activity?.SetTag("subsjobs.transcode.backlog", jobs.Reader.Count);

            try
            {
                var renditions = await transcoder.RunAsync(job, stoppingToken);
                logger.LogInformation("Transcoded {Kind} job {JobId} into {Renditions}", job.Kind, job.JobId, renditions); // clean logging-objects
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, $"transcode-{job.Kind}", "succeeded"); // clean generated-api
            }
            catch (EncoderFailedException ex)
            {
                span.RecordException(ex, includeMessage: true).SetSubsjobsOutcome("encoder_failed");
                logger.LogError(ex, "Transcode {JobId} failed with exit code {ExitCode}", job.JobId, ex.ExitCode); // clean exceptions
            }
            catch (SourceUnreadableException ex)
            {
                span.SetSubsjobsOutcome("source_unreadable").SetSubsjobsNote(ex.Message); // leak TC1001 generated-api
                logger.LogError("Transcode {JobId} could not read its source: {Job}", job.JobId, job); // leak TC1001 logging-objects
            }
        }
    }
}

namespace PrivacyHoldout196.Media;

/// <summary>A short film made with a child for their life-story book, edited by the broadcaster's community team.</summary>
public sealed record LifeStoryFilmJob(string JobId, string ChildId, string ChildFirstName, string Narration, string[] PeopleInFilm, string Format, int DurationSeconds, string EditSuiteId);

public sealed class LifeStoryFilmWorker(
    IQueueReceiver<LifeStoryFilmJob> queue,
    ILifeStoryArchive archive,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<LifeStoryFilmWorker> logger) : BackgroundService
{
    private readonly Histogram<int> _durations = meter.CreateHistogram<int>("lifestory.film.seconds");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = await queue.ReceiveAsync(stoppingToken);
            if (job is null)
            {
                continue;
            }

            using var activity = source.StartActivity("lifestory.film.render");
            activity?.SetTag("lifestory.job.id", job.JobId); // clean precision-names
            activity?.SetTag("lifestory.edit_suite", job.EditSuiteId); // clean precision-names
            activity?.SetTag("lifestory.format", job.Format); // clean precision-about
            activity?.SetTag("lifestory.people.count", job.PeopleInFilm.Length); // clean precision-about
            activity?.SetTag("lifestory.people", string.Join(";", job.PeopleInFilm)); // leak TC1001 strings
            activity?.SetTag("lifestory.narration", job.Narration); // leak TC1001 direct
            activity?.SetTag("lifestory.child", pseudonymizer.Pseudonymize("child", job.ChildId)); // clean precision-pseudonym

            _durations.Record(job.DurationSeconds, new KeyValuePair<string, object?>("format", job.Format)); // clean precision-about
            _durations.Record(job.DurationSeconds, new KeyValuePair<string, object?>("child", pseudonymizer.Pseudonymize("child", job.ChildId))); // leak TC1003 precision-pseudonym

            var title = string.Format("{0}'s story ({1}s)", job.ChildFirstName, job.DurationSeconds);
            logger.LogInformation("Rendering {Title}", title); // leak TC1001 strings
            logger.LogInformation("Rendering {@Job}", new { job.JobId, job.Format, job.DurationSeconds, People = job.PeopleInFilm.Length }); // clean logging-objects
            logger.LogInformation("Rendering {@Job}", job with { Narration = "" }); // leak TC1001 logging-objects

            var entries = await archive.BookAsync(job.ChildId, stoppingToken);
            foreach (var entry in entries.Take(1))
            {
                activity?.AddEvent(new ActivityEvent("lifestory.page", tags: new ActivityTagsCollection { ["page"] = entry.Page, ["entry"] = entry.EntryId })); // clean precision-about
                activity?.AddEvent(new ActivityEvent("lifestory.page", tags: new ActivityTagsCollection { ["caption"] = entry.PhotoCaption })); // leak TC1001 direct
                logger.LogInformation("Life-story page {@Entry}", entry); // leak TC1001 logging-objects
            }

            var entryHash = entries.Count > 0 ? Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(entries[0].Text))) : "";
            activity?.SetTag("lifestory.entry.hash", entryHash); // leak TC1002 hashes
        }
    }
}

namespace PrivacyHoldout176.Media;

/// <summary>Checks freelance subtitlers' files before broadcast (reading speed, line length, timing).</summary>
public sealed class SubtitleQaWorker(
    IQueueReceiver<SubtitleDelivery> queue,
    Pseudonymizer pseudonymizer,
    ILogger<SubtitleQaWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.SubtitleQa");
    private static readonly Meter Meter = new("Broadcaster.SubtitleQa");
    private readonly SubtitlingOperationsCounter _operations = Meter.CreateSubtitlingOperationsCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivery = await queue.ReceiveAsync(stoppingToken);
            if (delivery is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("Subtitles.Qa");
            activity?.SetTag("episode.id", delivery.EpisodeId); // clean precision-names
            activity?.SetTag("subtitles.language", delivery.Language); // clean precision-about
            activity?.SetTag("subtitles.cues", delivery.Cues.Count); // clean precision-about
            activity?.SetTag("subtitler.email", delivery.SubtitlerEmail); // leak TC1001 direct
            activity?.SetTag("subtitler.ref", pseudonymizer.PseudonymizeSubtitlingInterpreterId(delivery.SubtitlerEmail).ToString()); // clean precision-pseudonym
            logger.LogInformation("Delivery {Delivery}", delivery); // leak TC1001 logging-objects

            var failures = delivery.Cues.Where(c => c.Length > 42).ToList();
            if (failures.Count > 0)
            {
                activity?.AddEvent(new ActivityEvent("qa.failed", tags: new ActivityTagsCollection { ["lines"] = failures.Count, ["episode"] = delivery.EpisodeId })); // clean precision-about
                var ex = new SubtitleRejectedException(delivery.EpisodeId, delivery.SubtitlerEmail);
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Rejected: {Reason}", ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Rejected episode {Episode}: {Type}", delivery.EpisodeId, ex.GetType().Name); // clean exceptions
                Notify(delivery.SubtitlerEmail, delivery.EpisodeId); // leak TC1001 cross-member
                _operations.Add(1, "qa", "rejected"); // clean generated-api
            }
            else
            {
                activity?.SetTag("qa.passed", true); // clean precision-about
                logger.LogInformation("Episode {Episode} passed QA with {Cues} cues", delivery.EpisodeId, delivery.Cues.Count); // clean precision-names
                logger.LogDebug("Cues {Cues}", delivery.Cues); // clean logging-objects
                _operations.Add(1, "qa", "passed"); // clean generated-api
            }
        }
    }

    private void Notify(string email, string episodeId)
    {
        Activity.Current?.AddEvent(new ActivityEvent("subtitler.notified", tags: new ActivityTagsCollection { ["to"] = email, ["episode"] = episodeId })); // leak TC1001 direct
    }
}

/// <summary>A subtitle file delivery: episode, language, the freelance subtitler's email and the cues (a list).</summary>
public sealed record SubtitleDelivery(string EpisodeId, string Language, string SubtitlerEmail, IReadOnlyList<string> Cues);

/// <summary>A delivery failed QA; the message quotes the episode and the subtitler's email.</summary>
public sealed class SubtitleRejectedException(string episodeId, string subtitlerEmail) : Exception($"Subtitles for {episodeId} from {subtitlerEmail} failed QA");

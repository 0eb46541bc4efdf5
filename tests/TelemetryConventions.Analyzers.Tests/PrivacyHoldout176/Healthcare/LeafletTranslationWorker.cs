namespace PrivacyHoldout176.Healthcare;

/// <summary>Translates discharge leaflets for patients who read another language, overnight.</summary>
public sealed class LeafletTranslationWorker(
    IQueueReceiver<TranslationJob> queue,
    IMachineTranslator translator,
    Pseudonymizer pseudonymizer,
    ILogger<LeafletTranslationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Leaflets");
    private static readonly Meter Meter = new("Trust.Leaflets");
    private readonly WardlanguageOperationDurationHistogram _duration = Meter.CreateWardlanguageOperationDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = await queue.ReceiveAsync(stoppingToken);
            if (job is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartWardlanguageOperation("leaflets");
            span.SetWardlanguageLanguage(job.TargetLanguage); // clean generated-api
            span.SetWardlanguageItemCount(job.WordCount); // clean generated-api
            span.SetWardlanguageNote($"Leaflet {job.DocumentTitle} for {job.ClientEmail}"); // leak TC1001 generated-api
            span.SetWardlanguageNote($"Job {job.JobId}: {job.SourceLanguage}->{job.TargetLanguage}"); // clean generated-api
            span.SetWardlanguageLearnerId(pseudonymizer.PseudonymizeWardlanguageLearnerId(job.ClientEmail)); // clean generated-api

            try
            {
                var text = await translator.TranslateAsync(job.DocumentTitle, job.SourceLanguage, job.TargetLanguage, stoppingToken);
                logger.LogInformation("Translated job {JobId} ({Words} words, {Chars} characters)", job.JobId, job.WordCount, text.Length); // clean precision-about
                span.SetWardlanguageOutcome("translated"); // clean generated-api
            }
            catch (TranslationProviderException ex)
            {
                span.RecordException(ex); // clean exceptions
                logger.LogWardlanguageOperationFailedEvent("leaflets", "provider-error", wardlanguageNote: ex.Message); // clean exceptions
                logger.LogWardlanguageOperationFailedEvent("leaflets", "provider-error", wardlanguageNote: "Leaflet for " + job.ClientEmail); // leak TC1001 generated-api
            }

            logger.LogInformation("Job {Job}", job); // leak TC1001 logging-objects
            logger.LogInformation("Progress {Progress}", new JobProgress(job.JobId, job.WordCount, job.WordCount)); // clean logging-objects
            var domain = job.ClientEmail[(job.ClientEmail.IndexOf('@') + 1)..];
            Activity.Current?.SetTag("client.email_domain", domain); // clean precision-about
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "leaflets"); // clean generated-api
        }
    }
}

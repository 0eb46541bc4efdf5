namespace PrivacyHoldout211.Energy;

/// <summary>The supplier's podcast about saving energy: customers send voice questions for the show.</summary>
public sealed class TariffPodcastWorker(IQueueReceiver<VoiceMessage> inbox, IStudioDesk studio, ILogger<TariffPodcastWorker> logger, StreamingOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Podcast");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var message = await inbox.ReceiveAsync(stoppingToken);
            if (message is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("podcast.question");
            activity?.SetTag("podcast.show", message.ShowId); // clean precision-names
            activity?.SetTag("podcast.message", message.MessageId); // clean precision-names
            activity?.SetTag("podcast.caller_name", message.SenderName); // leak TC1001 direct
            activity?.SetTag("podcast.question", message.Transcript); // leak TC1001 direct
            activity?.SetTag("podcast.question_words", message.Transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            var dedupe = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(message.Transcript)));
            activity?.SetTag("podcast.dedupe", dedupe); // leak TC1002 hashes
            using var hmac = new HMACSHA256(options.ShardKey);
            activity?.SetTag("podcast.caller_bucket", Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(message.SenderPhone)))); // clean hashes
            logger.LogInformation("Question {MessageId} of {Seconds}s", message.MessageId, message.DurationSeconds); // clean precision-about
            logger.LogInformation(string.Format("Question from {0}", message.SenderPhone)); // leak TC1001 strings
            var stats = await studio.StatsAsync(message.ShowId, stoppingToken);
            logger.LogInformation("Show stats {@Stats}", stats); // clean logging-objects
        }
    }
}

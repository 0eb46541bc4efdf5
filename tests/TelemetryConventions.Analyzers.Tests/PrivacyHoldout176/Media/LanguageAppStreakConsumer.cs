namespace PrivacyHoldout176.Media;

/// <summary>Consumes lesson-completed events of the broadcaster's language learning app (the topic is keyed by subscriber id).</summary>
public sealed partial class LanguageAppStreakConsumer(
    IConsumer<string, AppLearner> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<LanguageAppStreakConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.LanguageApp");
    private static readonly Meter Meter = new("Broadcaster.LanguageApp");
    private static readonly Histogram<int> Streaks = Meter.CreateHistogram<int>("languageapp.streak.days");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var learner = result.Message.Value;
            using var span = Source.StartSubtitlingOperation("language-app");
            span.SetSubtitlingLearnerId(pseudonymizer.PseudonymizeSubtitlingLearnerId(learner.SubscriberId)); // clean generated-api
            span.SetSubtitlingItemCount(learner.StreakDays); // clean generated-api
            span.SetSubtitlingNote(learner.ProfileName + " kept a streak"); // leak TC1001 generated-api

            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            Activity.Current?.SetTag("learner.profile", learner.ProfileName); // leak TC1001 direct
            Activity.Current?.SetTag("learner.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(learner.SubscriberId)))[..16]); // leak TC1002 hashes
            Activity.Current?.SetTag("learner.partition", KeyedPartition(learner.SubscriberId)); // clean hashes
            Streaks.Record(learner.StreakDays, new KeyValuePair<string, object?>("language", learner.Language)); // clean precision-about
            Streaks.Record(learner.StreakDays, new KeyValuePair<string, object?>("subscriber", pseudonymizer.PseudonymizeSubtitlingLearnerId(learner.SubscriberId).Value)); // leak TC1003 precision-pseudonym
            LogStreak(logger, learner.SubscriberId, learner.StreakDays); // leak TC1001 direct
            LogStreakRedacted(logger, learner.SubscriberId, learner.StreakDays); // clean precision-names
            logger.LogInformation("Learner {Learner}", learner); // leak TC1001 logging-objects
            logger.LogInformation("Streak of {Days} days in {Language}", learner.StreakDays, learner.Language); // clean precision-about
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private int KeyedPartition(string subscriberId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(subscriberId))) % 12;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} streak {Days}")]
    private static partial void LogStreak(ILogger logger, string subscriberId, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} streak {Days}")]
    private static partial void LogStreakRedacted(ILogger logger, [PrivateData] string subscriberId, int days);
}

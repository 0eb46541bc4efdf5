namespace PrivacyHoldout168.Media;

/// <summary>Retries missed device finance payments and, after the third attempt, passes the agreement to collections.</summary>
public sealed class MissedPaymentWorker(
    IQueueReceiver<MissedPayment> queue,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<MissedPaymentWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Subscriptions.MissedPayments");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var missed = await queue.ReceiveAsync(stoppingToken);
            if (missed is null)
            {
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartViewfinanceOperation("UK");
            span.SetViewfinanceSubscriberId(pseudonymizer.PseudonymizeViewfinanceSubscriberId(missed.SubscriberId.ToString())); // clean generated-api
            span.SetViewfinanceAgreementCount(1); // clean generated-api
            logger.LogInformation("Missed payment on {AgreementNumber}, attempt {Attempt}, {Due} due", missed.AgreementNumber, missed.Attempt, missed.AmountDue); // clean precision-about
            logger.LogInformation("Missed payment {@Missed}", missed); // leak TC1001 logging-objects
            var subscriberText = string.Concat("subscriber=", missed.SubscriberId.ToString());
            Activity.Current?.AddEvent(new ActivityEvent(subscriberText)); // leak TC1001 strings
            Activity.Current?.SetTag("collections.subscriber_hash", Convert.ToHexString(SHA256.HashData(missed.SubscriberId.ToByteArray()))); // leak TC1002 hashes
            Activity.Current?.SetTag("collections.queue", HMACSHA256.HashData(secrets.ShardKey, missed.SubscriberId.ToByteArray())[0] % 4); // clean hashes

            if (missed.Attempt >= 3)
            {
                span.SetViewfinanceOutcome("collections"); // clean generated-api
                span.SetViewfinanceNote($"passed to collections after {missed.Attempt} attempts"); // clean generated-api
                logger.LogWarning("Agreement {AgreementNumber} passed to collections", missed.AgreementNumber); // clean precision-about
                logger.LogWarning("Subscriber {SubscriberId} passed to collections", missed.SubscriberId); // leak TC1001 direct
                logger.LogViewfinanceOperationFailedEvent("UK", "collections", viewfinanceSubscriberId: pseudonymizer.PseudonymizeViewfinanceSubscriberId(missed.SubscriberId.ToString())); // clean generated-api
            }
            meter.CreateViewfinanceAgreementDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "UK"); // clean generated-api
            meter.CreateViewfinanceAgreementDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, missed.SubscriberId.ToString()); // leak TC1003 generated-api
        }
    }
}

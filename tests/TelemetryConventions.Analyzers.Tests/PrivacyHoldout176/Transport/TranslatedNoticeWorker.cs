namespace PrivacyHoldout176.Transport;

/// <summary>Publishes translated disruption notices and texts them to passengers who asked for alerts in their language.</summary>
public sealed class TranslatedNoticeWorker(
    IQueueReceiver<DisruptionNotice> notices,
    IMachineTranslator translator,
    IAlertSubscriberStore subscribers,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TranslatedNoticeWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Notices");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var notice = await notices.ReceiveAsync(stoppingToken);
            if (notice is null)
            {
                continue;
            }

            using var span = Source.StartTransitlanguageOperation("notices");
            span.SetTransitlanguageNote($"Route {notice.Route}: {notice.Text}"); // clean generated-api
            Activity.Current?.SetTag("notice.id", notice.NoticeId); // clean precision-names
            Activity.Current?.SetTag("notice.route", notice.Route); // clean precision-names
            logger.LogInformation("Notice {Notice}", notice); // clean logging-objects
            var audience = await subscribers.ForRouteAsync(notice.Route, stoppingToken);
            Activity.Current?.SetTag("notice.audience", audience.Count); // clean precision-about
            logger.LogInformation("Audience languages {Languages}", string.Join(",", audience.Select(a => a.Language).Distinct())); // clean strings
            logger.LogDebug("Audience {Phones}", string.Join(";", audience.Select(a => a.Phone))); // leak TC1001 strings

            foreach (var subscriber in await subscribers.ForRouteAsync(notice.Route, stoppingToken))
            {
                var text = await translator.TranslateAsync(notice.Text, "en", subscriber.Language, stoppingToken);
                logger.LogDebug("Notice {NoticeId} in {Language}: {Text}", notice.NoticeId, subscriber.Language, text); // clean precision-names
                logger.LogDebug("Texting {Phone}", subscriber.Phone); // leak TC1001 direct
                logger.LogDebug("Texting {Subscriber}", subscriber); // leak TC1001 logging-objects
                logger.LogDebug("Texting subscriber {Ref}", pseudonymizer.PseudonymizeTransitlanguageLearnerId(subscriber.SubscriberId)); // clean precision-pseudonym
                logger.LogDebug("Texting subscriber {Sha}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subscriber.SubscriberId)))); // leak TC1002 hashes
                logger.LogDebug("Texting subscriber {Bucket}", Bucket(subscriber.SubscriberId)); // clean hashes
                Activity.Current?.AddEvent(new ActivityEvent("notice.texted", tags: new ActivityTagsCollection { ["language"] = subscriber.Language, ["has_phone"] = subscriber.Phone.Length > 0 })); // clean precision-about
                Activity.Current?.AddEvent(new ActivityEvent("notice.texted", tags: new ActivityTagsCollection { ["subscriber"] = subscriber.SubscriberId })); // leak TC1001 direct
            }
        }
    }

    private int Bucket(string subscriberId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(subscriberId))[1] % 8;
    }
}

/// <summary>A disruption notice: id, route, text (service wording, names no one).</summary>
public sealed record DisruptionNotice(string NoticeId, string Route, string Text);

/// <summary>A passenger signed up for alerts: subscriber id, phone, language.</summary>
public sealed record AlertSubscriber(string SubscriberId, string Phone, string Language);

public interface IAlertSubscriberStore
{
    Task<IReadOnlyList<AlertSubscriber>> ForRouteAsync(string route, CancellationToken cancellationToken = default);
}

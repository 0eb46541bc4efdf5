namespace PrivacyHoldout212.Media;

/// <summary>A viewer signed up for car seat and pram recall alerts after a consumer programme.</summary>
public sealed record AlertSubscriber(string SubscriberId, string Name, string Email, string SeatSerial, string ModelCode);

/// <summary>A parenting broadcaster's recall alert list and the parents' product reviews shown on air.</summary>
public sealed class RecallAlertRepository(
    IRegistrationStore registrations,
    IRecallMailer mailer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<RecallAlertRepository> logger)
{
    private readonly List<AlertSubscriber> _subscribers = new();
    private readonly Histogram<int> _reviewStars = meter.CreateHistogram<int>("parentwire.review.stars");
    private string _lastBounced = string.Empty;

    public void Subscribe(AlertSubscriber subscriber)
    {
        _subscribers.Add(subscriber);
        using var op = source.StartParentwireOperation("watchdog");
        op.SetParentwireKind("recall-alert"); // clean generated-api
        op.SetParentwireClientId(pseudonymizer.PseudonymizeParentwireClientId(subscriber.SubscriberId)); // clean generated-api
        op.SetParentwireProduct(subscriber.ModelCode); // clean generated-api
        op.SetParentwireProduct(subscriber.SeatSerial); // leak TC1001 generated-api
        Activity.Current?.SetTag("alert.subscriber.id", subscriber.SubscriberId); // leak TC1001 direct
        Activity.Current?.SetTag("alert.subscriber.email", subscriber.Email); // leak TC1001 direct
        Activity.Current?.SetTag("alert.subscriber.count", _subscribers.Count); // clean precision-names
        Activity.Current?.SetTag("alert.model", subscriber.ModelCode); // clean precision-about
        logger.LogInformation("Subscribed {Subscriber}", subscriber); // leak TC1001 logging-objects
        logger.LogInformation("Subscribed {Subscriber}", subscriber with { Email = "", SeatSerial = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Subscribed to model {ModelCode} ({Count} on the list)", subscriber.ModelCode, _subscribers.Count); // clean precision-about
    }

    public async Task<int> SendRecallAsync(RecallNotice notice, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        using var op = source.StartParentwireOperation("watchdog");
        op.SetParentwireKind("recall"); // clean generated-api
        op.SetParentwireProduct(notice.ModelCode); // clean generated-api
        op.SetParentwireItems(notice.AffectedUnits); // clean generated-api
        logger.LogInformation("Recall notice {@Notice}", notice); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("recall.started", tags: new ActivityTagsCollection { ["recall.id"] = notice.RecallId, ["batch"] = notice.BatchCode })); // clean precision-names
        var affected = await registrations.FindByBatchAsync(notice.ModelCode, notice.BatchCode, ct);
        var sent = 0;
        foreach (var registration in affected)
        {
            try
            {
                if (!await mailer.SendAsync(registration.OwnerEmail, notice, ct))
                {
                    throw new RecallEmailBouncedException(registration.OwnerEmail);
                }

                sent++;
            }
            catch (RecallEmailBouncedException ex)
            {
                _lastBounced = registration.OwnerEmail;
                logger.LogWarning("Bounce: {Message}", ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Bounce for registration {RegistrationId}", registration.RegistrationId); // clean exceptions
                logger.LogParentwireOperationFailedEvent("watchdog", "bounced", parentwireClientId: pseudonymizer.PseudonymizeParentwireClientId(registration.ParentId)); // clean generated-api
                logger.LogParentwireOperationFailedEvent("watchdog", "bounced", parentwireNote: ex.Message); // leak TC1001 generated-api
            }
        }

        var summary = string.Join(",", affected.Select(r => r.OwnerEmail));
        logger.LogDebug("Recall sent to {Recipients}", summary); // leak TC1001 strings
        var models = string.Join(",", affected.Select(r => r.ModelCode).Distinct());
        logger.LogDebug("Recall models {Models}", models); // clean strings
        meter.CreateParentwireOperationsCounter().Add(sent, "watchdog", "sent"); // clean generated-api
        meter.CreateParentwireOperationDurationHistogram().Record(sw.Elapsed.TotalSeconds, "watchdog"); // clean generated-api
        return sent;
    }

    public void ReportBounces()
    {
        Activity.Current?.SetTag("recall.last.bounce", _lastBounced); // leak TC1001 cross-member
        Activity.Current?.SetTag("recall.last.bounce.domain", _lastBounced.Split('@').Last()); // clean cross-member
    }

    public void Review(ProductReview review)
    {
        _reviewStars.Record(review.Stars, new KeyValuePair<string, object?>("model", review.ModelCode)); // clean precision-about
        _reviewStars.Record(review.Stars, new KeyValuePair<string, object?>("reviewer", review.ReviewerName)); // leak TC1003 direct
        Activity.Current?.SetTag("review.id", review.ReviewId); // clean precision-names
        Activity.Current?.SetTag("review.reviewer", review.ReviewerName); // leak TC1001 direct
        Activity.Current?.SetTag("review.body", review.Body); // leak TC1001 direct
        Activity.Current?.SetTag("review.body.words", review.Body.Split(' ').Length); // clean precision-about
        logger.LogInformation("Review {@Review}", review); // leak TC1001 logging-objects
        logger.LogInformation("Review {Review}", new { review.ReviewId, review.ModelCode, review.Stars }); // clean logging-objects
        var dedupe = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(review.Body)));
        logger.LogDebug("Review dedupe {Key}", dedupe); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(review.ReviewerName)));
        logger.LogDebug("Reviewer bucket {Key}", keyed); // clean hashes
        logger.LogInformation("Reviewer {Reviewer}", pseudonymizer.ComputeParentwireClientId(review.ReviewerName)); // clean precision-pseudonym
        _reviewStars.Record(review.Stars, new KeyValuePair<string, object?>("reviewer", pseudonymizer.ComputeParentwireClientId(review.ReviewerName))); // leak TC1003 precision-pseudonym
    }
}

namespace PrivacyHoldout71.Healthcare;

/// <summary>
/// The replay job the integration desk runs after an outage of a practice system: reads failed
/// deliveries from the log and dead-lettered events from the store, and re-posts them.
/// </summary>
public sealed class ReplayConsole(
    IDeliveryLog deliveryLog,
    IDeadLetterStore deadLetters,
    GpResultNotifier notifier,
    ActivitySource source,
    ILogger<ReplayConsole> logger,
    TimeProvider clock)
{
    public async Task ReplayAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("labhook.replay");
        var failed = await deliveryLog.FailedSinceAsync(clock.GetUtcNow() - window, cancellationToken);
        activity?.SetTag("replay.window_hours", window.TotalHours); // clean precision-about
        activity?.SetTag("replay.failed_count", failed.Count); // clean precision-about
        logger.LogInformation("Replaying deliveries {DeliveryIds}", failed.Select(f => f.DeliveryId).ToArray()); // clean direct

        foreach (var group in failed.GroupBy(f => f.SubscriptionId))
        {
            logger.LogInformation("Subscription {SubscriptionId}: {Count} failed, statuses {Statuses}", group.Key, group.Count(), group.Select(g => g.StatusCode).Distinct().ToArray()); // clean precision-about
        }

        foreach (var attempt in failed.Where(f => f.StatusCode == 422))
        {
            logger.LogInformation("Unmatched at practice: {Reply}", attempt.ResponseBody); // leak TC1001 cross-member
            var body = await deliveryLog.BodyOfAsync(attempt.DeliveryId, cancellationToken);
            if (body is null)
            {
                continue;
            }
            var result = JsonSerializer.Deserialize<ResultAvailable>(body)!;
            activity?.AddEvent(new ActivityEvent("replay.item", tags: new ActivityTagsCollection { ["accession"] = result.AccessionNumber, ["abnormal"] = result.Abnormal })); // clean direct
            logger.LogDebug("Replaying body {Body}", body); // leak TC1001 logging-objects
            await notifier.NotifyAsync(result, cancellationToken);
        }

        var dead = await deadLetters.TakeAsync(100, cancellationToken);
        foreach (var letter in dead)
        {
            logger.LogWarning("Dead letter {EventId} ({Reason}) from {At:u}", letter.EventId, letter.Reason, letter.At); // clean precision-about
            if (letter.Reason == "Unmatched")
            {
                activity?.AddEvent(new ActivityEvent("replay.unmatched", tags: new ActivityTagsCollection { ["detail"] = letter.Detail })); // leak TC1001 cross-member
            }
        }
        logger.LogInformation("Dead letters taken: {Letters}", dead.Select(d => (d.EventId, d.Reason)).ToList()); // clean logging-objects
    }
}

namespace PrivacyHoldout90.Retail;

/// <summary>A notification whose email or SMS failed and waits for another try. Prints its members.</summary>
public sealed record PendingDelivery(string NotificationId, string CustomerNumber, NotificationChannel Channel, string Destination, string Subject, string Body, int Attempts);

public interface IDeliveryQueue
{
    Task<IReadOnlyList<PendingDelivery>> DueAsync(int take, CancellationToken cancellationToken);

    Task RecordAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);

    Task RescheduleAsync(string notificationId, TimeSpan delay, CancellationToken cancellationToken);

    Task DeadLetterAsync(PendingDelivery delivery, string reason, CancellationToken cancellationToken);
}

/// <summary>Retries failed emails and texts with exponential backoff, then dead-letters them.</summary>
public sealed class DeliveryRetryWorker(
    IDeliveryQueue queue,
    IEmailSender email,
    ISmsSender sms,
    NotificationOptions options,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<DeliveryRetryWorker> logger) : BackgroundService
{
    private readonly Histogram<int> _attempts = meter.CreateHistogram<int>("shopnotify.delivery.attempts", "{attempt}");
    private readonly Counter<long> _deadLettered = meter.CreateCounter<long>("shopnotify.dead_lettered", "{notification}");

    private PendingDelivery? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = await queue.DueAsync(50, stoppingToken);
            logger.LogDebug($"Retry sweep: {due.Count} deliveries due"); // clean strings
            foreach (var delivery in due)
            {
                _current = delivery;
                await TryAsync(delivery, stoppingToken);
            }
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }

    private async Task TryAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var channel = delivery.Channel.ToString().ToLowerInvariant();
        using var span = source.StartShopnotifyNotify("retry", channel);
        span.SetShopnotifyNotificationId(delivery.NotificationId); // clean precision-names
        span.SetShopnotifyRecipientId(pseudonymizer.PseudonymizeShopnotifyRecipientId(delivery.CustomerNumber));
        span.Activity?.SetTag("shopnotify.destination.masked", Mask(delivery)); // clean precision-about

        var attempt = delivery.Attempts + 1;
        try
        {
            if (delivery.Channel == NotificationChannel.Email)
            {
                await email.SendAsync(delivery.Destination, delivery.Subject, delivery.Body, cancellationToken);
            }
            else
            {
                await sms.SendAsync(delivery.Destination, delivery.Body, cancellationToken);
            }

            var delivered = new DeliveryAttempt(delivery.NotificationId, delivery.Channel, attempt, "delivered", null);
            await queue.RecordAsync(delivered, cancellationToken);
            logger.LogInformation("Delivered on retry: {@Attempt}", delivered); // clean logging-objects
            _attempts.Record(attempt, new KeyValuePair<string, object?>("shopnotify.channel", channel)); // clean precision-about
        }
        catch (DeliveryFailedException ex)
        {
            await queue.RecordAsync(new DeliveryAttempt(delivery.NotificationId, delivery.Channel, attempt, "failed", ex.Reason), cancellationToken);
            span.SetShopnotifyOutcome(ex.Reason); // clean exceptions
            if (attempt >= options.MaxDeliveryAttempts)
            {
                await queue.DeadLetterAsync(delivery, ex.Message, cancellationToken);
                _deadLettered.Add(1, new KeyValuePair<string, object?>("shopnotify.reason", ex.Reason)); // clean exceptions
                logger.LogError(ex, "Giving up on {NotificationId} after {Attempts} attempts", delivery.NotificationId, attempt); // leak TC1001 exceptions
                span.SetShopnotifyNote($"dead-lettered: {ex.Message}"); // leak TC1001 generated-api
                return;
            }

            var delay = TimeSpan.FromMinutes(Math.Pow(2, attempt));
            await queue.RescheduleAsync(delivery.NotificationId, delay, cancellationToken);
            logger.LogWarning("Try {Attempt} of {NotificationId} failed ({Reason}); next in {Delay}", attempt, delivery.NotificationId, ex.Reason, delay); // clean exceptions
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Unexpected failure delivering {Delivery}", _current); // leak TC1001 cross-member
        }
    }

    /// <summary>An email as its first letter and domain, a phone as its last three digits.</summary>
    private static string Mask(PendingDelivery delivery) => delivery.Channel == NotificationChannel.Email
        ? $"{delivery.Destination[0]}***@{delivery.Destination[(delivery.Destination.IndexOf('@') + 1)..]}"
        : $"*** {delivery.Destination[^3..]}";
}

namespace PrivacyHoldout90.Energy;

/// <summary>A day's consumption of one supply, from the readings pipeline (topic keyed by meter serial).</summary>
public sealed record DailyUsage(string AccountNumber, string MeterSerial, DateOnly Day, double Kwh, double BaselineKwh, string Tariff, string Region);

public sealed record HouseholdMember(string Login, string DisplayName, string Email, bool IsAccountHolder);

public interface IHouseholds
{
    Task<IReadOnlyList<HouseholdMember>> MembersAsync(string accountNumber, CancellationToken cancellationToken);

    /// <summary>The rise over the baseline at which the household wants an alert (0.2 = 20 %).</summary>
    Task<double?> AlertThresholdAsync(string accountNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Sends a household's members a usage alert when a day's consumption rises above their threshold: an
/// in-app notification each, and one multicast push to all their devices.
/// </summary>
public sealed class UsageAlertWorker(
    IConsumer<string, DailyUsage> consumer,
    IHouseholds households,
    INotificationStore inbox,
    IDeviceRegistry devices,
    IFirebaseMessaging fcm,
    ActivitySource source,
    Meter meter,
    ILogger<UsageAlertWorker> logger) : BackgroundService
{
    private const string Verb = "usage.alert";

    private readonly Counter<long> _alerts = meter.CreateCounter<long>("homenotify.usage.alerts", "{alert}");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var span = source.StartHomenotifyNotify(Verb, "push");
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            try
            {
                await HandleAsync(result.Message.Value, span, stoppingToken);
                consumer.Commit(result);
            }
            catch (InvalidOperationException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                consumer.Commit(result);
            }
        }
    }, stoppingToken);

    private async Task HandleAsync(DailyUsage usage, HomenotifyNotifySpan span, CancellationToken cancellationToken)
    {
        var threshold = await households.AlertThresholdAsync(usage.AccountNumber, cancellationToken) ?? 0.2;
        var change = (usage.Kwh - usage.BaselineKwh) / usage.BaselineKwh;
        if (change < threshold)
        {
            span.SetHomenotifyOutcome("below_threshold");
            return;
        }

        var members = await households.MembersAsync(usage.AccountNumber, cancellationToken);
        if (members.Count == 0)
        {
            throw new InvalidOperationException($"Supply account {usage.AccountNumber} has no app members to alert");
        }

        logger.LogInformation("Usage alert for {Day} in {Region} on tariff {Tariff}", usage.Day, usage.Region, usage.Tariff); // clean precision-names
        var text = $"Yesterday you used {change:P0} more electricity than usual.";
        var tokens = new List<string>();
        foreach (var member in members)
        {
            await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), member.Login, null, Verb, "day", usage.Day.ToString("O", CultureInfo.InvariantCulture), text, DateTimeOffset.UtcNow), cancellationToken);
            tokens.AddRange((await devices.ForOwnerAsync(member.Login, cancellationToken)).Select(d => d.Token));
        }
        span.SetHomenotifyRecipientsCount(members.Count); // clean precision-about
        span.SetHomenotifyNote($"threshold {threshold:P0}, {tokens.Count} devices"); // clean precision-about
        logger.LogDebug("Usage alert multicast to {Tokens}", tokens); // leak TC1001 logging-objects

        var batch = await fcm.SendEachForMulticastAsync(new MulticastMessage
        {
            Tokens = tokens,
            Notification = new Notification { Title = "Usage alert", Body = text },
            Apns = new ApnsConfig { Aps = new Aps { Badge = 1, ThreadId = "usage" } },
        }, cancellationToken);

        _alerts.Add(1, new("homenotify.region", usage.Region), new("homenotify.tariff", usage.Tariff)); // clean precision-names
        _alerts.Add(0, new KeyValuePair<string, object?>("homenotify.account", usage.AccountNumber)); // leak TC1003 direct
        for (var i = 0; i < batch.Responses.Count; i++)
        {
            if (batch.Responses[i] is { IsSuccess: false } failed)
            {
                logger.LogWarning("Push to device …{TokenTail} failed: {Code}", tokens[i][^4..], failed.Exception?.MessagingErrorCode); // clean precision-about
            }
        }
        span.Activity?.SetTag("homenotify.household.bucket", (usage.MeterSerial.GetHashCode() & 0x7fffffff) % 64); // leak TC1002 hashes
    }
}

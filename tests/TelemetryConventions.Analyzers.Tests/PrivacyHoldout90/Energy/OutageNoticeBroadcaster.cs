namespace PrivacyHoldout90.Energy;

public sealed record OutageRaised(string IncidentId, string Dno, IReadOnlyList<string> PostcodeDistricts, DateTimeOffset EstimatedRestore);

/// <summary>A household on the Priority Services Register. Prints its members.</summary>
public sealed record PriorityHousehold(string AccountNumber, string HolderName, string Phone, string District, IReadOnlyList<string> Needs);

public interface IPriorityRegister
{
    Task<IReadOnlyList<PriorityHousehold>> InDistrictsAsync(IReadOnlyList<string> districts, CancellationToken cancellationToken);
}

/// <summary>
/// Broadcasts a power cut to the app's district topics (every installation in the district subscribes)
/// and texts each household on the Priority Services Register there.
/// </summary>
public sealed partial class OutageNoticeBroadcaster(
    IFirebaseMessaging fcm,
    IPriorityRegister register,
    ISmsSender sms,
    KeyedShards shards,
    ActivitySource source,
    Meter meter,
    ILogger<OutageNoticeBroadcaster> logger)
{
    private readonly Counter<long> _priorityTexts = meter.CreateCounter<long>("homenotify.psr.texts", "{sms}");

    private string? _lastFailedPhone;

    public async Task BroadcastAsync(OutageRaised outage, CancellationToken cancellationToken)
    {
        using var span = source.StartHomenotifyNotify("outage.notice", "push");
        span.SetHomenotifyCollapseKey(CollapseKeys.For("outage.notice", outage.IncidentId)); // clean precision-names

        var body = $"Power cut in {string.Join(", ", outage.PostcodeDistricts)}. We expect power back by {outage.EstimatedRestore:HH:mm}.";
        foreach (var district in outage.PostcodeDistricts)
        {
            var topic = "outage-" + district.Replace(" ", string.Empty, StringComparison.Ordinal);
            var messageId = await fcm.SendAsync(new Message
            {
                Topic = topic,
                Notification = new Notification { Title = "Power cut", Body = body },
                Android = new AndroidConfig { CollapseKey = outage.IncidentId, Priority = Priority.High },
            }, cancellationToken);
            LogTopicPush(logger, topic, messageId); // clean precision-names
        }
        span.SetHomenotifyNote(body); // clean strings

        var priority = await register.InDistrictsAsync(outage.PostcodeDistricts, cancellationToken);
        span.SetHomenotifyRecipientsCount(priority.Count); // clean precision-about
        logger.LogInformation("Priority households to text: {Households}", priority); // leak TC1001 logging-objects

        foreach (var household in priority)
        {
            using var scope = logger.BeginScope("PSR account {AccountNumber} in {District}", household.AccountNumber, household.District); // leak TC1001 direct
            try
            {
                await sms.SendAsync(household.Phone, $"{household.HolderName}, {body} Call 105 if you need help.", cancellationToken);
                _priorityTexts.Add(1, new KeyValuePair<string, object?>("homenotify.district", household.District), new KeyValuePair<string, object?>("homenotify.needs", household.Needs.Count)); // clean precision-about
            }
            catch (DeliveryFailedException ex)
            {
                _lastFailedPhone = household.Phone;
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Priority text failed ({Reason}) in lane {Lane}", ex.Reason, shards.Of(household.AccountNumber, 8)); // clean hashes
            }
        }

        if (_lastFailedPhone is not null)
        {
            span.Activity?.SetTag("homenotify.psr.last_failed", _lastFailedPhone); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Outage push to topic {Topic}: {MessageId}")]
    private static partial void LogTopicPush(ILogger logger, string topic, string messageId);
}

namespace PrivacyHoldout124.Energy;

/// <summary>A driver's place in a charging hub's virtual queue: the app account, the number plate, the connector wanted.</summary>
public sealed record ChargeQueueTicket(string HubId, string AccountNumber, string NumberPlate, string Connector, int Position, DateTimeOffset JoinedAt);

/// <summary>
/// The supplier's rapid charging hubs keep a virtual queue when every bay is busy: drivers join from the app,
/// are told their position and are called to a bay; a called driver has five minutes to plug in.
/// </summary>
public sealed class ChargingHubQueue(ActivitySource source, ILogger<ChargingHubQueue> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly FlexliveWaitDurationHistogram _wait = meter.CreateFlexliveWaitDurationHistogram();
    private readonly UpDownCounter<int> _waiting = meter.CreateUpDownCounter<int>("hub.queue.waiting");
    private readonly ConcurrentDictionary<string, List<ChargeQueueTicket>> _queues = new();

    public ChargeQueueTicket Join(string hubId, string accountNumber, string numberPlate, string connector)
    {
        using var span = source.StartFlexliveLive(hubId);
        var queue = _queues.GetOrAdd(hubId, _ => new());
        var ticket = new ChargeQueueTicket(hubId, accountNumber, numberPlate, connector, queue.Count + 1, DateTimeOffset.UtcNow);
        queue.Add(ticket);

        span.SetFlexliveQueuePosition(ticket.Position).SetFlexliveItem(connector); // clean precision-about
        _waiting.Add(1, new KeyValuePair<string, object?>("hub", hubId), new KeyValuePair<string, object?>("connector", connector)); // clean precision-about
        logger.LogInformation("Queued {Ticket}", ticket); // leak TC1001 logging-objects
        span.Activity?.SetTag("hub.vehicle", numberPlate); // leak TC1001 direct
        logger.LogDebug("Hub {Hub} queue now {Length} for {Connector}", hubId, queue.Count, connector); // clean precision-about
        return ticket;
    }

    public void Call(string hubId, int bay)
    {
        using var span = source.StartFlexliveLive(hubId);
        var queue = _queues[hubId];
        var next = queue[0];
        queue.RemoveAt(0);

        _wait.Record((DateTimeOffset.UtcNow - next.JoinedAt).TotalSeconds, hubId, "called"); // clean precision-about
        _waiting.Add(-1, new KeyValuePair<string, object?>("hub", hubId), new KeyValuePair<string, object?>("connector", next.Connector)); // clean precision-about
        span.SetFlexliveHouseholdId(pseudonymizer.PseudonymizeFlexliveHouseholdId(next.AccountNumber)); // clean precision-pseudonym
        span.SetFlexliveNote($"bay {bay} for plate ending {next.NumberPlate[^3..]}"); // clean precision-about
        logger.LogInformation("Bay {Bay} at {Hub} called for {Account}", bay, hubId, next.AccountNumber); // leak TC1001 cross-member
    }

    public void Expire(string hubId, ChargeQueueTicket ticket)
    {
        var message = $"Called driver did not plug in: {ticket.NumberPlate} at {ticket.HubId}";
        logger.LogFlexliveActionRejectedEvent(hubId, "no-show", flexliveNote: message); // leak TC1001 generated-api
        Activity.Current?.AddEvent(new ActivityEvent("hub.no_show", tags: new ActivityTagsCollection { ["hub"] = hubId, ["waited.s"] = (DateTimeOffset.UtcNow - ticket.JoinedAt).TotalSeconds })); // clean precision-about
    }
}

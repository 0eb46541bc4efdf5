namespace PrivacyHoldout124.Transport;

/// <summary>A seat held for an admitted passenger while they pay: the hold's id and token, the service, the seats.</summary>
public sealed record SeatHold(Guid HoldId, string HoldToken, string ServiceId, IReadOnlyList<string> Seats, DateTimeOffset ExpiresAt);

/// <summary>
/// When the operator releases advance fares for a new timetable (and for the big events: the cup final, the
/// festival), the booking site puts everyone through a waiting room keyed by the passenger's account id;
/// admitted passengers get a fifteen-minute hold on the seats they pick.
/// </summary>
public sealed class RailSaleWaitingRoom(
    IWaitingRoomClient waitingRoom,
    ActivitySource source,
    ILogger<RailSaleWaitingRoom> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LiveEventOptions options)
{
    private readonly RailliveWaitDurationHistogram _wait = meter.CreateRailliveWaitDurationHistogram();
    private readonly RailliveActionsCounter _actions = meter.CreateRailliveActionsCounter();
    private readonly Counter<long> _holds = meter.CreateCounter<long>("rail.seat.holds");

    public async Task<QueueEntry> JoinAsync(string release, Guid passengerAccountId, string email, CancellationToken ct)
    {
        using var span = source.StartRailliveLive(release);
        var entry = await waitingRoom.EnqueueAsync($"wr-{release}", release, passengerAccountId.ToString(), ct);
        span.SetRailliveQueuePosition(entry.Position).SetRailliveQueueId(entry.WaitingRoomId); // clean precision-about
        span.SetRaillivePassengerId(pseudonymizer.PseudonymizeRaillivePassengerId(passengerAccountId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag(RailliveAttributes.PassengerContact, email); // leak TC1001 generated-api
        logger.LogInformation("Passenger {Passenger} queued for {Release} at {Position}", passengerAccountId, release, entry.Position); // leak TC1001 direct
        return entry;
    }

    public async Task<SeatHold?> HoldAsync(string release, QueueEntry entry, string serviceId, IReadOnlyList<string> seats, CancellationToken ct)
    {
        using var span = source.StartRailliveLive(release);
        var token = await waitingRoom.AdmitAsync(entry.WaitingRoomId, entry.QueueItemId, ct);
        _wait.Record((DateTimeOffset.UtcNow - entry.EnteredAt).TotalSeconds, release, "admitted"); // clean precision-about
        var hold = new SeatHold(Guid.NewGuid(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), serviceId, seats, DateTimeOffset.UtcNow.Add(options.HoldLifetime));

        _holds.Add(seats.Count, new("service", serviceId), new("release", release)); // clean precision-about
        span.SetRailliveItem(serviceId).SetRailliveNote($"seats {string.Join(",", seats)} until {hold.ExpiresAt:HH:mm}"); // clean strings
        logger.LogInformation("Hold {Hold}", hold); // leak TC1001 logging-objects
        logger.LogDebug("Hold {HoldId} on {Service} for {Seats} seats", hold.HoldId, serviceId, seats.Count); // clean precision-names
        span.Activity?.SetBaggage("admission", token.ToString()); // leak TC1001 strings
        return hold;
    }

    public void Expired(string release, SeatHold hold, Guid passengerAccountId)
    {
        _actions.Add(1, release, "expired"); // clean precision-about
        logger.LogRailliveActionRejectedEvent(release, "hold-expired", pseudonymizer.PseudonymizeRaillivePassengerId(passengerAccountId.ToString()), $"hold {hold.HoldId} released {hold.Seats.Count} seats"); // clean generated-api
        Activity.Current?.AddEvent(new ActivityEvent("hold.expired", tags: new ActivityTagsCollection { ["hold"] = hold.HoldId, ["passenger"] = passengerAccountId })); // leak TC1001 direct
    }
}

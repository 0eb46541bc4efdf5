namespace PrivacyHoldout124.Healthcare;

/// <summary>
/// The national booking service opens a season's vaccination slots behind a virtual waiting room: people
/// join with their NHS number (the waiting room's visitor key), wait, and are admitted in batches to book.
/// </summary>
public sealed class VaccineBookingWaitingRoom(
    IWaitingRoomClient waitingRoom,
    ActivitySource source,
    ILogger<VaccineBookingWaitingRoom> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LiveEventOptions options)
{
    private const string RoomId = "wr-vaccine-booking";

    private readonly ClinicqActionsCounter _actions = meter.CreateClinicqActionsCounter();
    private readonly ClinicqWaitDurationHistogram _wait = meter.CreateClinicqWaitDurationHistogram();
    private readonly Counter<long> _joins = meter.CreateCounter<long>("vaccine.waitingroom.joins");

    public async Task<QueueEntry> JoinAsync(string campaign, string nhsNumber, CancellationToken ct)
    {
        using var span = source.StartClinicqLive(campaign);
        var entry = await waitingRoom.EnqueueAsync(RoomId, campaign, nhsNumber, ct);

        span.SetClinicqQueueId(entry.QueueItemId.ToString()); // clean precision-names
        span.SetClinicqQueuePosition(entry.Position); // clean precision-about
        span.SetClinicqPatientId(pseudonymizer.PseudonymizeClinicqPatientId(nhsNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("waitingroom.visitor", entry.VisitorKey); // leak TC1001 cross-member
        logger.LogInformation("Queued {Entry} for {Campaign}", entry, campaign); // leak TC1001 logging-objects
        logger.LogDebug("Queue item {QueueItem} entered at {EnteredAt:O}", entry.QueueItemId, entry.EnteredAt); // clean precision-names
        _joins.Add(1, new KeyValuePair<string, object?>("campaign", campaign)); // clean precision-about
        return entry;
    }

    public async Task<AdmissionToken?> PollAsync(string campaign, Guid queueItemId, DateTimeOffset enteredAt, CancellationToken ct)
    {
        using var span = source.StartClinicqLive(campaign);
        var status = await waitingRoom.GetStatusAsync(RoomId, queueItemId, ct);
        logger.LogDebug("Queue status {@Status}", status); // clean logging-objects
        span.SetClinicqQueuePosition(status.Position).SetClinicqNote($"{status.PeopleAhead} ahead, about {status.EstimatedWait.TotalMinutes:0} min"); // clean precision-about
        if (!status.Admitted)
        {
            return null;
        }

        var token = await waitingRoom.AdmitAsync(RoomId, queueItemId, ct);
        _wait.Record((DateTimeOffset.UtcNow - enteredAt).TotalSeconds, campaign, "admitted"); // clean precision-about
        _actions.Add(1, campaign, "admitted"); // clean precision-about
        logger.LogInformation("Admitted {QueueItem}, token expires {Expiry:O}", token.QueueItemId, token.ExpiresAt); // clean precision-names
        span.Activity?.AddEvent(new ActivityEvent("admitted", tags: new ActivityTagsCollection { ["admission.token"] = token.Token })); // leak TC1001 direct
        return token;
    }

    public bool CheckToken(string campaign, string presented, string nhsNumber)
    {
        using var span = source.StartClinicqLive(campaign);
        try
        {
            var token = waitingRoom.Validate(RoomId, presented);
            span.SetClinicqOutcome("valid"); // clean precision-about
            return true;
        }
        catch (InvalidAdmissionTokenException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Token refused for booking: {Reason}", ex.Reason); // clean exceptions
            logger.LogClinicqActionRejectedEvent(campaign, "token-invalid", pseudonymizer.PseudonymizeClinicqPatientId(nhsNumber), ex.GetType().Name); // clean generated-api
            return false;
        }
        catch (WaitingRoomClosedException ex)
        {
            logger.LogWarning(ex, "Booking waiting room closed for {Campaign}", campaign); // clean exceptions
            return false;
        }
    }

    public async Task<int> RejoinAsync(string campaign, string nhsNumber, CancellationToken ct)
    {
        try
        {
            var entry = await waitingRoom.EnqueueAsync(RoomId, campaign, nhsNumber, ct);
            return entry.Position;
        }
        catch (DuplicateVisitorException ex)
        {
            logger.LogInformation("Rejoin refused: {Message}; keeping {Existing}", ex.Message, ex.Existing); // leak TC1001 exceptions
            Activity.Current?.SetTag("clinicq.patient.nhs", nhsNumber); // leak TC1001 direct
            return -1;
        }
    }
}

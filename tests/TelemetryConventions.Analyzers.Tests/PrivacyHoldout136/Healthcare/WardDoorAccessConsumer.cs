namespace PrivacyHoldout136.Healthcare;

/// <summary>Reads the access control system's events for the secure wards (maternity, mental health) and raises tailgating and forced-door alerts.</summary>
public sealed class WardDoorAccessConsumer(
    IAccessControlClient accessControl,
    ILogger<WardDoorAccessConsumer> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly string[] SecureDoors = ["mat-l2-main", "mat-l2-scbu", "mh-ward-3-airlock", "pharmacy-store"];

    private readonly Counter<long> _reads = meter.CreateCounter<long>("ward.door.reads");
    private readonly Histogram<double> _controllerLag = meter.CreateHistogram<double>("ward.door.controller_lag", "s");
    private readonly ConcurrentDictionary<string, int> _deniedByCard = new();

    private string? _lastTailgateCard;
    private long _lastEventId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var accessEvent in accessControl.EventsAsync("main-hospital", _lastEventId, stoppingToken))
            {
                _lastEventId = accessEvent.EventId;
                if (!SecureDoors.Contains(accessEvent.DoorId))
                {
                    continue;
                }

                await HandleAsync(accessEvent, stoppingToken);
            }
        }
        catch (ControllerOfflineException ex)
        {
            logger.LogError(ex, "Ward door controller offline"); // clean exceptions
            logger.LogError("Controller {ControllerId} offline", ex.ControllerId); // clean precision-names
        }
    }

    private async Task HandleAsync(AccessEvent accessEvent, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("ward.door.event");
        activity?.SetTag("door.id", accessEvent.DoorId); // clean precision-names
        activity?.SetTag("door.controller_id", accessEvent.ControllerId); // clean precision-names
        activity?.SetTag("door.decision", accessEvent.Decision.ToString()); // clean precision-about
        activity?.SetTag("door.card", accessEvent.CardNumber); // leak TC1001 direct
        activity?.SetTag("door.card.prefix", accessEvent.CardNumber[..2]); // clean precision-about

        _reads.Add(1, new TagList { { "door", accessEvent.DoorId }, { "decision", accessEvent.Decision.ToString() } }); // clean precision-names
        _controllerLag.Record((DateTimeOffset.UtcNow - accessEvent.OccurredAt).TotalSeconds, new KeyValuePair<string, object?>("controller", accessEvent.ControllerId)); // clean precision-names

        switch (accessEvent.Decision)
        {
            case AccessDecision.Denied:
                var denials = _deniedByCard.AddOrUpdate(accessEvent.CardNumber, 1, (_, n) => n + 1);
                activity?.SetTag("door.card.denials", denials); // clean precision-about
                if (denials >= 3)
                {
                    logger.LogWarning("Repeated denials at secure wards: {Denials}", _deniedByCard); // leak TC1001 logging-objects
                    logger.LogWarning("{CardCount} cards denied three times or more", _deniedByCard.Count(kv => kv.Value >= 3)); // clean precision-about
                }

                break;

            case AccessDecision.Tailgate:
                _lastTailgateCard = accessEvent.CardNumber;
                logger.LogWarning("Tailgate at {DoorId} behind card {CardNumber} at {OccurredAt}", accessEvent.DoorId, accessEvent.CardNumber, accessEvent.OccurredAt); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("ward.tailgate", tags: new ActivityTagsCollection { ["door"] = accessEvent.DoorId, ["event"] = accessEvent.EventId })); // clean precision-names
                break;

            case AccessDecision.ForcedOpen:
                var state = await accessControl.DoorStateAsync(accessEvent.DoorId, cancellationToken);
                logger.LogError("Door forced: {@DoorState}", state); // clean logging-objects
                break;
        }

        if (accessEvent.HolderRef is { } staffNumber)
        {
            activity?.SetTag("staffpark.staff.id", pseudonymizer.PseudonymizeStaffparkStaffId(staffNumber).Value); // clean precision-pseudonym
            _controllerLag.Record(0, new KeyValuePair<string, object?>("staff", pseudonymizer.PseudonymizeStaffparkStaffId(staffNumber).Value)); // leak TC1003 precision-pseudonym
            activity?.SetBaggage("ward.staff", staffNumber); // leak TC1001 direct
        }

        logger.LogDebug("Ward door event {Event}", accessEvent); // leak TC1001 logging-objects
    }

    public void ReportTailgates()
    {
        using var activity = activitySource.StartActivity("ward.door.tailgate_report");
        activity?.SetTag("ward.last_tailgate.card", _lastTailgateCard); // leak TC1001 cross-member
        activity?.SetTag("ward.last_tailgate.present", _lastTailgateCard is not null); // clean precision-about
        activity?.SetTag("ward.last_event_id", _lastEventId); // clean cross-member
    }
}

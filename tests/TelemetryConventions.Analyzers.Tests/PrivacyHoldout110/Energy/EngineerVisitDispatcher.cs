namespace PrivacyHoldout110.Energy;

public sealed record RescheduleRequested(string VisitId, string AccountNumber, string NewSlotId, string RequestedBy, string Channel);

public sealed record EngineerShift(string StaffNumber, string EngineerName, string Van, string Patch, DateOnly Day, int VisitsPlanned);

public sealed record VisitOutcome(string VisitId, string Outcome, string StaffNumber, string? NoAccessNote);

/// <summary>
/// Consumes reschedule requests from the customer apps (the topic is keyed by account number), moves the
/// visit and re-plans the engineer's day; records visit outcomes, no-access included.
/// </summary>
public sealed class EngineerVisitDispatcher(
    IConsumer<string, RescheduleRequested> consumer,
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    ILogger<EngineerVisitDispatcher> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Dispatch");
    private static readonly Meter Meter = new("Supplier.Dispatch");
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("field_visits.outcomes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("visit.reschedule", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            var request = result.Message.Value;
            var span = activity.EnrichVisitbookBooking("reschedule").SetVisitbookVisitId(request.VisitId); // clean precision-names
            try
            {
                var moved = await engine.RescheduleAsync(request.VisitId, request.NewSlotId, stoppingToken);
                span.SetVisitbookOutcome("rescheduled").SetVisitbookNote($"via {request.Channel}"); // clean generated-api
                logger.LogInformation("Visit {VisitId} moved for {Requested}", moved.BookingId, request); // leak TC1001 logging-objects
            }
            catch (SlotUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogVisitbookBookingFailedEvent("reschedule", "slot_gone", pseudonymizer.PseudonymizeVisitbookAccountId(request.AccountNumber), ex.SlotId); // clean generated-api
            }
            catch (CancellationWindowClosedException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning("Reschedule refused for account {Account}: inside the cut-off", request.AccountNumber); // leak TC1001 direct
            }
            consumer.Commit(result);
        }
    }

    public void PlanDay(EngineerShift shift, IReadOnlyList<Booking> visits)
    {
        using var span = Source.StartVisitbookBooking(shift.Patch).SetVisitbookEngineerId(pseudonymizer.PseudonymizeVisitbookEngineerId(shift.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("shift.van", shift.Van); // clean precision-names
        span.Activity?.SetTag("shift.visits", visits.Count); // clean precision-about
        span.Activity?.SetTag("shift.overbooked", visits.Count > shift.VisitsPlanned); // clean precision-about
        logger.LogInformation("Planned {Shift}", shift); // leak TC1001 logging-objects
        logger.LogDebug("Visit ids for the day {VisitIds}", visits.Select(v => v.BookingId).ToList()); // clean precision-names
        logger.LogDebug("Households on the round {Accounts}", string.Join(";", visits.Select(v => v.BookerRef))); // leak TC1001 strings
    }

    public void RecordOutcome(VisitOutcome outcome, string patch)
    {
        Outcomes.Add(1, new KeyValuePair<string, object?>("patch", patch), new("outcome", outcome.Outcome)); // clean precision-names
        Outcomes.Add(1, new KeyValuePair<string, object?>("engineer", pseudonymizer.ComputeVisitbookEngineerId(outcome.StaffNumber))); // leak TC1003 precision-pseudonym
        if (outcome.Outcome == "no_access" && outcome.NoAccessNote is { } note)
        {
            Activity.Current?.AddEvent(new ActivityEvent("visit.no_access", tags: new ActivityTagsCollection { ["visit"] = outcome.VisitId, ["note"] = note })); // leak TC1001 strings
            Activity.Current?.SetTag("visit.no_access.note_length", note.Length); // clean precision-about
        }
    }
}

namespace PrivacyHoldout175.Healthcare;

/// <summary>
/// The trust runs the medical tent at the county festival: a casualty is booked in by the wristband they wear, and
/// the tent's records are sent back to the trust with the wristband's holder looked up.
/// </summary>
public sealed class FestivalMedicalTentHandler(
    ITicketStore tickets,
    ILogger<FestivalMedicalTentHandler> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Trust.MedicalTent");
    private static readonly Meter Meter = new("Trust.MedicalTent");
    private static readonly Histogram<double> Triage = Meter.CreateHistogram<double>("tent.triage.minutes");

    public async Task<string> BookInAsync(string wristbandUid, string tentArea, int triageCategory, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tent.book-in");
        activity?.SetTag("tent.area", tentArea); // clean precision-names
        activity?.SetTag("triage.category", triageCategory); // clean precision-about
        activity?.SetTag("wristband.uid", wristbandUid); // leak TC1001 direct

        var holder = await tickets.FindByWristbandAsync(wristbandUid, cancellationToken);
        if (holder is null)
        {
            var ex = new WristbandNotRegisteredException(wristbandUid);
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "wristband not registered"); // clean exceptions
            logger.LogWarning("Unregistered wristband of type {Type}", ex.GetType().Name); // clean exceptions
            return "walk-in";
        }

        var casualty = pseudonymizer.PseudonymizeWardgigsHolderId(holder.HolderId);
        using var span = Source.StartWardgigsOperation(tentArea).SetWardgigsHolderId(casualty).SetWardgigsOutcome("booked-in"); // clean generated-api
        span.SetWardgigsNote($"Casualty {holder.FullName}, ticket {holder.TicketType}"); // leak TC1001 generated-api
        span.SetWardgigsNote($"Triage {triageCategory} in {tentArea}"); // clean generated-api
        logger.LogInformation("Booked in {Holder}", holder); // leak TC1001 logging-objects
        logger.LogInformation("Booked in a {TicketType} holder, mobile on file: {HasMobile}", holder.TicketType, holder.Mobile is not null); // clean precision-about
        Triage.Record(12.5, new KeyValuePair<string, object?>("area", tentArea)); // clean precision-names
        Triage.Record(12.5, new KeyValuePair<string, object?>("casualty", casualty.Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.AddBaggage("casualty.email", holder.Email); // leak TC1001 direct
        Activity.Current?.AddBaggage("casualty", casualty.ToString()); // clean precision-pseudonym
        logger.LogWardgigsOperationFailedEvent(tentArea, "handover-late", wardgigsHolderId: casualty, wardgigsNote: "handover to ambulance late"); // clean generated-api
        return holder.TicketType;
    }
}

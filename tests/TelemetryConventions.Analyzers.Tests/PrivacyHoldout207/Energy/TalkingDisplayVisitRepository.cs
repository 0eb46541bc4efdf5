namespace PrivacyHoldout207.Energy;

public sealed record DisplayVisit(string VisitId, string AccountNumber, string HolderName, string AddressLine, string Postcode, string EngineerId, DateTime Slot, bool NeedsBsl);

/// <summary>Books engineers to fit talking or large-display prepayment units at blind and partially sighted customers' homes.</summary>
public sealed class TalkingDisplayVisitRepository(ILogger<TalkingDisplayVisitRepository> logger, CareOptions options)
{
    private static readonly ActivitySource Source = new("PriorityServices.Visits");
    private readonly Dictionary<string, DisplayVisit> _visits = new();

    public string Book(DisplayVisit visit)
    {
        using var activity = Source.StartActivity("display.visit.book");
        _visits[visit.VisitId] = visit;
        activity?.SetTag("visit.id", visit.VisitId); // clean precision-names
        activity?.SetTag("visit.engineer", visit.EngineerId); // leak TC1001 direct
        activity?.SetTag("visit.needs_bsl", visit.NeedsBsl); // clean precision-about
        activity?.SetTag("visit.slot", visit.Slot.ToString("yyyy-MM-ddTHH")); // clean precision-about
        activity?.SetTag("visit.region", options.Region); // clean precision-about
        activity?.SetTag("visit.desk_phone", options.DutyDeskPhone); // clean precision-names
        activity?.SetTag("visit.label", Label(visit)); // leak TC1001 strings
        logger.LogInformation("Booked {@Visit}", visit); // leak TC1001 logging-objects
        logger.LogInformation("Booked {Visit}", new { visit.VisitId, visit.Slot, visit.NeedsBsl }); // clean logging-objects
        return visit.VisitId;
    }

    public void Cancel(string visitId)
    {
        using var activity = Source.StartActivity("display.visit.cancel");
        if (!_visits.Remove(visitId, out var visit))
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"Visit {visitId} not found"); // clean strings
            return;
        }

        activity?.AddEvent(new ActivityEvent("visit.cancelled", tags: new ActivityTagsCollection { ["visit.id"] = visit.VisitId, ["visit.postcode"] = visit.Postcode })); // leak TC1001 direct
        logger.LogInformation("Cancelled visit {VisitId}, {Remaining} left", visitId, _visits.Count); // clean precision-about
    }

    private static string Label(DisplayVisit visit) => $"{visit.HolderName}, {visit.AddressLine}";
}

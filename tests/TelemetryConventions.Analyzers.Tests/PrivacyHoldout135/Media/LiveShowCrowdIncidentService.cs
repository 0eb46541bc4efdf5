namespace PrivacyHoldout135.Media;

/// <summary>An audience member at a live recording, from the ticketing partner's list.</summary>
public sealed record AudienceMember(string ApplicantId, string Name, string Email, string Block, string Seat, bool AccessNeeds);

public sealed record CrowdIncident(string IncidentRef, string Studio, string Block, string Kind, int Injured, IReadOnlyList<AudienceMember> Involved, string FloorManagerStaffId);

/// <summary>Crowd incidents at live shows: crushes at the doors, faints, a fan on the stage.</summary>
public sealed class LiveShowCrowdIncidentService(IIncidentClient incidents, Pseudonymizer pseudonymizer, ILogger<LiveShowCrowdIncidentService> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.LiveShows.Crowd");
    private static readonly Meter Meter = new("Broadcaster.LiveShows.Crowd");
    private static readonly Histogram<long> InjuredPerIncident = Meter.CreateHistogram<long>("liveshow.injured", "{person}");

    public async Task RecordAsync(CrowdIncident incident, CancellationToken ct)
    {
        using var span = Source.StartStudiosafeReport(incident.IncidentRef);
        span.SetStudiosafeStudio(incident.Studio); // clean precision-names
        span.SetStudiosafeCategory(incident.Kind); // clean precision-names
        span.SetStudiosafeInjuredCount(incident.Injured); // clean precision-about
        span.SetStudiosafeReporterId(pseudonymizer.PseudonymizeStudiosafeReporterId(incident.FloorManagerStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("liveshow.block", incident.Block); // clean precision-names
        span.Activity?.SetTag("liveshow.involved.count", incident.Involved.Count); // clean precision-about
        span.Activity?.SetTag("liveshow.involved.seats", incident.Involved.Select(a => $"{a.Block}-{a.Seat}").ToArray()); // clean precision-names
        span.Activity?.SetTag("liveshow.involved.applicants", incident.Involved.Select(a => a.ApplicantId).ToArray()); // leak TC1001 cross-member
        span.Activity?.SetTag("liveshow.involved.access_needs", incident.Involved.Count(a => a.AccessNeeds)); // clean precision-about
        InjuredPerIncident.Record(incident.Injured, new KeyValuePair<string, object?>("studio", incident.Studio)); // clean precision-about

        foreach (var member in incident.Involved)
        {
            span.Activity?.AddEvent(new ActivityEvent("audience.involved", tags: new ActivityTagsCollection { ["applicant.email"] = member.Email })); // leak TC1001 direct
        }

        logger.LogInformation("Crowd incident {IncidentRef} involved {@Involved}", incident.IncidentRef, incident.Involved); // leak TC1001 logging-objects
        var people = incident.Involved.Select(a => new InvolvedPerson(PersonRole.Member, a.ApplicantId, a.Name, null, a.Email, false)).ToList();
        var report = new IncidentReport(incident.IncidentRef, incident.Kind, HarmGrade.Low, incident.Studio, DateTimeOffset.UtcNow, incident.FloorManagerStaffId, incident.Kind, people);
        try
        {
            await incidents.SubmitAsync(report, ct);
        }
        catch (IncidentPlatformUnavailableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogStudiosafeReportFailedEvent(incident.IncidentRef, "queued", studiosafeNote: $"{people.Count} people, retry {ex.RetryAfter}"); // clean generated-api
        }
    }
}

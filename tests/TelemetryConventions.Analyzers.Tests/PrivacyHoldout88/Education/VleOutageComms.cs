namespace PrivacyHoldout88.Education;

/// <summary>
/// Runs the communications of a VLE outage: pages the platform engineer on call by SMS when the paging app
/// is not acknowledged, keeps the public status page current and exports the incident timeline for the review.
/// </summary>
public sealed class VleOutageComms(
    IOnCallDirectory rota,
    ISmsGateway sms,
    IStatusPageClient statusPage,
    IIncidentsApi incidents,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<VleOutageComms> logger)
{
    public async Task SmsFallbackAsync(string incidentId, CancellationToken cancellationToken)
    {
        using var span = source.StartCampuspagePage("vle", "critical");
        span.SetCampuspageIncidentId(incidentId); // clean precision-names
        var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken)
            ?? throw new NoResponderException(options.OnCallScheduleId, 1);
        var responder = shift.Responder;
        span.SetCampuspageResponderId(pseudonymizer.PseudonymizeCampuspageResponderId(responder.StaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("sms.to", PhoneMask.Mask(responder.Phone)); // clean precision-about
        try
        {
            await sms.SendAsync(responder.Phone, $"VLE incident {incidentId} unacknowledged. Reply ACK.", cancellationToken);
            logger.LogInformation("SMS fallback sent to {Phone} for {Incident}", responder.Phone, incidentId); // leak TC1001 direct
        }
        catch (SmsRejectedException ex)
        {
            span.RecordException(ex, "sms rejected", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("SMS refused: {Reason}", ex.Reason); // clean exceptions
        }
    }

    public async Task UpdateStatusPageAsync(string incidentName, string status, int affectedStudents, CancellationToken cancellationToken)
    {
        var update = new StatusUpdate(options.StatusPageId, incidentName, status,
            $"Around {affectedStudents} students cannot submit coursework. Deadlines today are extended by 48 hours.",
            new Dictionary<string, ComponentState> { ["submissions"] = ComponentState.MajorOutage, ["gradebook"] = ComponentState.Operational });
        var id = await statusPage.PostIncidentUpdateAsync(update, cancellationToken);
        logger.LogInformation("Status page updated: {Update}", update); // clean logging-objects
        Activity.Current?.SetTag("statuspage.incident", id); // clean precision-names
        meter.CreateCampuspagePagesSentCounter().Add(1, "statuspage", status, campuspageOutcome: "posted"); // clean precision-about
    }

    public async Task ExportTimelineAsync(string incidentId, CancellationToken cancellationToken)
    {
        var timeline = await incidents.GetTimelineAsync(incidentId, cancellationToken);
        logger.LogInformation("Timeline of {Incident}: {Entries} entries, {Notes} notes", incidentId, timeline.Count, timeline.Count(e => e.Kind == "note")); // clean precision-about
        foreach (var entry in timeline)
        {
            Activity.Current?.AddEvent(new ActivityEvent("incident.timeline", entry.At, new ActivityTagsCollection { ["kind"] = entry.Kind, ["author"] = entry.Author })); // leak TC1001 direct
            logger.LogDebug("{At:o} {Kind}: {Text}", entry.At, entry.Kind, entry.Text); // leak TC1001 direct
        }

        var authors = timeline.Select(e => e.Author).Where(a => a is not null).Distinct().ToList();
        logger.LogInformation("Responders on {Incident}: {Authors}", incidentId, authors); // leak TC1001 logging-objects
        logger.LogInformation("Distinct responders on {Incident}: {Count}", incidentId, authors.Count); // clean precision-about
    }
}

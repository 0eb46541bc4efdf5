namespace PrivacyHoldout217.Healthcare;

/// <summary>Tells next of kin about an incident and files the regulator notification.</summary>
public sealed class IncidentNotifier(CareRecords records, ActivitySource source, ILogger<IncidentNotifier> logger)
{
    private FamilyContact? _nextOfKin;

    public void Prepare(FallReport fall)
    {
        _nextOfKin = records.FamilyOf(fall.ResidentId)[0];
        using var activity = source.StartActivity("incident.prepare");
        activity?.SetTag("incident.id", fall.IncidentId); // clean precision-names
        activity?.SetTag("incident.kin.relationship", _nextOfKin.Relationship); // clean precision-names
    }

    public void Send(string incidentId)
    {
        logger.LogInformation("Calling next of kin {Phone} about {IncidentId}", _nextOfKin?.Phone, incidentId); // leak TC1001 cross-member
        logger.LogInformation("Next of kin {Kin}", _nextOfKin); // leak TC1001 logging-objects
        var body = $"Dear {_nextOfKin?.Name}, we are writing about incident {incidentId}.";
        Activity.Current?.SetTag("incident.letter", body); // leak TC1001 strings
        logger.LogInformation("Regulator notification for incident {IncidentId} sent", incidentId); // clean precision-names
    }
}

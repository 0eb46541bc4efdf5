namespace PrivacyHoldout120.Transport;

public sealed record ThirdParty(string Name, string Phone, string VehiclePlate, string? InsurerCode);

public sealed record BusIncident(string IncidentId, string FleetNumber, string Route, string DriverStaffNumber, ThirdParty? ThirdParty, string AssessorNotes);

/// <summary>The bus operator's fleet claims: a collision with a third party, notified from the depot and assessed by the engineer.</summary>
public sealed class BusIncidentThirdPartyClaims(IClaimsApi claims, ILogger<BusIncidentThirdPartyClaims> logger)
{
    private static readonly ActivitySource Source = new("Buses.FleetClaims");

    public async Task NotifyAsync(BusIncident incident, CancellationToken ct)
    {
        using var activity = Source.StartActivity("fleet.claim.notify");
        activity?.SetTag("bus.fleet_number", incident.FleetNumber); // clean precision-names
        activity?.SetTag("bus.route", incident.Route); // clean precision-names
        activity?.SetTag("bus.driver", incident.DriverStaffNumber); // leak TC1001 direct
        activity?.SetTag("third_party.insurer", incident.ThirdParty?.InsurerCode); // clean precision-names
        activity?.SetTag("third_party.plate", incident.ThirdParty?.VehiclePlate); // leak TC1001 direct
        logger.LogInformation("Third party {ThirdParty} in incident {Incident}", incident.ThirdParty, incident.IncidentId); // leak TC1001 logging-objects
        logger.LogInformation("Assessor notes for {Incident}: {Notes}", incident.IncidentId, incident.AssessorNotes); // leak TC1001 direct

        var intake = await claims.SubmitFnolAsync(new FirstNoticeOfLoss("FLEET-PSV-01", DateTimeOffset.UtcNow, "collision", incident.AssessorNotes, incident.DriverStaffNumber, incident.ThirdParty?.Phone ?? "n/a"), ct);
        activity?.AddEvent(new ActivityEvent("fleet.claim.opened", tags: new ActivityTagsCollection { ["claim.id"] = intake.ClaimId, ["third_party.contact"] = incident.ThirdParty?.Phone })); // leak TC1001 direct
    }
}

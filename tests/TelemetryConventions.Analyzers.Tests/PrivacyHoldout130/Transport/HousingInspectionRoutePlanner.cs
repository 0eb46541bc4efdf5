namespace PrivacyHoldout130.Transport;

public sealed record InspectionStop(string CottageRef, string Depot, string TenantStaffNumber, string TenantName, DateOnly LastInspected, bool PetsDeclared);

public sealed record InspectionRoute(string InspectorStaffNumber, DateOnly Day, IReadOnlyList<InspectionStop> Stops);

/// <summary>
/// Plans the housing officer's quarterly inspection rounds of depot cottages, grouping them by depot, and
/// records the inspection reports as they come back from the officer's tablet.
/// </summary>
public sealed class HousingInspectionRoutePlanner(ILettingsClient lettings, Pseudonymizer pseudonymizer, ILogger<HousingInspectionRoutePlanner> logger)
{
    private static readonly ActivitySource Source = new("Rail.StaffHousing.Inspections");
    private static readonly Meter Meter = new("Rail.StaffHousing.Inspections");

    public InspectionRoute Plan(string inspectorStaffNumber, DateOnly day, IReadOnlyList<InspectionStop> due)
    {
        using var activity = Source.StartActivity("staffhousing.inspections.plan");
        var stops = due.OrderBy(s => s.Depot).ThenBy(s => s.LastInspected).Take(8).ToList();
        var route = new InspectionRoute(inspectorStaffNumber, day, stops);
        activity?.SetTag("inspections.due", due.Count); // clean precision-about
        activity?.SetTag("inspections.planned", stops.Count); // clean precision-about
        activity?.SetTag("inspections.depots", stops.Select(s => s.Depot).Distinct().ToArray()); // clean precision-names
        activity?.SetTag("inspections.cottages", string.Join(',', stops.Select(s => s.CottageRef))); // clean precision-names
        activity?.SetTag("inspections.tenants", string.Join(',', stops.Select(s => pseudonymizer.ComputeRailhomesTenantId(s.TenantStaffNumber)))); // clean precision-pseudonym
        activity?.SetTag("inspections.inspector", inspectorStaffNumber); // leak TC1001 direct
        logger.LogInformation("Route planned: {@Route}", route); // leak TC1001 logging-objects
        logger.LogInformation("Route stops {Stops}", stops.Select(s => $"{s.CottageRef} ({s.TenantName})")); // leak TC1001 strings
        logger.LogInformation("{Pets} of {Count} stops have pets declared", stops.Count(s => s.PetsDeclared), stops.Count); // clean precision-about
        return route;
    }

    public async Task RecordAsync(InspectionReport report, CancellationToken ct)
    {
        using var span = Source.StartRailhomesTenancy(report.PropertyRef).SetRailhomesItemCount(report.Issues.Count); // clean precision-about
        await lettings.SaveInspectionAsync(report, ct);
        span.SetRailhomesOutcome(report.ConditionScore >= 3 ? "satisfactory" : "follow-up");
        Meter.CreateRailhomesActionDurationHistogram().Record((DateTime.UtcNow - report.InspectedOn.ToDateTime(TimeOnly.MinValue)).TotalSeconds, report.InspectorStaffNumber); // leak TC1003 generated-api
        span.SetRailhomesNote($"Condition {report.ConditionScore}/5; {report.Issues.Count} issues"); // clean generated-api
        logger.LogInformation("Inspection {InspectionId} by {Inspector}", report.InspectionId, report.InspectorStaffNumber); // leak TC1001 direct
    }
}

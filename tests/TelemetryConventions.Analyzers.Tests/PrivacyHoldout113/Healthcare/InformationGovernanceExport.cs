namespace PrivacyHoldout113.Healthcare;

public sealed record AccessIncident(string IncidentRef, string StaffId, string StaffName, string HospitalNumber, string Ward, int Views, string Finding);

/// <summary>Builds the information governance team's export of access incidents for the regulator's breach report.</summary>
public sealed class InformationGovernanceExport(
    IRegulatorGateway gateway,
    ILogger<InformationGovernanceExport> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer)
{
    public async Task SubmitAsync(string period, IReadOnlyList<AccessIncident> incidents, CancellationToken cancellationToken)
    {
        using var span = source.StartHcauditRequest($"ico-breach-{period}", "export");
        span.SetHcauditFieldCount(incidents.Count); // clean precision-about
        logger.LogInformation("Incidents in export {Incidents}", incidents); // leak TC1001 logging-objects
        logger.LogInformation("Staff involved {Staff}", string.Join(", ", incidents.Select(i => i.StaffName).Distinct())); // leak TC1001 strings
        logger.LogInformation("Wards involved {Wards}", string.Join(", ", incidents.Select(i => i.Ward).Distinct())); // clean strings

        foreach (var incident in incidents.Where(i => i.Views > 20))
        {
            span.Activity?.AddEvent(new ActivityEvent("hcaudit.incident", tags: new ActivityTagsCollection { ["ref"] = incident.IncidentRef, ["staff"] = incident.StaffId })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("hcaudit.incident.finding", tags: new ActivityTagsCollection { ["ref"] = incident.IncidentRef, ["finding"] = incident.Finding })); // clean precision-names
            span.SetHcauditNote($"{incident.IncidentRef}: {incident.HospitalNumber} viewed {incident.Views} times"); // leak TC1001 generated-api
        }

        var csv = string.Join("\n", incidents.Select(i => $"{i.IncidentRef},{pseudonymizer.ComputeHcauditActorId(i.StaffId)},{i.Ward},{i.Views},{i.Finding}"));
        var regulatorReturn = new RegulatorReturn($"ico-breach-{period}", "ICO", period, incidents.Count, $"ico-breach-{period}.csv");
        try
        {
            await gateway.SubmitAsync(regulatorReturn, Encoding.UTF8.GetBytes(csv), cancellationToken);
            logger.LogInformation("Export preview {Preview}", csv[..Math.Min(csv.Length, 300)]); // clean precision-pseudonym
        }
        catch (ReturnValidationException ex)
        {
            logger.LogError(ex, "Breach export rejected on {Field}", ex.Field); // clean exceptions
        }
        catch (System.Net.Http.HttpRequestException ex)
        {
            var wrapped = new InvalidOperationException($"Export of incident {incidents[0].IncidentRef} for {incidents[0].HospitalNumber} failed", ex);
            span.RecordException(wrapped, includeMessage: true); // leak TC1001 exceptions
        }
    }
}

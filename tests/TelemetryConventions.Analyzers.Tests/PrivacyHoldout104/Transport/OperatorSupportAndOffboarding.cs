namespace PrivacyHoldout104.Transport;

/// <summary>
/// FleetDesk's support engineers open an operator's duty board on a ticket with the operator's grant (a
/// driver's duty will not load); when an operator loses its tender, its data is exported to the transport
/// authority and purged.
/// </summary>
public sealed class OperatorSupportAndOffboarding(
    ISupportAccessStore grants,
    ITenantExporter exporter,
    ITenantPurger purger,
    ITenantMembers members,
    Pseudonymizer pseudonymizer,
    ILogger<OperatorSupportAndOffboarding> logger)
{
    private static readonly ActivitySource Source = new("FleetDesk.Support");

    public async Task OpenDutyAsync(string operatorId, string engineerEmail, string ticketId, string driverStaffNumber, string dutyId)
    {
        using var span = Source.StartFleetdeskTenantAdmin(operatorId);
        var grant = await grants.ActiveGrantAsync(operatorId, engineerEmail);
        if (grant is null)
        {
            logger.LogWarning("Engineer {Engineer} has no grant for operator {OperatorId}", engineerEmail, operatorId); // leak TC1001 direct
            return;
        }

        span.SetFleetdeskSupportGrantId(grant.GrantId).SetFleetdeskDriverId(pseudonymizer.PseudonymizeFleetdeskDriverId(driverStaffNumber)); // clean generated-api
        span.Activity?.SetTag("fleetdesk.duty.id", dutyId); // clean precision-names
        span.Activity?.SetTag("fleetdesk.support.ticket", ticketId); // clean precision-names
        span.SetFleetdeskNote($"duty {dutyId} of driver {driverStaffNumber}"); // leak TC1001 generated-api
        logger.LogInformation("Support grant {@Grant}", grant); // leak TC1001 logging-objects
        span.Activity?.SetTag("fleetdesk.support.grant.remaining_minutes", (int)(grant.ExpiresAt - DateTimeOffset.UtcNow).TotalMinutes); // clean precision-about
    }

    public async Task OffboardAsync(OffboardingRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartFleetdeskTenantAdmin(request.TenantId, "fleetdesk.operator.offboard");
        var drivers = await members.ListAsync(request.TenantId);
        span.Activity?.SetTag("fleetdesk.offboarding.members", drivers.Count); // clean precision-about
        logger.LogInformation("Members to deprovision {Members}", drivers.Select(d => d.UserId).ToList()); // leak TC1001 logging-objects

        var export = await exporter.ExportAsync(request.TenantId, cancellationToken);
        logger.LogInformation("Export for the transport authority {Export}", export); // clean logging-objects
        logger.LogDebug("Drivers export preview {Preview}", await exporter.PreviewAsync(request.TenantId, "drivers", 3)); // leak TC1001 strings
        try
        {
            await purger.PurgeAsync(request.TenantId, cancellationToken);
            span.SetFleetdeskOutcome("purged"); // clean generated-api
        }
        catch (LegalHoldException hold)
        {
            span.RecordException(hold, includeMessage: true).SetFleetdeskOutcome("legal_hold"); // clean exceptions
            logger.LogFleetdeskTenantDeniedEvent(request.TenantId, "legal_hold", fleetdeskNote: hold.HoldId); // clean generated-api
        }
    }
}

using System;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Transport;

public sealed record ParkAndRideInspection(string InspectionId, string SiteCode, string Plate, bool PermitValid, string? PenaltyNoticeNumber);

public sealed record TicketInspection(string InspectionId, string RouteId, string CardNumber, string Outcome);

/// <summary>Audit trail of the revenue inspectors' handheld app.</summary>
public sealed class InspectionAuditLogger(ILogger<InspectionAuditLogger> logger, Pseudonymizer pseudonymizer)
{
    public void CarChecked(ClaimsPrincipal inspector, ParkAndRideInspection inspection)
    {
        var staffNumber = inspector.FindFirst("staff_number")?.Value ?? "unknown";
        var actor = pseudonymizer.PseudonymizeAuditActorId(staffNumber);

        logger.LogAuditRecordedEvent("parkride.check", actor, auditResource: $"inspection/{inspection.InspectionId}"); // clean generated-api
        logger.LogAuditRecordedEvent("parkride.check", actor, auditResource: $"vehicle/{inspection.Plate}"); // leak TC1001 generated-api
        logger.LogInformation("Inspection {InspectionId} at {Site}: permit valid {Valid}", inspection.InspectionId, inspection.SiteCode, inspection.PermitValid); // clean precision-names
        logger.LogInformation("Vehicle {Plate} checked at {Site}", inspection.Plate, inspection.SiteCode); // leak TC1001 direct
        logger.LogInformation("Vehicle registered in area {Area} checked at {Site}", inspection.Plate[..2], inspection.SiteCode); // clean precision-about

        if (inspection.PenaltyNoticeNumber is { } notice)
        {
            logger.LogWarning("Penalty notice {Notice} issued by {Inspector}", notice, staffNumber); // leak TC1001 direct
            logger.LogWarning("Penalty notice {Notice} issued", notice); // clean precision-names
        }

        logger.LogDebug("Inspection record {Inspection}", inspection); // leak TC1001 logging-objects
    }

    public void TicketChecked(ClaimsPrincipal inspector, TicketInspection inspection)
    {
        var activity = Activity.Current;
        activity?.SetTag("inspection.route", inspection.RouteId); // clean precision-names
        activity?.SetTag("inspection.outcome", inspection.Outcome); // clean precision-names
        activity?.SetTag("inspection.inspector", inspector.Identity?.Name); // leak TC1001 direct
        activity?.SetTag("inspection.card", inspection.CardNumber); // leak TC1001 direct
        activity?.SetTag("inspection.card_ref", pseudonymizer.Pseudonymize("fares.card", inspection.CardNumber).Value); // clean precision-pseudonym
        activity?.SetTag(GatewayAttributes.SubjectContact, inspector.FindFirst(ClaimTypes.Email)?.Value); // leak TC1001 generated-api
    }
}

using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Media;

/// <summary>A compliance incident logged by the channel's presentation team: something that went to air and should not have.</summary>
public sealed record OnAirIncident(string IncidentId, string Channel, string Programme, DateTimeOffset TransmittedAt, string CodeSection, string LoggedBy);

/// <summary>A fairness and privacy complaint from someone who appeared in, or was named in, a programme.</summary>
public sealed record FairnessComplaint(string ComplaintId, string Programme, string ComplainantName, string ComplainantEmail, string Text, bool ContributorConsented);

/// <summary>
/// Logs on-air compliance incidents, decides which the broadcaster must report to the regulator, and
/// opens fairness and privacy complaints.
/// </summary>
public sealed class EditorialComplianceService(
    ILogger<EditorialComplianceService> logger,
    IRegulatorPortalClient ofcom,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Broadcaster.Compliance");

    public async Task LogIncidentAsync(OnAirIncident incident, CancellationToken cancellationToken)
    {
        using var triage = Source.StartIncidentTriage("editorial-breach");
        triage.SetIncidentId(incident.IncidentId);
        triage.SetIncidentSite(incident.Channel); // clean direct
        triage.SetIncidentReporterRef(pseudonymizer.PseudonymizeIncidentReporterRef(incident.LoggedBy)); // clean precision-pseudonym
        triage.SetIncidentNote($"{incident.Programme} at {incident.TransmittedAt:HH:mm}, code section {incident.CodeSection}"); // clean generated-api
        logger.LogInformation("On-air incident {IncidentId} logged by {LoggedBy}", incident.IncidentId, incident.LoggedBy); // leak TC1001 direct

        if (!incident.CodeSection.StartsWith("1.", StringComparison.Ordinal))
        {
            return;
        }

        // Section 1 (protecting the under-eighteens) breaches are reported to the regulator.
        using var notification = Source.StartRegulatorNotification("ofcom");
        notification.SetIncidentId(incident.IncidentId);
        try
        {
            var receipt = await ofcom.SubmitAsync(new RegulatorSubmission("ofcom", incident.CodeSection, incident.TransmittedAt, 0, $"{incident.Programme} breached {incident.CodeSection}", "Head of Compliance", "compliance@broadcaster.example"), cancellationToken);
            notification.SetRegulatorReference(receipt.Reference); // clean direct
            notification.SetIncidentOutcome("notified");
        }
        catch (RegulatorPortalException ex)
        {
            logger.LogError(ex, "Regulator portal refused incident {IncidentId}", incident.IncidentId); // clean exceptions
            notification.SetIncidentOutcome($"portal-error-{ex.Status}"); // clean generated-api
        }
    }

    public void OpenComplaint(FairnessComplaint complaint)
    {
        using var triage = Source.StartIncidentTriage("fairness-privacy");
        triage.SetIncidentId(complaint.ComplaintId);
        triage.SetIncidentNote($"privacy complaint from {complaint.ComplainantName} about {complaint.Programme}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(IncidentAttributes.ReporterContact, complaint.ComplainantEmail); // leak TC1001 generated-api

        logger.LogInformation("Complaint {ComplaintId} about {Programme}: {Length} characters, contributor consented {Consented}", complaint.ComplaintId, complaint.Programme, complaint.Text.Length, complaint.ContributorConsented); // clean precision-about
        logger.LogDebug("Complaint {ComplaintId} text: {Text}", complaint.ComplaintId, complaint.Text); // leak TC1001 direct
        if (!complaint.ContributorConsented)
        {
            triage.AddIncidentEscalatedEvent("no-release-form", incidentNote: $"{complaint.ComplainantName} appears without a signed release"); // leak TC1001 generated-api
        }

        meter.CreateIncidentReportsCounter().Add(1, "fairness-privacy", incidentOutcome: complaint.ContributorConsented ? "consented" : "no-release"); // clean generated-api
    }
}

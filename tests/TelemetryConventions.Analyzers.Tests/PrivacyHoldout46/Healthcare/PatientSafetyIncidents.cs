using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Healthcare;

/// <summary>A patient safety incident or near miss as a member of staff records it on the ward.</summary>
public sealed record PatientSafetyIncident(
    string IncidentRef,
    string Ward,
    string Category,
    string HarmGrade,
    string ReporterStaffNumber,
    string ReporterEmail,
    string? PatientNhsNumber,
    string? PatientFamilyName,
    string Description,
    DateTimeOffset OccurredAt,
    bool NearMiss);

public sealed record SubmitIncidentCommand(PatientSafetyIncident Incident) : IRequest<string>;

/// <summary>The national patient safety reporting service (LFPSE) the trust forwards its incidents to.</summary>
public interface ILfpseClient
{
    Task<string> SubmitAsync(PatientSafetyIncident incident, CancellationToken cancellationToken);
}

/// <summary>Thrown by the trust's LFPSE adapter when the national service rejects a record.</summary>
public sealed class LfpseValidationException(string incidentRef, string nhsNumber)
    : Exception($"LFPSE rejected incident {incidentRef}: NHS number {nhsNumber} failed the modulus 11 check")
{
    public string IncidentRef { get; } = incidentRef;
}

public sealed class SubmitIncidentHandler(
    ILogger<SubmitIncidentHandler> logger,
    Pseudonymizer pseudonymizer,
    ILfpseClient lfpse,
    Meter meter) : IRequestHandler<SubmitIncidentCommand, string>
{
    private static readonly ActivitySource Source = new("Trust.PatientSafety");

    public async Task<string> Handle(SubmitIncidentCommand command, CancellationToken cancellationToken)
    {
        var incident = command.Incident;
        using var triage = Source.StartIncidentTriage(incident.NearMiss ? "near-miss" : "patient-safety");
        triage.SetIncidentId(incident.IncidentRef); // clean direct
        triage.SetIncidentSite(incident.Ward);
        triage.SetIncidentSeverity(incident.HarmGrade); // clean precision-about
        triage.SetIncidentReporterRef(pseudonymizer.PseudonymizeIncidentReporterRef(incident.ReporterStaffNumber)); // clean precision-pseudonym
        triage.SetIncidentNote(Summarise(incident.Description)); // leak TC1001 generated-api

        logger.LogInformation("Incident {IncidentRef} recorded on {Ward} by {ReporterStaffNumber}", incident.IncidentRef, incident.Ward, incident.ReporterStaffNumber); // leak TC1001 direct
        logger.LogInformation("Incident {IncidentRef}: patient involved {PatientInvolved}, harm {Harm}", incident.IncidentRef, incident.PatientNhsNumber is not null, incident.HarmGrade); // clean precision-about

        Activity.Current?.SetTag(IncidentAttributes.ReporterContact, incident.ReporterEmail); // leak TC1001 generated-api

        if (incident.HarmGrade is "moderate" or "severe" or "death")
        {
            // Duty of candour applies from moderate harm: the family must be told within ten working days.
            triage.AddIncidentEscalatedEvent("duty-of-candour", pseudonymizer.PseudonymizeIncidentReporterRef(incident.ReporterStaffNumber), $"candour letter due for {incident.PatientFamilyName}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("patient.nhs_number", incident.PatientNhsNumber); // leak TC1001 direct
        }

        try
        {
            var nationalRef = await lfpse.SubmitAsync(incident, cancellationToken);
            triage.AddIncidentEscalatedEvent("forwarded-lfpse", incidentNote: $"national reference {nationalRef}"); // clean generated-api
            meter.CreateIncidentReportsCounter().Add(1, "patient-safety", incidentOutcome: "submitted", incidentSite: incident.Ward); // clean generated-api
            return nationalRef;
        }
        catch (LfpseValidationException ex)
        {
            triage.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("LFPSE rejected {IncidentRef} ({ErrorType})", ex.IncidentRef, ex.GetType().Name); // clean exceptions
            meter.CreateIncidentReportsCounter().Add(1, "patient-safety", incidentOutcome: "rejected", incidentSite: incident.Ward);
            throw;
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "LFPSE unreachable while submitting {IncidentRef}", incident.IncidentRef); // clean exceptions
            throw;
        }
    }

    private static string Summarise(string description) =>
        description.Length <= 120 ? description : description[..117] + "...";
}

using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Support;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Education;

/// <summary>A member of the research integrity office, as the duty rota returns them.</summary>
public sealed record IntegrityOfficer(string StaffId, string DisplayName, string Email);

public interface IIntegrityRota
{
    Task<IntegrityOfficer> NextOfficerAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Receives concerns about research misconduct from the university's whistleblowing platform and opens
/// an integrity case for each.
/// </summary>
[ApiController]
[Route("webhooks/whistleblowing")]
public sealed class WhistleblowingWebhookController(
    ILogger<WhistleblowingWebhookController> logger,
    Pseudonymizer pseudonymizer,
    IIntegrityRota rota,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("University.ResearchIntegrity");

    [HttpPost("reports")]
    public async Task<ActionResult> Receive([FromBody] WhistleblowingReport report, CancellationToken cancellationToken)
    {
        using var triage = Source.StartIncidentTriage("whistleblowing");
        triage.SetIncidentId(report.ReportId); // clean direct
        triage.SetIncidentNote($"{report.PersonsConcerned.Count} persons concerned, category {report.Category}"); // clean generated-api

        logger.LogInformation("Report {ReportId} received via {Channel}, anonymous: {Anonymous}", report.ReportId, report.Channel, report.Anonymous); // clean precision-about
        logger.LogDebug("Reporter's mailbox code for {ReportId} is {AccessCode}", report.ReportId, report.AccessCode); // leak TC1001 direct
        Activity.Current?.SetTag("whistleblowing.access_code.length", report.AccessCode.Length); // clean precision-about
        logger.LogInformation("Persons concerned in {ReportId}: {PersonsConcerned}", report.ReportId, report.PersonsConcerned); // leak TC1001 logging-objects

        if (!report.Anonymous && report.ReporterEmail is { } reporterEmail)
        {
            triage.SetIncidentReporterRef(pseudonymizer.PseudonymizeIncidentReporterRef(reporterEmail)); // clean precision-pseudonym
            Activity.Current?.SetTag(IncidentAttributes.ReporterContact, pseudonymizer.ComputeIncidentReporterRef(reporterEmail)); // leak TC1001 precision-pseudonym
            logger.LogInformation("Named reporter {ReporterName} for {ReportId}", report.ReporterName, report.ReportId); // leak TC1001 direct

            // The platform re-sends a report when the reporter edits it; the same reporter and category is one concern.
            var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{reporterEmail}|{report.Category}")))[..16];
            Activity.Current?.SetTag("whistleblowing.dedupe_key", dedupeKey); // leak TC1002 hashes
        }

        var words = report.Narrative.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Activity.Current?.SetTag("whistleblowing.narrative.words", words); // clean precision-about
        logger.LogTrace("Narrative of {ReportId}: {Narrative}", report.ReportId, report.Narrative); // leak TC1001 direct

        var officer = await rota.NextOfficerAsync(cancellationToken);
        Activity.Current?.SetTag("integrity.case.officer", officer.Email); // leak TC1001 cross-member
        if (report.PersonsConcerned.Any(p => p.Contains(officer.DisplayName, StringComparison.OrdinalIgnoreCase)))
        {
            triage.AddIncidentEscalatedEvent("conflict-of-interest", incidentNote: "officer named in report, reassigned"); // clean generated-api
        }

        meter.CreateIncidentReportsCounter().Add(1, "whistleblowing", incidentOutcome: report.Category); // clean generated-api
        return Ok(new { report.ReportId });
    }
}

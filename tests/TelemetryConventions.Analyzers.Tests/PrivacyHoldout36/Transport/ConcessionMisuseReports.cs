using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Transport;

public enum MisuseKind
{
    PassUsedByAnotherPerson,
    PassAltered,
    ExpiredPassReactivated,
}

public sealed record MisuseReport(
    string InspectorStaffNumber,
    string PhotocardNumber,
    string HolderName,
    string StationCode,
    MisuseKind Kind,
    string Narrative,
    bool PassRetained);

public sealed class ReportValidationException(string photocardNumber, string problem)
    : Exception($"Report for photocard {photocardNumber} rejected: {problem}");

/// <summary>
/// Revenue inspectors report concession passes used by someone other than the holder; the service
/// files a suspicious-activity report with the counter-fraud team and suspends the pass.
/// </summary>
[ApiController]
[Route("misuse-reports")]
public sealed partial class ConcessionMisuseReports(
    IComplianceFilingClient filings,
    Pseudonymizer pseudonymizer,
    ILogger<ConcessionMisuseReports> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Concessions.Misuse");

    private readonly Counter<long> _filed = meter.CreateCounter<long>("concessions.misuse.reports");

    [LoggerMessage(EventId = 8801, Level = LogLevel.Information, Message = "Misuse report on photocard {PhotocardNumber} filed by inspector {Inspector}")]
    private partial void LogFiled([PrivateData] string photocardNumber, [PrivateData] string inspector);

    [LoggerMessage(EventId = 8802, Level = LogLevel.Warning, Message = "Pass {PhotocardNumber} suspended after report {ReportId}")]
    private partial void LogSuspended(string photocardNumber, string reportId);

    [HttpPost]
    public async Task<ActionResult> FileAsync([FromBody] MisuseReport report, CancellationToken ct)
    {
        using var activity = Source.StartActivity("concessions.misuse.file");
        activity?.SetTag("concession.station", report.StationCode); // clean direct
        activity?.SetTag("concession.misuse.kind", report.Kind.ToString());
        activity?.SetTag("concession.misuse.narrative_length", report.Narrative.Length); // clean precision-about
        activity?.SetTag("concession.inspector", report.InspectorStaffNumber); // leak TC1001 direct

        string reportId;
        try
        {
            Validate(report);
            reportId = await filings.FileAsync("concession-misuse", report.Narrative, new Dictionary<string, string> { ["photocard"] = report.PhotocardNumber, ["holder"] = report.HolderName }, ct);
        }
        catch (ReportValidationException ex)
        {
            logger.LogWarning("Misuse report rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            return BadRequest("The report is incomplete.");
        }

        Baggage.SetBaggage("concession.report.id", reportId); // clean direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReportId"] = reportId, ["PassRef"] = pseudonymizer.ComputeRiskSubjectId(report.PhotocardNumber) }); // clean precision-pseudonym
        LogFiled(report.PhotocardNumber, report.InspectorStaffNumber); // clean cross-member
        LogSuspended(report.PhotocardNumber, reportId); // leak TC1001 cross-member

        _filed.Add(1, new KeyValuePair<string, object?>("kind", report.Kind.ToString()), new KeyValuePair<string, object?>("retained", report.PassRetained)); // clean direct
        activity?.AddEvent(new ActivityEvent("concession.misuse.filed", tags: new ActivityTagsCollection { ["report.id"] = reportId, ["holder"] = report.HolderName })); // leak TC1001 direct
        activity?.EnrichRiskAssessment(RiskDecision.Block).SetRiskChannel("inspection").SetRiskNote($"{report.Kind} at {report.StationCode}, pass retained: {report.PassRetained}"); // clean generated-api
        logger.LogInformation("Report {ReportId}: {Report}", reportId, report); // leak TC1001 logging-objects
        logger.LogDebug("Inspector's account: {Narrative}", report.Narrative); // leak TC1001 direct
        return Ok(new { reportId });
    }

    private static void Validate(MisuseReport report)
    {
        if (report.Narrative.Length < 20)
        {
            throw new ReportValidationException(report.PhotocardNumber, "narrative too short");
        }

        if (report.PhotocardNumber.Length != 12)
        {
            throw new ReportValidationException(report.PhotocardNumber, "photocard number must have 12 digits");
        }
    }
}

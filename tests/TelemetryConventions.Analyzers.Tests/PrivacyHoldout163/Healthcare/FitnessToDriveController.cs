namespace PrivacyHoldout163.Healthcare;

/// <summary>A GP practice files fitness-to-drive reports for patients with notifiable conditions.</summary>
[ApiController]
[Route("api/fitness-to-drive")]
public sealed partial class FitnessToDriveController(
    IAgencyMedicalGateway agency,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<FitnessToDriveController> logger) : ControllerBase
{
    [HttpPost("reports")]
    public async Task<ActionResult> File([FromBody] FitnessReport report, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartMedfitOperation("practice-0412");
        span.SetMedfitPatientId(pseudonymizer.PseudonymizeMedfitPatientId(report.NhsNumber)); // clean generated-api
        span.SetMedfitCondition(report.ConditionCode); // clean precision-about
        span.SetMedfitNote($"GP {report.GpName} filed for {report.ConditionCode}"); // leak TC1001 generated-api
        logger.LogInformation("Report {ReportId} for condition {Condition}", report.ReportId, report.ConditionCode); // clean precision-names
        logger.LogInformation("Report received {Report}", report); // leak TC1001 logging-objects
        ReportFiled(logger, report.ReportId, report.NhsNumber); // clean logging-objects
        ReportPatient(logger, report.LicenceNumber); // leak TC1001 logging-objects
        Activity.Current?.SetTag("medfit.verdict", report.Verdict); // clean precision-about
        Activity.Current?.SetTag("medfit.nhs_number", report.NhsNumber); // leak TC1001 direct

        try
        {
            var receipt = await agency.SubmitAsync(report, cancellationToken);
            Activity.Current?.SetTag("medfit.receipt", receipt); // clean precision-names
            var rule = await agency.RuleAsync(report.ConditionCode, cancellationToken);
            logger.LogInformation("Rule {@Rule}", rule); // clean logging-objects
            span.SetMedfitOutcome(rule.StandDownMonths > 0 ? "stand-down" : "fit"); // clean generated-api
            meter.CreateMedfitReportsCounter().Add(1, "practice-0412", medfitOutcome: "filed"); // clean generated-api
            meter.CreateMedfitReportDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "practice-0412"); // clean generated-api
            return Ok(receipt);
        }
        catch (AgencyRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogMedfitOperationFailedEvent("practice-0412", ex.ReasonCode, medfitPatientId: pseudonymizer.PseudonymizeMedfitPatientId(report.NhsNumber)); // clean generated-api
            return BadRequest(ex.ReasonCode);
        }
        catch (PatientNotRegisteredException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogMedfitOperationFailedEvent("practice-0412", "not-registered", medfitNote: ex.Message); // leak TC1001 exceptions
            return NotFound();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} filed for {NhsNumber}")]
    private static partial void ReportFiled(ILogger logger, string reportId, [PrivateData] string nhsNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report concerns licence {LicenceNumber}")]
    private static partial void ReportPatient(ILogger logger, string licenceNumber);
}

namespace PrivacyHoldout132.Healthcare;

public sealed record RecordAdjustmentRequest(string NhsNumber, IReadOnlyList<string> CategoryCodes, string Details, string ClinicCode);

/// <summary>The outpatient booking desk reads and records reasonable adjustment flags before an appointment is booked.</summary>
[ApiController]
[Route("api/adjustments")]
public sealed partial class ReasonableAdjustmentController(
    IAdjustmentFlagClient flags,
    Pseudonymizer pseudonymizer,
    ILogger<ReasonableAdjustmentController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Outpatients.Adjustments");
    private static readonly Meter Meter = new("Trust.Outpatients.Adjustments");
    private static readonly Counter<long> FlagReads = Meter.CreateCounter<long>("adjustments.flag.reads");
    private static readonly Histogram<int> CategoriesPerFlag = Meter.CreateHistogram<int>("adjustments.flag.categories");

    [HttpGet("{nhsNumber}")]
    public async Task<ActionResult> GetAsync(string nhsNumber, string clinicCode, CancellationToken cancellationToken)
    {
        using var span = Source.StartCareaccessAssist(clinicCode);
        span.SetCareaccessPersonId(pseudonymizer.PseudonymizeCareaccessPersonId(nhsNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("http.route", "api/adjustments/{nhsNumber}"); // clean precision-names
        Activity.Current?.SetTag("adjustments.nhs_number", nhsNumber); // leak TC1001 direct

        AdjustmentFlag? flag;
        try
        {
            flag = await flags.GetFlagAsync(nhsNumber, cancellationToken);
        }
        catch (FlagAccessDeniedException ex)
        {
            logger.LogWarning(ex, "Flag read refused at {Clinic}", clinicCode); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Reason); // clean exceptions
            return NotFound();
        }
        catch (FlagServiceUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Flag service down, status {Status}", ex.Status); // clean exceptions
            throw;
        }

        if (flag is null)
        {
            FlagReads.Add(1, new KeyValuePair<string, object?>("clinic", clinicCode), new("found", false)); // clean precision-names
            return NotFound();
        }

        FlagReads.Add(1, new KeyValuePair<string, object?>("clinic", clinicCode), new("found", true)); // clean precision-about
        CategoriesPerFlag.Record(flag.CategoryCodes.Count, new KeyValuePair<string, object?>("clinic", clinicCode)); // clean precision-about
        span.SetCareaccessNeedCount(flag.CategoryCodes.Count); // clean precision-about
        Activity.Current?.SetTag("adjustments.categories", string.Join(",", flag.CategoryCodes)); // clean precision-about
        logger.LogInformation("Adjustment flag read: {@Flag}", flag); // leak TC1001 logging-objects
        logger.LogDebug("Flag details for desk: {Details}", flag.Details); // leak TC1001 direct
        logger.LogDebug("Flag details length {Length}, recorded {RecordedAt}", flag.Details.Length, flag.RecordedAt); // clean precision-about
        Activity.Current?.SetTag("adjustments.recorded_by", flag.RecordedByStaffId); // leak TC1001 direct
        return Ok(flag);
    }

    [HttpPost]
    public async Task<ActionResult> RecordAsync([FromBody] RecordAdjustmentRequest request, CancellationToken cancellationToken)
    {
        var staffId = HttpContext.User.SubjectId ?? "unknown";
        using var span = Source.StartCareaccessAssist(request.ClinicCode);
        span.SetCareaccessStaffId(pseudonymizer.PseudonymizeCareaccessStaffId(staffId)); // clean precision-pseudonym
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RecordedBy"] = staffId, ["Clinic"] = request.ClinicCode }); // leak TC1001 logging-objects

        var flag = new AdjustmentFlag(request.NhsNumber, request.CategoryCodes, request.Details, staffId, DateTimeOffset.UtcNow);
        await flags.PutFlagAsync(flag, cancellationToken);

        LogFlagRecorded(logger, request.NhsNumber, request.CategoryCodes.Count); // clean logging-objects
        LogFlagRecordedUnclassified(logger, request.NhsNumber, request.ClinicCode); // leak TC1001 logging-objects
        span.SetCareaccessOutcome("recorded"); // clean precision-names
        span.SetCareaccessNote($"flag recorded with {request.CategoryCodes.Count} categories for {request.NhsNumber}"); // leak TC1001 generated-api
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Adjustment flag recorded for {NhsNumber} with {Count} categories")]
    private static partial void LogFlagRecorded(ILogger logger, [PrivateData] string nhsNumber, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Adjustment flag recorded for {NhsNumber} at {Clinic}")]
    private static partial void LogFlagRecordedUnclassified(ILogger logger, string nhsNumber, string clinic);
}

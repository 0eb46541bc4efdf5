namespace PrivacyHoldout188.Healthcare;

public sealed record FitNoteUpload(string EmployeeNumber, string ClinicianName, string Condition, DateOnly From, DateOnly To, bool MayBeFit, string Adjustments);

/// <summary>The trust's staff fit note upload: staff send a photo of their fit note and HR keys it.</summary>
[ApiController]
[Route("staff/fit-notes")]
public sealed partial class FitNoteController(
    IHrRecords hr,
    Pseudonymizer pseudonymizer,
    ILogger<FitNoteController> logger,
    Meter meter,
    OccHealthOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.OccHealth.FitNotes");
    private static readonly Counter<long> Uploads = new Meter("Trust.OccHealth").CreateCounter<long>("fitnote.uploads");

    private string? _lastEmployeeNumber;

    [HttpPost("")]
    public async Task<ActionResult> UploadAsync([FromBody] FitNoteUpload upload, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fitnote.upload");
        activity?.SetTag("staff.employee_number", upload.EmployeeNumber); // leak TC1001 direct
        activity?.SetTag("fitnote.may_be_fit", upload.MayBeFit); // clean precision-about
        activity?.SetTag("fitnote.days", upload.To.DayNumber - upload.From.DayNumber + 1); // clean precision-about
        activity?.SetTag("fitnote.clinician", upload.ClinicianName); // leak TC1001 direct
        activity?.SetTag("fitnote.condition", upload.Condition); // leak TC1001 direct
        activity?.SetTag("fitnote.condition_length", upload.Condition.Length); // clean precision-about
        activity?.SetTag("fitnote.has_adjustments", !string.IsNullOrWhiteSpace(upload.Adjustments)); // clean precision-about
        activity?.SetTag("staff.client_id", pseudonymizer.ComputeMedfitClientId(upload.EmployeeNumber)); // clean precision-pseudonym
        _lastEmployeeNumber = upload.EmployeeNumber;

        var employee = await hr.FindEmployeeAsync(upload.EmployeeNumber, cancellationToken);
        if (employee is null)
        {
            var ex = new EmployeeNotFoundException(upload.EmployeeNumber);
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "employee not found"); // clean exceptions
            return NotFound();
        }

        var fitNoteId = Guid.NewGuid().ToString("N");
        var note = new FitNote(fitNoteId, employee.EmployeeNumber, upload.ClinicianName, upload.Condition, upload.From, upload.To, upload.MayBeFit, upload.Adjustments);
        await hr.SaveFitNoteAsync(note, cancellationToken);

        activity?.SetTag("fitnote.id", fitNoteId); // clean precision-names
        activity?.SetTag("staff.department", employee.DepartmentCode); // clean precision-names
        activity?.SetTag("staff.email_domain", employee.WorkEmail.Split('@')[1]); // clean precision-about
        logger.LogInformation("Fit note {FitNote} stored", note); // leak TC1001 logging-objects
        logger.LogInformation("Fit note {FitNoteId} stored for department {Department}", fitNoteId, employee.DepartmentCode); // clean precision-names
        logger.LogDebug("Fit note as keyed {@Note}", note with { Condition = "", Adjustments = "" }); // leak TC1001 logging-objects
        logger.LogDebug("Fit note dates {@Dates}", new { note.FitNoteId, note.From, note.To, note.MayBeFit }); // clean logging-objects
        FitNoteStored(logger, fitNoteId, employee.FullName); // clean logging-objects
        FitNoteKeyed(logger, employee.EmployeeNumber); // leak TC1001 logging-objects

        Uploads.Add(1, new KeyValuePair<string, object?>("site", employee.SiteCode)); // clean precision-names
        Uploads.Add(1, new KeyValuePair<string, object?>("staff", employee.EmployeeNumber)); // leak TC1003 direct
        meter.CreateMedfitOperationsCounter().Add(1, medfitSite: employee.SiteCode, medfitOutcome: "accepted"); // clean generated-api

        using var span = Source.StartMedfitOperation(employee.SiteCode); // clean generated-api
        span.SetMedfitClientId(pseudonymizer.PseudonymizeMedfitClientId(employee.EmployeeNumber)); // clean generated-api
        span.SetMedfitCaseType("fit-note"); // clean generated-api
        span.SetMedfitNote($"fit note from {upload.ClinicianName}"); // leak TC1001 generated-api
        span.SetMedfitNote($"fit note {fitNoteId} keyed, {note.To.DayNumber - note.From.DayNumber + 1} days"); // clean generated-api

        Baggage.SetBaggage("oh.case", fitNoteId); // clean precision-names
        Baggage.SetBaggage("oh.staff", employee.EmployeeNumber); // leak TC1001 direct
        return Ok(new { fitNoteId });
    }

    [HttpGet("last")]
    public ActionResult Last()
    {
        Activity.Current?.SetTag("fitnote.last_staff", _lastEmployeeNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("fitnote.has_last", _lastEmployeeNumber is not null); // clean precision-about
        return Ok();
    }

    [HttpPost("reject")]
    public async Task<ActionResult> RejectAsync([FromBody] FitNoteUpload upload, CancellationToken cancellationToken)
    {
        var employee = await hr.FindEmployeeAsync(upload.EmployeeNumber, cancellationToken) ?? throw new ReferralNotFoundException("none");
        try
        {
            throw new FitNoteRejectedException(employee.FullName, upload.Condition);
        }
        catch (FitNoteRejectedException ex)
        {
            logger.LogWarning(ex, "Fit note rejected"); // leak TC1001 exceptions
            logger.LogWarning("Fit note rejected: {Reason}", ex.GetType().Name); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(employee.NiNumber)));
            Activity.Current?.SetTag("staff.ni_hash", hash); // leak TC1002 hashes
            using var hmac = new HMACSHA256(options.ShardKey);
            var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(employee.EmployeeNumber))[0] % 16;
            Activity.Current?.SetTag("staff.shard", shard); // clean hashes
            meter.CreateMedfitOperationDurationHistogram().Record(0.2, medfitSite: employee.SiteCode); // clean generated-api
            return BadRequest("fit note rejected");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fit note {FitNoteId} stored for {EmployeeName}")]
    private static partial void FitNoteStored(ILogger logger, string fitNoteId, [PrivateData] string employeeName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fit note keyed for staff {EmployeeNumber}")]
    private static partial void FitNoteKeyed(ILogger logger, string employeeNumber);
}

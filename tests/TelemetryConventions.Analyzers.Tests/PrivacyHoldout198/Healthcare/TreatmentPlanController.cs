namespace PrivacyHoldout198.Healthcare;

/// <summary>An NHS and private dental practice: treatment plans, X-rays and FP17 claims.</summary>
[ApiController]
[Route("api/practice")]
public sealed partial class TreatmentPlanController(
    PatientStore patients,
    PlanStore plans,
    ImagingArchive imaging,
    ClaimsPortal claims,
    ClinicianDirectory clinicians,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TreatmentPlanController> logger,
    PracticeOptions options,
    TelemetrySecrets secrets) : ControllerBase
{
    private readonly Counter<long> _plansCreated = meter.CreateCounter<long>("practice.plans.created");
    private readonly Histogram<double> _patientCharge = meter.CreateHistogram<double>("practice.plan.patient_charge", "GBP");
    private string? _lastNhsNumber;
    private Guid _lastPlanId;

    [HttpGet("patients/{patientNumber}/plans")]
    public async Task<ActionResult> GetPlans(string patientNumber)
    {
        var activity = Activity.Current;
        activity?.SetTag("practice.patient.number", patientNumber); // leak TC1001 direct
        activity?.SetTag("practice.patient.number_length", patientNumber.Length); // clean precision-about
        var patient = await patients.FindAsync(patientNumber);
        if (patient is null)
        {
            var notFound = new PatientNotFoundException(patientNumber);
            activity?.AddException(notFound); // leak TC1001 exceptions
            activity?.SetTag("error.type", notFound.GetType().Name); // clean exceptions
            return NotFound();
        }

        _lastNhsNumber = patient.NhsNumber;
        activity?.SetTag("practice.patient.ref", pseudonymizer.Pseudonymize(Spaces.Patient, patient.PatientNumber).Value); // clean precision-pseudonym
        activity?.SetTag("practice.patient.exempt", patient.Exempt); // clean precision-about
        activity?.SetTag("practice.patient.email_domain", patient.Email[(patient.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("practice.patient.mobile", patient.Mobile); // leak TC1001 direct
        var list = await plans.ListAsync(patientNumber);
        activity?.SetTag("practice.plan.count", list.Count); // clean precision-about
        foreach (var plan in list)
        {
            logger.LogInformation("Plan {PlanId} in {Band} with {ItemCount} items", plan.PlanId, plan.Band, plan.Items.Count); // clean precision-names
        }

        logger.LogInformation("Loaded plans for {PatientName}", patient.FullName); // leak TC1001 direct
        logger.LogDebug("First plan {@Plan}", list.FirstOrDefault()); // leak TC1001 logging-objects
        var summaries = list.Select(p => new PlanSummary(p.PlanId, p.Band, p.Items.Count, p.PatientCharge, options.Surgery)).ToList();
        logger.LogDebug("Plan summaries {@Summaries}", summaries); // clean logging-objects
        return Ok(summaries);
    }

    [HttpPost("patients/{patientNumber}/plans")]
    public async Task<ActionResult> CreatePlan(string patientNumber, [FromBody] CreatePlanRequest request)
    {
        using var span = source.StartToothlineOperation(options.Practice);
        span.SetToothlinePatientId(pseudonymizer.PseudonymizeToothlinePatientId(patientNumber)); // clean generated-api
        span.SetToothlineBand(request.Band); // clean generated-api
        span.SetToothlineProcedure(request.Items.FirstOrDefault() ?? "exam"); // clean generated-api
        var plan = await plans.CreateAsync(patientNumber, request.Band, request.Items);
        _lastPlanId = plan.PlanId;
        span.SetToothlineNote($"plan {plan.PlanId} opened in {plan.Band} with {plan.Items.Count} items"); // clean generated-api
        span.SetToothlineNote($"plan for {plan.PatientName}: {plan.ClinicalNote}"); // leak TC1001 generated-api
        _plansCreated.Add(1, new KeyValuePair<string, object?>("practice.band", plan.Band)); // clean precision-names
        _patientCharge.Record((double)plan.PatientCharge, new KeyValuePair<string, object?>("practice.band", plan.Band)); // clean precision-about
        _plansCreated.Add(1, new KeyValuePair<string, object?>("practice.patient", patientNumber)); // leak TC1003 direct
        meter.CreateToothlineOperationsCounter().Add(1, options.Practice, "booked"); // clean generated-api
        logger.LogInformation("Plan {PlanId} charge {PatientCharge} exemption checked", plan.PlanId, plan.PatientCharge); // clean precision-names
        ToothlineLog.PlanCreated(logger, plan.PlanId, patientNumber); // clean logging-objects
        ToothlineLog.ChargeQuoted(logger, plan.PatientCharge, patientNumber); // leak TC1001 logging-objects
        return Ok(new { plan.PlanId, plan.Band });
    }

    [HttpPost("patients/{patientNumber}/xrays")]
    public async Task<ActionResult> TakeXray(string patientNumber, [FromBody] XrayUpload upload)
    {
        var activity = source.StartActivity("practice.xray.store");
        activity?.SetTag("practice.xray.kind", upload.Kind); // clean precision-names
        activity?.SetTag("practice.xray.tooth", upload.Tooth); // clean precision-about
        try
        {
            var image = await imaging.StoreAsync(patientNumber, upload.Kind, upload.Tooth, upload.Image);
            activity?.SetTag("practice.xray.image_id", image.ImageId); // clean precision-names
            activity?.SetTag("practice.xray.file", image.FileName); // leak TC1001 direct
            activity?.SetTag("practice.xray.dose_usv", image.DoseMicroSieverts); // clean precision-about
            activity?.AddEvent(new ActivityEvent("xray.stored", tags: new ActivityTagsCollection { ["image.id"] = image.ImageId, ["bytes"] = upload.Image.Length })); // clean precision-names
            logger.LogInformation("Stored radiograph {Radiograph}", image); // leak TC1001 logging-objects
            logger.LogInformation("Stored radiograph {@Radiograph}", image with { PatientNumber = "", FileName = "" }); // clean logging-objects
            return Ok(image.ImageId);
        }
        catch (ImagingDeviceOfflineException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Imaging device offline with {StatusCode}", ex.StatusCode); // clean exceptions
            return BadRequest("imaging offline");
        }
        finally
        {
            activity?.Dispose();
        }
    }

    [HttpPost("claims/{planId}")]
    public async Task<ActionResult> SubmitClaim(Guid planId, string performerNumber)
    {
        var activity = Activity.Current;
        var clinician = clinicians.Find(performerNumber);
        if (clinician is null)
        {
            var ex = new ClinicianNotOnPerformersListException(performerNumber, "unknown");
            logger.LogWarning(ex, "Claim for plan {PlanId} refused", planId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "performer not on list"); // clean exceptions
            return BadRequest();
        }

        activity?.SetTag("practice.clinician.role", clinician.Role); // clean precision-names
        activity?.SetTag("practice.clinician.performer", clinician.PerformerNumber); // leak TC1001 direct
        activity?.SetTag("practice.clinician.ref", pseudonymizer.Pseudonymize(Spaces.Clinician, clinician.GdcNumber).Value); // clean precision-pseudonym
        logger.LogInformation("Claim by {Clinician}", clinician); // clean logging-objects
        logger.LogInformation("Claim by {@Clinician}", clinician); // leak TC1001 logging-objects
        var plan = await plans.GetAsync(planId) ?? throw new PlanNotFoundException(planId);
        var claimRef = await claims.SubmitFp17Async(clinician.PerformerNumber, _lastNhsNumber ?? string.Empty, plan.Band);
        activity?.SetTag("practice.claim.reference", claimRef); // clean precision-names
        activity?.SetTag("practice.claim.nhs_number", _lastNhsNumber); // leak TC1001 cross-member
        Baggage.SetBaggage("practice.plan_id", planId.ToString()); // clean precision-names
        Baggage.SetBaggage("practice.nhs_number", _lastNhsNumber); // leak TC1001 cross-member
        var nhsHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastNhsNumber ?? string.Empty)));
        activity?.SetTag("practice.claim.patient_hash", nhsHash); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(plan.PatientNumber))[0] % 16;
        activity?.SetTag("practice.claim.shard", shard); // clean hashes
        meter.CreateToothlineOperationDurationHistogram().Record(0.4, options.Practice); // clean generated-api
        return Ok(claimRef);
    }

    [HttpPost("charts/{patientNumber}")]
    public ActionResult UpdateChart(string patientNumber, [FromBody] IReadOnlyList<ChartEntry> entries)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PatientNumber"] = patientNumber, ["Surgery"] = options.Surgery }); // leak TC1001 direct
        using var planScope = logger.BeginScope(new Dictionary<string, object> { ["PlanId"] = _lastPlanId, ["Surgery"] = options.Surgery }); // clean cross-member
        var conditions = string.Join(",", entries.Select(e => $"{e.Tooth}{e.Surface}:{e.Condition}"));
        logger.LogInformation("Chart updated: {Conditions}", conditions); // clean strings
        var comments = new StringBuilder();
        foreach (var entry in entries.Where(e => e.Comment is not null))
        {
            comments.Append(entry.Tooth).Append(' ').Append(entry.Comment).Append("; ");
        }

        logger.LogDebug("Chart comments {Comments}", comments.ToString()); // leak TC1001 strings
        logger.LogInformation("Chart has {EntryCount} entries and {CommentLength} comment chars", entries.Count, comments.Length); // clean precision-about
        Activity.Current?.SetTag("practice.chart.patient_key", patientNumber.GetHashCode()); // leak TC1002 hashes
        return Ok();
    }

    [HttpPost("patients/{patientNumber}/failed")]
    public async Task<ActionResult> ReportFailed(string patientNumber)
    {
        var patient = await patients.FindAsync(patientNumber);
        var pseudonym = pseudonymizer.PseudonymizeToothlinePatientId(patientNumber);
        logger.LogToothlineOperationFailedEvent(options.Practice, "failed", toothlinePatientId: pseudonym, toothlineNote: "plan could not be priced"); // clean generated-api
        logger.LogToothlineOperationFailedEvent(options.Practice, "failed", toothlinePatientId: pseudonym, toothlineNote: $"could not price plan for {patient?.Email}"); // leak TC1001 generated-api
        meter.CreateToothlineOperationsCounter().Add(1, options.Practice, pseudonym.Value); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag(ToothlineAttributes.Contact, patient?.Mobile); // leak TC1001 generated-api
        return Ok();
    }
}

public sealed record CreatePlanRequest(string Band, IReadOnlyList<string> Items);

public sealed record XrayUpload(string Kind, string Tooth, byte[] Image);

internal static partial class ToothlineLog
{
    [LoggerMessage(EventId = 19801, Level = LogLevel.Information, Message = "Plan {PlanId} created for patient {PatientNumber}")]
    public static partial void PlanCreated(ILogger logger, Guid planId, [PrivateData] string patientNumber);

    [LoggerMessage(EventId = 19802, Level = LogLevel.Information, Message = "Charge {Charge} quoted to patient {PatientNumber}")]
    public static partial void ChargeQuoted(ILogger logger, decimal charge, string patientNumber);
}

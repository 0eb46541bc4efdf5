namespace PrivacyHoldout203.Healthcare;

/// <summary>A trust's ward teams submit emergency proxy applications for patients admitted after the proxy deadline.</summary>
[ApiController]
[Route("api/emergency-proxy")]
public sealed partial class EmergencyProxyController(
    IElectoralRegister register,
    ISectorStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<EmergencyProxyController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.EmergencyProxy");
    private const string ProxyFormTemplateId = "ep-2026-attested";

    private readonly Counter<long> _requests = meter.CreateCounter<long>("trust.emergency_proxy.requests");
    private string? _lastPatientNhsNumber;
    private string _wardOnDuty = "unknown";
    private int _patientsToday;

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] EmergencyProxyRequest request, CancellationToken ct)
    {
        using var activity = Source.StartActivity("emergency_proxy.submit");
        activity?.SetTag("proxy.request.id", request.RequestId); // clean precision-names
        activity?.SetTag("proxy.ward", request.WardCode); // clean precision-about
        activity?.SetTag("proxy.election", request.ElectionId); // clean precision-names
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("proxy.name", request.ProxyName); // leak TC1001 direct
        activity?.SetTag("patient.elector_number", request.ElectorNumber); // leak TC1001 direct
        activity?.SetTag("proxy.attested_by", request.AttestingClinicianGmc); // leak TC1001 direct
        activity?.SetTag("proxy.phone.length", request.ProxyPhone.Length); // clean precision-about
        activity?.SetTag("proxy.attested", !string.IsNullOrEmpty(request.AttestingClinicianGmc)); // clean precision-about
        activity?.SetTag("proxy.form_template_id", ProxyFormTemplateId); // clean precision-names
        activity?.AddBaggage("patient.elector", request.ElectorNumber); // leak TC1001 direct

        _lastPatientNhsNumber = request.NhsNumber;
        _wardOnDuty = request.WardCode;
        _patientsToday++;

        Activity.Current.EnrichWardvoteOperation(request.WardCode)
            .SetWardvoteElectorId(pseudonymizer.PseudonymizeWardvoteElectorId(request.ElectorNumber)) // clean generated-api
            .SetWardvoteChannel("proxy") // clean generated-api
            .SetWardvoteElection(request.ElectionId) // clean generated-api
            .SetWardvoteNote($"emergency proxy for {request.PatientName}, proxy {request.ProxyName}"); // leak TC1001 generated-api

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = request.RequestId, ["Ward"] = request.WardCode }); // clean logging-objects
        logger.LogInformation("Emergency proxy received {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Emergency proxy copy {@Request}", request with { NhsNumber = "", PatientName = "" }); // leak TC1001 logging-objects
        var receipt = new ProxyRequestReceipt(request.RequestId, request.WardCode, request.ElectionId, Attested: true);
        logger.LogInformation("Receipt issued {@Receipt}", receipt); // clean logging-objects
        logger.LogInformation("Receipt {Receipt}", new { receipt.RequestId, receipt.WardCode, Waiting = _patientsToday }); // clean logging-objects
        LogProxyForPatient(logger, request.RequestId, request.PatientName); // clean logging-objects
        LogAttestingClinician(logger, request.AttestingClinicianGmc); // leak TC1001 logging-objects

        try
        {
            var elector = await register.FindAsync(request.ElectorNumber, ct) ?? throw new ElectorNotFoundException(request.ElectorNumber);
            activity?.SetTag("patient.on_open_register", elector.OnOpenRegister); // clean precision-about
            activity?.SetTag("patient.polling_district", elector.PollingDistrict); // clean precision-about
            activity?.SetTag("patient.age_at_poll", DateTime.UtcNow.Year - elector.DateOfBirth.Year); // clean precision-about
            activity?.SetTag("patient.address", elector.Address); // leak TC1001 direct
        }
        catch (ElectorNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return NotFound("The patient is not on the register");
        }
        catch (RegisterUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Register unavailable for request {RequestId}", request.RequestId); // clean exceptions
            logger.LogWardvoteOperationFailedEvent(request.WardCode, "failed", wardvoteNote: ex.Message); // clean generated-api
            return BadRequest("Try again later");
        }

        await store.SaveAsync(request, ct);
        TagPatient(activity, request);
        _requests.Add(1, new KeyValuePair<string, object?>("ward", request.WardCode)); // clean precision-about
        _requests.Add(1, new KeyValuePair<string, object?>("patient", request.NhsNumber)); // leak TC1003 direct
        _requests.Add(1, new KeyValuePair<string, object?>("elector", pseudonymizer.ComputeWardvoteElectorId(request.ElectorNumber))); // leak TC1003 precision-pseudonym
        meter.CreateWardvoteOperationsCounter().Add(1, request.WardCode, wardvoteOutcome: "accepted"); // clean generated-api
        return Ok(receipt);
    }

    [HttpGet("summary")]
    public ActionResult Summary()
    {
        using var activity = Source.StartActivity("emergency_proxy.summary");
        activity?.SetTag("proxy.ward_on_duty", _wardOnDuty); // clean cross-member
        activity?.SetTag("proxy.patients_today", _patientsToday); // clean cross-member
        activity?.SetTag("proxy.last_patient", _lastPatientNhsNumber); // leak TC1001 cross-member
        activity?.SetTag("proxy.last_patient.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastPatientNhsNumber ?? "")))); // leak TC1002 hashes
        activity?.SetTag("proxy.last_patient.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_lastPatientNhsNumber ?? ""))[0] % 16); // clean hashes
        return Ok();
    }

    private void TagPatient(Activity? activity, EmergencyProxyRequest request)
    {
        var key = PatientKey(request);
        activity?.SetTag("patient.key", key); // leak TC1001 cross-member
        activity?.SetTag("patient.pseudonym", pseudonymizer.ComputeWardvoteElectorId(request.ElectorNumber)); // clean precision-pseudonym
        activity?.SetTag("patient.bucket", request.NhsNumber.GetHashCode() & 31); // leak TC1002 hashes
        activity?.SetTag("patient.summary", $"{request.PatientName} on {request.WardCode}"); // leak TC1001 strings
        activity?.SetTag("proxy.route", string.Format("{0}/{1}", request.WardCode, request.ElectionId)); // clean strings
        activity?.AddEvent(new ActivityEvent("proxy.attested", tags: new ActivityTagsCollection { ["clinician"] = request.AttestingClinicianGmc })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("proxy.filed", tags: new ActivityTagsCollection { ["ward"] = request.WardCode })); // clean precision-about
    }

    private static string PatientKey(EmergencyProxyRequest request) => request.NhsNumber;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Emergency proxy {RequestId} for {PatientName}")]
    private static partial void LogProxyForPatient(ILogger logger, string requestId, [PrivateData] string patientName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Attested by clinician {GmcNumber}")]
    private static partial void LogAttestingClinician(ILogger logger, string gmcNumber);
}

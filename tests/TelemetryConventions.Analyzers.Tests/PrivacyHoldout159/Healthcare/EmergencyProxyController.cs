namespace PrivacyHoldout159.Healthcare;

// Emergency proxy votes for patients admitted after the proxy deadline: the ward clerk applies on the patient's behalf.
[ApiController]
[Route("api/emergency-proxies")]
public sealed class EmergencyProxyController(
    IElectoralRegister register,
    ICitizenMessenger messenger,
    ILogger<EmergencyProxyController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter) : ControllerBase
{
    private static readonly Counter<long> Applications = new Meter("Council.Elections.Proxies").CreateCounter<long>("proxy.emergency.applications");

    private string? lastRefusedHospitalNumber;

    [HttpPost("")]
    public async Task<ActionResult> ApplyAsync([FromBody] InpatientVoter patient, CancellationToken cancellationToken)
    {
        using var span = source.StartProxyvoteOperation(patient.HospitalWard);
        span.SetProxyvoteElectorId(pseudonymizer.PseudonymizeProxyvoteElectorId(patient.ElectorNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("proxy.hospital.ward", patient.HospitalWard); // clean precision-about
        Activity.Current?.SetTag("proxy.patient.hospital_number", patient.HospitalNumber); // leak TC1001 direct
        logger.LogInformation("Emergency proxy requested on {HospitalWard} for NHS number {NhsNumber}", patient.HospitalWard, patient.NhsNumber); // leak TC1001 direct

        var elector = await register.FindAsync(patient.ElectorNumber, cancellationToken);
        if (elector is null)
        {
            lastRefusedHospitalNumber = patient.HospitalNumber;
            var notFound = new ElectorNotFoundException(patient.ElectorNumber);
            Activity.Current?.AddException(notFound); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, notFound.GetType().Name); // clean exceptions
            Applications.Add(1, new KeyValuePair<string, object?>("outcome", "not_registered")); // clean precision-about
            return NotFound("not on the register");
        }

        Activity.Current?.SetTag("proxy.elector.district", elector.PollingDistrict); // clean precision-about
        Activity.Current?.SetTag("proxy.elector.name_length", elector.FullName.Length); // clean precision-about
        Activity.Current?.SetTag("proxy.patient.name", elector.FullName); // leak TC1001 direct
        Applications.Add(1, new KeyValuePair<string, object?>("ward", patient.HospitalWard)); // clean precision-about
        Applications.Add(1, new KeyValuePair<string, object?>("elector", patient.ElectorNumber)); // leak TC1003 direct
        logger.LogInformation("Patient record for proxy {@Patient}", patient); // leak TC1001 logging-objects
        logger.LogDebug("Proxy applied for elector in district {District}, franchise {Franchise}", elector.PollingDistrict, elector.Franchise); // clean precision-about

        await messenger.TextAsync(elector.Mobile, "Your emergency proxy application has been received", cancellationToken);
        Activity.Current?.SetTag("proxy.confirmation.mobile_given", !string.IsNullOrEmpty(elector.Mobile)); // clean precision-about
        span.SetProxyvoteNote($"Proxy for {elector.FullName} on {patient.HospitalWard}"); // leak TC1001 generated-api
        span.SetProxyvoteOutcome("applied"); // clean generated-api
        return Ok();
    }

    [HttpGet("refusals/last")]
    public ActionResult LastRefusal()
    {
        logger.LogWarning("Last refused emergency proxy was for hospital number {HospitalNumber}", lastRefusedHospitalNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("proxy.refusal.present", lastRefusedHospitalNumber is not null); // clean cross-member
        return Ok();
    }

    private string ShardFor(string electorNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(electorNumber)))[..4];
    }

    [HttpGet("{electorNumber}/shard")]
    public ActionResult Shard(string electorNumber)
    {
        Activity.Current?.SetTag("proxy.elector.shard", ShardFor(electorNumber)); // clean hashes
        Activity.Current?.SetTag("proxy.elector.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(electorNumber)))[..12]); // leak TC1002 hashes
        Activity.Current?.SetTag("proxy.request.trace", HttpContext.TraceIdentifier); // clean precision-names
        return Ok();
    }
}

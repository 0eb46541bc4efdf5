namespace PrivacyHoldout199.Healthcare;

/// <summary>A staffing agency's locum nurse bank for hospital trusts: registrations, shifts and DBS checks.</summary>
[ApiController]
[Route("api/locum-bank")]
public sealed partial class LocumBankController(
    ILogger<LocumBankController> logger,
    Pseudonymizer pseudonymizer,
    CandidateStore candidates,
    DbsUpdateClient dbs,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("TalentBridge.LocumBank");

    private string _lastNursePin = string.Empty;
    private string _lastWardCode = string.Empty;

    [HttpPost("shifts")]
    public async Task<ActionResult> BookShift([FromBody] LocumShift shift)
    {
        using var span = Source.StartWardbankOperation(shift.WardCode);
        _lastNursePin = shift.NursePin;
        _lastWardCode = shift.WardCode;

        span.SetWardbankRole("band-5"); // clean generated-api
        span.SetWardbankHours((int)shift.Hours); // clean generated-api
        span.SetWardbankNote($"Shift {shift.ShiftId} on {shift.WardCode}"); // clean generated-api
        span.SetWardbankNote($"Locum {shift.NurseName} booked for {shift.WardCode}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("locum.shift.id", shift.ShiftId); // clean precision-names
        activity?.SetTag("locum.ward.code", shift.WardCode); // clean precision-names
        activity?.SetTag("locum.nurse.pin", shift.NursePin); // leak TC1001 direct
        activity?.SetTag("locum.nurse.name", shift.NurseName); // leak TC1001 direct
        activity?.SetTag("locum.nurse.pin_register", shift.NursePin[..2]); // clean precision-about
        activity?.SetTag("locum.shift.hours", shift.Hours); // clean precision-about

        logger.LogInformation("Booked shift {ShiftId} on ward {Ward} for {Hours} hours", shift.ShiftId, shift.WardCode, shift.Hours); // clean logging-objects
        logger.LogInformation("Booked locum shift {@Shift}", shift); // leak TC1001 logging-objects
        logger.LogDebug("Shift booked: {Shift}", shift with { NurseName = "", NursePin = "" }); // clean logging-objects
        logger.LogDebug("Shift copy for audit: {Shift}", shift with { Hours = 0 }); // leak TC1001 logging-objects

        LogShiftConfirmed(logger, shift.ShiftId, shift.NursePin); // clean logging-objects
        LogNurseAssigned(logger, shift.WardCode, shift.NurseName); // leak TC1001 logging-objects

        var status = await dbs.StatusAsync(new DbsCheck("DBS-" + shift.ShiftId, "001234567890", "Smith", "adult"));
        activity?.SetTag("locum.dbs.status", status.StatusCode); // clean precision-about
        activity?.SetTag("locum.dbs.workforce", status.Workforce); // clean precision-about
        return Ok(new { shift.ShiftId });
    }

    [HttpGet("nurses/{candidateId}")]
    public ActionResult GetNurse(string candidateId)
    {
        var activity = Activity.Current;
        var nurse = candidates.Find(candidateId);
        if (nurse is null)
        {
            var ex = new CandidateNotFoundException(candidateId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Lookup failed: {Error}", ex.GetType().Name); // clean exceptions
            return NotFound();
        }

        var nursePseudonym = pseudonymizer.PseudonymizeWardbankClientId(nurse.CandidateId);
        activity?.EnrichWardbankOperation("agency-north").SetWardbankClientId(nursePseudonym); // clean precision-pseudonym
        activity?.SetTag("wardbank.client.id", pseudonymizer.ComputeWardbankClientId(nurse.CandidateId)); // clean precision-pseudonym
        activity?.SetTag("locum.nurse.email_domain", nurse.Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("locum.nurse.email", nurse.Email); // leak TC1001 direct
        activity?.SetTag("locum.nurse.postcode", nurse.Postcode); // leak TC1001 direct
        activity?.SetTag("locum.nurse.age", DateTime.UtcNow.Year - nurse.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("locum.nurse.application_count", candidates.CountApplications(candidateId)); // clean precision-names
        activity?.AddEvent(new ActivityEvent("nurse.viewed", tags: new ActivityTagsCollection { ["nurse.mobile"] = nurse.Mobile })); // leak TC1001 direct

        meter.CreateWardbankOperationsCounter().Add(1, "agency-north", wardbankOutcome: "viewed"); // clean generated-api
        var lookups = meter.CreateCounter<long>("locum.nurse.lookups");
        lookups.Add(1, new KeyValuePair<string, object?>("nurse", pseudonymizer.ComputeWardbankClientId(nurse.CandidateId))); // leak TC1003 precision-pseudonym
        lookups.Add(1, new KeyValuePair<string, object?>("candidate.id", candidateId)); // leak TC1003 direct
        lookups.Add(1, new KeyValuePair<string, object?>("ward", _lastWardCode)); // clean cross-member

        logger.LogInformation("Viewed nurse {Nurse}", nurse); // leak TC1001 logging-objects
        logger.LogInformation("Viewed nurse {NurseRef}", pseudonymizer.ComputeWardbankClientId(nurse.CandidateId)); // clean precision-pseudonym
        return Ok(nurse.CandidateId);
    }

    [HttpPost("dbs")]
    public async Task<ActionResult> RecheckDbs([FromBody] DbsCheck check)
    {
        var activity = Activity.Current;
        activity?.SetTag("locum.dbs.check_id", check.CheckId); // clean precision-names
        activity?.SetTag("locum.dbs.certificate", check.CertificateNumber); // leak TC1001 direct
        activity?.SetTag("locum.dbs.certificate_length", check.CertificateNumber.Length); // clean precision-about
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(check.CertificateNumber)));
        activity?.SetTag("locum.dbs.certificate_hash", digest); // leak TC1002 hashes
        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(check.CertificateNumber)))[..8];
        activity?.SetTag("locum.dbs.shard", shard); // clean hashes
        activity?.SetTag("locum.dbs.surname_bucket", check.Surname.GetHashCode() % 64); // leak TC1002 hashes

        var status = await dbs.StatusAsync(check);
        logger.LogInformation("DBS status {Status}", status); // clean logging-objects
        logger.LogInformation("DBS recheck {Check}", check); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["DbsCheckId"] = check.CheckId, ["Workforce"] = check.Workforce })) // clean logging-objects
        {
            logger.LogInformation("Recheck of the last booked nurse {Pin}", _lastNursePin); // leak TC1001 cross-member
        }

        return Ok(status.StatusCode);
    }

    public void EndOfDay(TimeSpan elapsed)
    {
        meter.CreateWardbankOperationDurationHistogram().Record(elapsed.TotalSeconds, _lastWardCode); // clean cross-member
        Activity.Current?.SetTag("locum.last_nurse", _lastNursePin); // leak TC1001 cross-member
        Baggage.SetBaggage("locum.ward", _lastWardCode); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shift {ShiftId} confirmed for nurse {NursePin}")]
    private static partial void LogShiftConfirmed(ILogger logger, string shiftId, [PrivateData] string nursePin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ward {Ward} assigned nurse {NurseName}")]
    private static partial void LogNurseAssigned(ILogger logger, string ward, string nurseName);
}

namespace PrivacyHoldout212.Healthcare;

/// <summary>The mother's NHS number, the ward and the seat a newborn goes home in.</summary>
public sealed record DischargeSeatCheck(string CheckId, string WardCode, string MotherNhsNumber, string MotherName, string SeatSerial, string SeatModel, bool RearFacing, int BabyWeightGrams);

/// <summary>A trust's maternity unit: midwives check that a newborn goes home in a registered, recall-free car seat.</summary>
[ApiController]
[Route("api/maternity/seat-checks")]
public sealed partial class DischargeSeatCheckController(
    IRegistrationStore registrations,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DischargeSeatCheckController> logger) : ControllerBase
{
    private static readonly Histogram<double> CheckMinutes = new Meter("Carecheck.Checks").CreateHistogram<double>("carecheck.check.minutes");

    private DischargeSeatCheck? _current;

    [HttpPost]
    public async Task<ActionResult> Check([FromBody] DischargeSeatCheck check, CancellationToken ct)
    {
        _current = check;
        using var op = source.StartCarecheckOperation(check.WardCode);
        op.SetCarecheckKind("discharge-check"); // clean generated-api
        op.SetCarecheckClientId(pseudonymizer.PseudonymizeCarecheckClientId(check.MotherNhsNumber)); // clean generated-api
        op.SetCarecheckProduct(check.SeatModel); // clean generated-api
        op.SetCarecheckClientId(Pseudonym.FromComputed(check.MotherNhsNumber)); // leak TC1001 generated-api
        op.SetCarecheckNote($"{check.MotherName} leaving with {check.SeatModel}"); // leak TC1001 generated-api
        op.SetCarecheckNote(check.RearFacing ? "rear facing" : "forward facing"); // clean generated-api
        Activity.Current?.SetTag("maternity.check.id", check.CheckId); // clean precision-names
        Activity.Current?.SetTag("maternity.ward", check.WardCode); // clean precision-about
        Activity.Current?.SetTag("maternity.mother.nhs", check.MotherNhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("maternity.mother.name", check.MotherName); // leak TC1001 direct
        Activity.Current?.SetTag("maternity.baby.weight.band", check.BabyWeightGrams < 2500 ? "low" : "normal"); // clean precision-about
        Activity.Current?.SetTag("maternity.seat.serial", check.SeatSerial); // leak TC1001 direct
        Activity.Current?.SetTag("maternity.seat.serialPrefix", check.SeatSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("maternity.mother.pseudonym", pseudonymizer.ComputeCarecheckClientId(check.MotherNhsNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("maternity.mother", check.MotherNhsNumber); // leak TC1001 direct
        Baggage.SetBaggage("maternity.ward", check.WardCode); // clean precision-about
        Baggage.SetBaggage("maternity.mother.pseudonym", pseudonymizer.ComputeCarecheckClientId(check.MotherNhsNumber)); // clean precision-pseudonym
        var registration = await registrations.FindBySerialAsync(check.SeatSerial, ct);
        if (registration is null)
        {
            var ex = new RegistrationNotFoundException(check.SeatSerial);
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            op.RecordException(ex); // clean exceptions
            logger.LogCarecheckOperationFailedEvent(check.WardCode, "unregistered", carecheckClientId: pseudonymizer.PseudonymizeCarecheckClientId(check.MotherNhsNumber)); // clean generated-api
            logger.LogWarning("Seat not registered: {Reason}", ex.Message); // leak TC1001 exceptions
            return BadRequest("seat not registered");
        }

        logger.LogInformation("Seat check {CheckId} on {Ward}: rear facing {RearFacing}", check.CheckId, check.WardCode, check.RearFacing); // clean precision-names
        logger.LogInformation("Seat check {@Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Seat check {Check}", check with { MotherName = "", MotherNhsNumber = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Seat check {Check}", check with { MotherName = "", MotherNhsNumber = "", SeatSerial = "" }); // clean logging-objects
        LogCheckPassed(logger, check.CheckId, check.MotherNhsNumber); // clean logging-objects
        meter.CreateCarecheckOperationsCounter().Add(1, check.WardCode, "passed"); // clean generated-api
        meter.CreateCarecheckOperationsCounter().Add(1, pseudonymizer.ComputeCarecheckClientId(check.MotherNhsNumber), "passed"); // leak TC1003 generated-api
        CheckMinutes.Record(12.5, new KeyValuePair<string, object?>("ward", check.WardCode)); // clean precision-about
        CheckMinutes.Record(12.5, new KeyValuePair<string, object?>("mother", check.MotherNhsNumber)); // leak TC1003 direct
        return Ok(check.CheckId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seat check {CheckId} passed for {NhsNumber}")]
    private static partial void LogCheckPassed(ILogger logger, string checkId, [PrivateData] string nhsNumber);

    [HttpPost("recheck")]
    public ActionResult Recheck()
    {
        if (_current is null)
        {
            return NotFound();
        }

        Activity.Current?.SetTag("maternity.recheck.mother", _current.MotherName); // leak TC1001 cross-member
        Activity.Current?.SetTag("maternity.recheck.check", _current.CheckId); // clean cross-member
        logger.LogInformation("Recheck for {Nhs}", _current.MotherNhsNumber); // leak TC1001 cross-member
        var line = string.Format(CultureInfo.InvariantCulture, "check {0} ward {1}", _current.CheckId, _current.WardCode);
        logger.LogInformation("Recheck line {Line}", line); // clean strings
        var who = $"{_current.MotherName} ({_current.WardCode})";
        Activity.Current?.SetTag("maternity.recheck.who", who); // leak TC1001 strings
        var key = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(_current.MotherNhsNumber)));
        logger.LogInformation("Recheck key {Key}", key); // leak TC1002 hashes
        var keyed = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_current.MotherNhsNumber)));
        logger.LogInformation("Recheck keyed {Key}", keyed); // clean hashes
        Activity.Current?.SetTag("maternity.recheck.hash", _current.MotherNhsNumber.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("maternity.patientCount", 1); // clean precision-names
        Activity.Current?.SetTag("maternity.nhsNumberValid", _current.MotherNhsNumber.Length == 10); // clean precision-about
        return Ok();
    }
}

using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Healthcare;

public sealed record FittingRequest(string NhsNumber, string LeftSerial, string RightSerial, string Model, int GainDb);

[ApiController]
[Route("api/audiology")]
public sealed partial class AudiologyController(
    PatientStore patients,
    ILogger<AudiologyController> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    CareOptions options) : ControllerBase
{
    private static readonly Counter<long> Fittings = new Meter("Audiology").CreateCounter<long>("audiology.fittings");

    private string? _lastUnpairedSerial;
    private readonly Dictionary<string, int> _retestsByPatient = new();

    [HttpPost("fittings")]
    public async Task<ActionResult> Fit([FromBody] FittingRequest request, CancellationToken ct)
    {
        var activity = Activity.Current;
        var patient = await patients.FindAsync(request.NhsNumber, ct);
        if (patient is null)
        {
            var ex = new PatientNotFoundException(request.NhsNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Fitting refused: {Reason}", ex.GetType().Name); // clean exceptions
            return NotFound();
        }

        var pseudonym = pseudonymizer.PseudonymizeEarclinicClientId(patient.NhsNumber);
        using var span = source.StartEarclinicOperation(options.ClinicCode);
        span.SetEarclinicClientId(pseudonym); // clean precision-pseudonym
        span.SetEarclinicService("fitting"); // clean generated-api
        span.SetEarclinicMode("clinic"); // clean generated-api
        span.SetEarclinicNote($"Fitted {request.Model} at {request.GainDb} dB gain"); // clean generated-api
        span.SetEarclinicNote($"Fitted {request.LeftSerial} / {request.RightSerial}"); // leak TC1001 generated-api

        activity?.SetTag("audiology.patient.nhs_number", patient.NhsNumber); // leak TC1001 direct
        activity?.SetTag("audiology.hearing_aid.model", request.Model); // clean precision-about
        activity?.SetTag("audiology.hearing_aid.left_serial", request.LeftSerial); // leak TC1001 direct
        activity?.SetTag("audiology.hearing_aid.serial_prefix", request.RightSerial[..3]); // clean precision-about
        activity?.SetTag("audiology.patient.age", DateTime.Today.Year - patient.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("audiology.patient.postcode", patient.Postcode); // leak TC1001 direct
        activity?.SetTag("audiology.patient.postcode_district", patient.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("audiology.patient_record_type", "adult-audiology"); // clean precision-names

        var fitting = new HearingAidFitting(Guid.NewGuid().ToString("N"), patient.NhsNumber, patient.FullName, request.LeftSerial, request.RightSerial, request.Model, request.GainDb);
        await patients.SaveFittingAsync(fitting, ct);
        logger.LogInformation("Saved fitting {@Fitting}", fitting); // leak TC1001 logging-objects
        logger.LogInformation("Saved fitting {FittingId} for model {Model}", fitting.FittingId, fitting.Model); // clean logging-objects
        logger.LogInformation("Saved fitting {Fitting}", fitting with { NhsNumber = "", PatientName = "", LeftSerial = "", RightSerial = "" }); // clean logging-objects

        Fittings.Add(1, new KeyValuePair<string, object?>("patient", pseudonym.Value)); // leak TC1003 precision-pseudonym
        Fittings.Add(1, new KeyValuePair<string, object?>("model", request.Model)); // clean precision-about
        meter.CreateEarclinicOperationsCounter().Add(1, options.ClinicCode, "fitted"); // clean generated-api

        LogFittingForPatient(logger, fitting.FittingId, patient.FullName); // clean logging-objects
        LogFittingContact(logger, patient.Mobile); // leak TC1001 logging-objects
        return Ok(fitting.FittingId);
    }

    [HttpPost("tests/{testId}")]
    public ActionResult RecordAudiogram(string testId, [FromBody] AudiogramResult result, string nhsNumber)
    {
        var activity = Activity.Current;
        activity?.SetTag("audiology.test.id", testId); // clean precision-names
        activity?.SetTag("audiology.loss_band", result.LossBand); // clean precision-about
        logger.LogInformation("Audiogram {Result}", result); // clean logging-objects

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(nhsNumber)))[..4];
        activity?.SetTag("audiology.shard", shard); // clean hashes
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..12];
        activity?.SetTag("audiology.dedupe", dedupe); // leak TC1002 hashes

        if (result.LeftAverageDb > 90 || result.RightAverageDb > 90)
        {
            _retestsByPatient[nhsNumber] = _retestsByPatient.GetValueOrDefault(nhsNumber) + 1;
        }

        return Ok();
    }

    [HttpGet("retests")]
    public ActionResult Retests()
    {
        var activity = Activity.Current;
        activity?.SetTag("audiology.retests.count", _retestsByPatient.Count); // clean cross-member
        activity?.SetTag("audiology.retests.patients", string.Join(",", _retestsByPatient.Keys)); // leak TC1001 cross-member
        activity?.SetTag("audiology.last_unpaired", _lastUnpairedSerial); // leak TC1001 cross-member
        return Ok(_retestsByPatient.Count);
    }

    [HttpPost("fittings/{fittingId}/pair")]
    public ActionResult Pair(string fittingId, string serial, string expectedSerial)
    {
        var activity = Activity.Current;
        if (serial != expectedSerial)
        {
            _lastUnpairedSerial = serial;
            var ex = new HearingAidSerialMismatchException(serial, fittingId);
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError(ex, "Pairing failed for fitting {FittingId}", fittingId); // leak TC1001 exceptions
            logger.LogEarclinicOperationFailedEvent(options.ClinicCode, "pair-failed", earclinicNote: ex.Message); // leak TC1001 generated-api
            return BadRequest();
        }

        activity?.SetTag("audiology.fitting.id", fittingId); // clean precision-names
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fitting {FittingId} booked for {PatientName}")]
    private static partial void LogFittingForPatient(ILogger logger, string fittingId, [PrivateData] string patientName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Aftercare text will go to {Mobile}")]
    private static partial void LogFittingContact(ILogger logger, string mobile);
}

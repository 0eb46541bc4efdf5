namespace PrivacyHoldout160.Healthcare;

/// <summary>Receives insulin pump uploads from patients' home hubs and flags stale or alarming pumps.</summary>
[ApiController]
[Route("api/pumps")]
public sealed partial class PumpUploadsController(
    IPumpUploadStore store,
    ILogger<PumpUploadsController> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : ControllerBase
{
    private readonly Counter<long> uploads = meter.CreateCounter<long>("homecare.pump.uploads");
    private readonly Histogram<int> boluses = meter.CreateHistogram<int>("homecare.pump.boluses");
    private string? lastAlarmingPump;

    [HttpPost("upload")]
    public async Task<ActionResult> UploadAsync([FromBody] PumpUpload upload, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("PumpUpload");
        activity?.SetTag("pump.serial", upload.PumpSerial); // leak TC1001 direct
        activity?.SetTag("pump.model", upload.Model); // clean precision-names
        activity?.SetTag("pump.firmware", upload.Firmware); // clean precision-about
        activity?.SetTag("patient.hospital_number", upload.HospitalNumber); // leak TC1001 direct
        activity?.SetTag("patient.id", pseudonymizer.ComputeHomecarePatientId(upload.HospitalNumber)); // clean precision-pseudonym

        uploads.Add(1, new KeyValuePair<string, object?>("pump.model", upload.Model)); // clean precision-about
        uploads.Add(1, new KeyValuePair<string, object?>("pump.serial", upload.PumpSerial)); // leak TC1003 direct
        boluses.Record(upload.Boluses, new KeyValuePair<string, object?>("firmware", upload.Firmware)); // clean precision-about

        var patient = await store.PatientForPumpAsync(upload.PumpSerial, cancellationToken);
        if (patient is null)
        {
            var ex = new PumpNotPairedException(upload.PumpSerial);
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(PumpNotPairedException)); // clean exceptions
            return NotFound();
        }

        if (upload.OcclusionAlarm)
        {
            lastAlarmingPump = upload.PumpSerial;
            LogOcclusion(logger, upload.Model, upload.Firmware); // clean logging-objects
        }

        await store.SaveAsync(upload, cancellationToken);
        logger.LogInformation("Stored pump upload {Upload}", upload); // leak TC1001 logging-objects
        var summary = new PumpUploadSummary(upload.Model, upload.Firmware, upload.Boluses, upload.OcclusionAlarm);
        logger.LogInformation("Stored pump upload {@Summary}", summary); // clean logging-objects
        logger.LogDebug("Upload carried {Boluses} boluses for a pump of {SerialLength} characters", upload.Boluses, upload.PumpSerial.Length); // clean precision-about
        return Ok();
    }

    [HttpGet("alarms/last")]
    public ActionResult LastAlarm()
    {
        Activity.Current?.SetTag("pump.last_alarm", lastAlarmingPump); // leak TC1001 cross-member
        Activity.Current?.SetTag("pump.alarm.seen", lastAlarmingPump is not null); // clean precision-about
        return Ok();
    }

    [HttpPost("firmware/{model}")]
    public ActionResult CheckFirmware(string model, string firmware, string pumpSerial)
    {
        try
        {
            throw new FirmwareNotSupportedException(model, firmware);
        }
        catch (FirmwareNotSupportedException ex)
        {
            logger.LogWarning(ex, "Firmware check failed for {Model}", model); // clean exceptions
            Activity.Current?.SetTag("pump.serial.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pumpSerial)))); // leak TC1002 hashes
            using var hmac = new HMACSHA256(secrets.ShardKey);
            Activity.Current?.SetTag("pump.shard", hmac.ComputeHash(Encoding.UTF8.GetBytes(pumpSerial))[0] % 16); // clean hashes
            return BadRequest(ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Occlusion alarm on a {Model} pump running {Firmware}")]
    private static partial void LogOcclusion(ILogger logger, string model, string firmware);
}

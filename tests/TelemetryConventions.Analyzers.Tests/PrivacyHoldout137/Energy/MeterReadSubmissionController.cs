namespace PrivacyHoldout137.Energy;

public sealed record ReadSubmissionBody(string MeterSerial, string RegisterId, decimal Value, DateOnly ReadDate, string? PhotoBlobName);

/// <summary>
/// The supplier's "submit a meter reading" API behind the website and the app: validates the read
/// against the expected consumption, stores it and tells billing.
/// </summary>
[ApiController]
[Route("accounts/{accountNumber}/meter-reads")]
public sealed partial class MeterReadSubmissionController(
    IMeterReadStore store,
    Pseudonymizer pseudonymizer,
    UtilityOptions options,
    TelemetrySecrets secrets,
    ILogger<MeterReadSubmissionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.Billing.MeterReads");
    private static readonly Meter Meter = new("Supplier.Billing.MeterReads");
    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>("meter_reads.rejected");
    private static readonly MeterreadSubmissionsCounter Submissions = Meter.CreateMeterreadSubmissionsCounter();

    [HttpPost("{mpan}")]
    public async Task<ActionResult> SubmitAsync(string accountNumber, string mpan, [FromBody] ReadSubmissionBody body, CancellationToken ct)
    {
        var source = HttpContext.RequestHeaders.TryGetValue("X-Client", out var client) ? client : "web";
        using var span = Source.StartMeterreadSubmit(source)
            .SetMeterreadAccountId(pseudonymizer.PseudonymizeMeterreadAccountId(accountNumber)) // clean precision-pseudonym
            .SetMeterreadRegister(body.RegisterId);

        span.Activity?.SetTag("meter.mpan.distributor", mpan[..2]); // clean precision-about
        span.Activity?.SetTag("meter.serial.model", body.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("meter.mpan", mpan); // leak TC1001 direct
        span.Activity?.SetTag("read.age_days", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - body.ReadDate.DayNumber); // clean precision-about
        span.Activity?.SetTag("read.has_photo", body.PhotoBlobName is not null); // clean precision-about
        span.Activity?.SetTag("meter.fingerprint", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body.MeterSerial)))); // leak TC1002 hashes
        span.Activity?.SetTag("meter.partition", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(mpan))[0] % 32); // clean hashes

        var read = new MeterReadSubmission(accountNumber, mpan, body.MeterSerial, body.RegisterId, body.Value, body.ReadDate, source, body.PhotoBlobName);
        try
        {
            var validation = await ValidateAsync(read, ct);
            await store.SaveAsync(read, validation, ct);

            span.SetMeterreadOutcome(validation.Outcome);
            Submissions.Add(1, source, validation.Outcome); // clean generated-api
            logger.LogInformation("Read validated {@Validation}", validation); // clean logging-objects
            logger.LogInformation("Read stored {@Read}", read); // leak TC1001 logging-objects
            return Ok(validation);
        }
        catch (ReadOutOfToleranceException ex)
        {
            span.SetMeterreadOutcome("rejected");
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogMeterreadRejectedEvent(source, "rejected", pseudonymizer.PseudonymizeMeterreadAccountId(accountNumber), meterreadNote: $"Value {ex.Value} outside tolerance"); // clean generated-api
            Rejections.Add(1, new KeyValuePair<string, object?>("reason", "tolerance"), new("register", body.RegisterId));
            Submissions.Add(1, source, "rejected:" + accountNumber); // leak TC1003 generated-api
            return BadRequest(ex.Message);
        }
        catch (UnknownRegisterException ex)
        {
            logger.LogWarning(ex, "Unknown register {RegisterId}", ex.RegisterId); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("Unknown register");
        }
    }

    private async Task<ReadValidationResult> ValidateAsync(MeterReadSubmission read, CancellationToken ct)
    {
        var last = await store.LastAcceptedAsync(read.Mpan, read.RegisterId, ct) ?? 0m;
        var advance = read.Value - last;
        var ceiling = 40m * options.ReadToleranceFactor * Math.Max(1, (DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - read.ReadDate.DayNumber) + 30);
        if (advance < 0 || advance > ceiling)
        {
            LogTolerance(logger, read.MeterSerial, advance); // leak TC1001 direct
            throw new ReadOutOfToleranceException(read.MeterSerial, read.Value);
        }

        return new ReadValidationResult("accepted", 0, ceiling, advance);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {MeterSerial} advanced {Advance} kWh, outside tolerance")]
    private static partial void LogTolerance(ILogger logger, string meterSerial, decimal advance);
}

using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Retail;

/// <summary>A high-street optician's eye tests, NHS GOS vouchers and hearing aid sales.</summary>
[ApiController]
[Route("api/opticians")]
public sealed partial class OpticiansController(
    VoucherGateway vouchers,
    ILogger<OpticiansController> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly Counter<long> Tests = new Meter("Opticians").CreateCounter<long>("opticians.sight_tests");

    [HttpPost("sight-tests")]
    public async Task<ActionResult> RecordTest([FromBody] SightTest test, string store, CancellationToken ct)
    {
        using var span = source.StartLenscartOperation(store);
        var customer = pseudonymizer.PseudonymizeLenscartClientId(test.PatientRecord);
        span.SetLenscartClientId(customer); // clean precision-pseudonym
        span.SetLenscartService("sight-test"); // clean generated-api
        span.SetLenscartNote(test.Notes); // leak TC1001 generated-api
        span.SetLenscartNote($"Sphere R {test.RightSphere:+0.00;-0.00} L {test.LeftSphere:+0.00;-0.00}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("optician.test.id", test.TestId); // clean precision-names
        activity?.SetTag("optician.goc_number", test.GocNumber); // leak TC1001 direct
        activity?.SetTag("optician.patient_record", test.PatientRecord); // leak TC1001 direct
        activity?.SetTag("optician.right_sphere", (double)test.RightSphere); // clean precision-about
        activity?.SetTag("optician.notes_length", test.Notes.Length); // clean precision-about
        Tests.Add(1, new KeyValuePair<string, object?>("store", store)); // clean precision-about
        Tests.Add(1, new KeyValuePair<string, object?>("optometrist", test.GocNumber)); // leak TC1003 direct

        logger.LogInformation("Sight test {Test}", test); // leak TC1001 logging-objects
        logger.LogInformation("Prescription {@Prescription}", new LensPrescription(test.TestId, test.RightSphere, -0.75m, 90, 0m)); // clean logging-objects
        var optometrist = new ClinicianProfile { RegistrationNumber = test.GocNumber, Name = "", Profession = "optometrist" };
        logger.LogInformation("Tested by {Optometrist}", optometrist); // clean logging-objects
        logger.LogInformation("Tested by {@Optometrist}", optometrist); // leak TC1001 logging-objects

        var voucher = new GosVoucher($"GOS-{test.TestId}", test.PatientRecord, "A", 47.80m);
        try
        {
            await vouchers.ClaimAsync(voucher, ct);
            activity?.SetTag("optician.voucher.band", voucher.Band); // clean precision-about
            activity?.SetTag("optician.voucher.value", (double)voucher.Value); // clean precision-about
            logger.LogInformation("Voucher claimed {Voucher}", voucher); // leak TC1001 logging-objects
        }
        catch (SupplierTimeoutException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogLenscartOperationFailedEvent(store, "voucher-timeout", lenscartNote: ex.Message); // clean generated-api
        }

        return Ok(test.TestId);
    }

    [HttpPost("hearing-aids")]
    public ActionResult Sell([FromBody] HearingAidSale sale, string store)
    {
        var activity = Activity.Current;
        activity?.SetTag("hearing.sale.id", sale.SaleId); // clean precision-names
        activity?.SetTag("hearing.model", sale.Model); // clean precision-about
        activity?.SetTag("hearing.price", (double)sale.Price); // clean precision-about
        activity?.SetTag("hearing.customer_number", sale.CustomerNumber); // leak TC1001 direct
        activity?.SetTag("hearing.serial_number", sale.SerialNumber); // leak TC1001 direct
        var warrantyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sale.SerialNumber)))[..16];
        logger.LogInformation("Warranty key {Key}", warrantyKey); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(sale.CustomerNumber))[0] % 4;
        logger.LogInformation("Warranty shard {Shard}", shard); // clean hashes
        LogSale(logger, sale.SaleId, sale.CustomerName); // clean logging-objects
        logger.LogInformation("Hearing aid sold {@Sale}", sale with { CustomerNumber = "", CustomerName = "", SerialNumber = "" }); // clean logging-objects
        meter.CreateLenscartOperationsCounter().Add(1, store, "sold"); // clean generated-api
        return Ok(sale.SaleId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sale {SaleId} for {CustomerName}")]
    private static partial void LogSale(ILogger logger, string saleId, [PrivateData] string customerName);
}

namespace PrivacyHoldout180.Energy;

public sealed record PsrRequest(string AccountNumber, string Mpan, string CustomerName, string Phone, string NeedCode, bool HomeDialysis);

/// <summary>Priority services register for customers on home dialysis or waiting for a transplant call; outages are phoned through first.</summary>
[ApiController]
[Route("api/psr")]
public sealed class PriorityServicesController(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PriorityServicesController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Gridgive.Psr");
    private static readonly Meter Meter = new("Gridgive.Psr");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("gridgive.psr.registrations");
    private readonly GridgiveOperationsCounter _operations = Meter.CreateGridgiveOperationsCounter();

    [HttpPost]
    public ActionResult Register([FromBody] PsrRequest request)
    {
        var record = new PriorityServicesRecord(request.AccountNumber, request.Mpan, request.CustomerName, request.Phone, request.NeedCode, request.HomeDialysis);
        using var span = Source.StartGridgiveOperation("psr");
        span.SetGridgiveDonorId(pseudonymizer.PseudonymizeGridgiveDonorId(record.AccountNumber)); // clean precision-pseudonym
        span.SetGridgiveNote($"need {record.NeedCode}, dialysis {record.HomeDialysis}"); // clean generated-api
        span.SetGridgiveNote($"MPAN {record.Mpan}"); // leak TC1001 generated-api
        span.Activity?.SetTag("psr.need_code", record.NeedCode); // clean precision-about
        span.Activity?.SetTag("psr.home_dialysis", record.HomeDialysis); // clean precision-about
        span.Activity?.SetTag("psr.mpan_prefix", record.Mpan[..2]); // clean precision-about
        span.Activity?.SetTag("psr.mpan", record.Mpan); // leak TC1001 direct
        span.Activity?.SetTag("psr.account", record.AccountNumber); // leak TC1001 direct
        span.Activity?.SetTag("psr.phone", record.Phone); // leak TC1001 direct
        span.Activity?.SetTag("psr.phone_prefix", record.Phone[..3]); // clean precision-about

        logger.LogInformation("PSR entry {Record}", record); // leak TC1001 logging-objects
        logger.LogInformation("PSR entry {Record}", record with { AccountNumber = "", Mpan = "", CustomerName = "", Phone = "" }); // clean logging-objects
        logger.LogInformation("PSR entry {Record}", record with { Phone = "" }); // leak TC1001 logging-objects
        Registrations.Add(1, new KeyValuePair<string, object?>("need", record.NeedCode)); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("account", record.AccountNumber)); // leak TC1003 direct
        _operations.Add(1, "psr", pseudonymizer.ComputeGridgiveDonorId(record.AccountNumber)); // leak TC1003 generated-api
        _operations.Add(1, "psr", record.HomeDialysis ? "dialysis" : "other"); // clean generated-api

        var lane = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(record.Mpan)))[..4];
        Registrations.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        span.Activity?.SetTag("psr.mpan_hash", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(record.Mpan))).ToString()); // leak TC1002 hashes
        span.Activity?.SetTag("psr.account_b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(record.AccountNumber))); // leak TC1001 hashes
        return Ok();
    }

    [HttpGet("outage/{feederId}")]
    public ActionResult Outage(string feederId, IReadOnlyList<PriorityServicesRecord> affected)
    {
        using var activity = Source.StartActivity("OutageCallList");
        activity?.SetTag("feeder.id", feederId); // clean precision-names
        activity?.SetTag("psr.affected", affected.Count); // clean precision-about
        activity?.SetTag("psr.dialysis", affected.Count(a => a.HomeDialysis)); // clean precision-about
        activity?.SetTag("psr.call_list", string.Join(";", affected.Select(a => $"{a.CustomerName}:{a.Phone}"))); // leak TC1001 strings
        logger.LogInformation("Call list {Needs}", affected.Select(a => a.NeedCode).Distinct().ToArray()); // clean precision-about
        logger.LogInformation("Call list {Phones}", affected.Select(a => a.Phone).ToArray()); // leak TC1001 direct
        return Ok();
    }
}

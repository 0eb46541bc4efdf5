namespace PrivacyHoldout159.Energy;

// The council's warm home grant: households apply with their meter details; eligibility is checked against council tax band and EPC.
[ApiController]
[Route("api/warm-homes")]
public sealed class WarmHomeGrantController(ILogger<WarmHomeGrantController> logger, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter) : ControllerBase
{
    private static readonly Histogram<int> EpcScores = new Meter("Council.WarmHomes").CreateHistogram<int>("warmhomes.epc.band");
    private readonly ConcurrentDictionary<string, WarmHomeApplication> pendingByMpan = new();

    [HttpPost("")]
    public ActionResult Apply([FromBody] WarmHomeApplication application, string ward)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartWarmhomesOperation(ward);
        span.SetWarmhomesElectorId(pseudonymizer.PseudonymizeWarmhomesElectorId(application.Uprn)); // clean precision-pseudonym
        Activity.Current?.SetTag("warmhomes.application.id", application.ApplicationId); // clean precision-names
        Activity.Current?.SetTag("warmhomes.epc_band", application.EpcBand); // clean precision-about
        Activity.Current?.SetTag("warmhomes.meter.serial", application.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("warmhomes.meter.model", application.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("warmhomes.mpan.region", application.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("warmhomes.uprn", application.Uprn); // leak TC1001 direct
        EpcScores.Record(application.EpcBand[0] - 'A' + 1, new KeyValuePair<string, object?>("ward", ward)); // clean precision-about
        EpcScores.Record(1, new KeyValuePair<string, object?>("mpan", application.Mpan)); // leak TC1003 direct
        logger.LogInformation("Warm home application {@Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Warm home application {ApplicationId} in band {Band}", application.ApplicationId, application.EpcBand); // clean precision-names

        if (!pendingByMpan.TryAdd(application.Mpan, application))
        {
            span.SetWarmhomesOutcome("duplicate"); // clean generated-api
            span.SetWarmhomesNote($"duplicate application for MPAN {application.Mpan}"); // leak TC1001 generated-api
            return BadRequest("duplicate");
        }

        span.SetWarmhomesNote($"band {application.EpcBand}, pending {pendingByMpan.Count}"); // clean generated-api
        meter.CreateWarmhomesDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, warmhomesWard: ward); // clean generated-api
        return Ok();
    }

    [HttpGet("pending")]
    public ActionResult Pending()
    {
        logger.LogInformation("Pending MPANs {Mpans}", pendingByMpan.Keys); // leak TC1001 cross-member
        logger.LogInformation("Pending applications {Count}", pendingByMpan.Count); // clean cross-member
        logger.LogInformation("Pending bands {Bands}", pendingByMpan.Values.Select(a => a.EpcBand).Distinct()); // clean cross-member
        return Ok();
    }
}

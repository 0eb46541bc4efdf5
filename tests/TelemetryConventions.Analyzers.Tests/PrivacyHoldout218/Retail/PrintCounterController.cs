namespace PrivacyHoldout218.Retail;

public sealed record PrintRelease(string JobId, string CardNumber, string StoreCode, string? LoyaltyNumber, string PaymentMethodId);

public sealed record CollectHold(string HoldId, string CardNumber, string StoreCode, string CollectorName, string LockerCode);

/// <summary>A retailer's print and copy counters, where library members release print jobs sent from home, and its click-and-collect points for library holds.</summary>
[ApiController]
[Route("api/print")]
public sealed partial class PrintCounterController(
    IPrintAndPcSystem printSystem,
    Pseudonymizer pseudonymizer,
    ILogger<PrintCounterController> logger,
    LibraryOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout218.Retail.PrintCounter");
    private static readonly Meter Meter = new("PrivacyHoldout218.Retail.PrintCounter");
    private static readonly Counter<long> PagesPrinted = Meter.CreateCounter<long>("printpoint.pages");

    [HttpPost("release")]
    public async Task<ActionResult> ReleaseAsync([FromBody] PrintRelease release, CancellationToken cancellationToken)
    {
        using var span = Source.StartPrintpointOperation(release.StoreCode);
        var activity = Activity.Current;
        activity?.SetTag("printpoint.job.id", release.JobId); // clean precision-names
        activity?.SetTag("printpoint.store", release.StoreCode); // clean precision-names
        activity?.SetTag("printpoint.payment_method.id", release.PaymentMethodId); // clean precision-names
        activity?.SetTag("printpoint.loyalty.number", release.LoyaltyNumber); // leak TC1001 direct
        activity?.SetTag("printpoint.loyalty.present", release.LoyaltyNumber is not null); // clean precision-about
        activity?.SetTag("printpoint.member.card", release.CardNumber); // leak TC1001 direct
        activity?.SetTag("printpoint.user.agent", HttpContext.RequestHeaders["User-Agent"]); // clean precision-names
        activity?.SetTag("printpoint.signed_in.subject", HttpContext.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("printpoint.signed_in.email", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("printpoint.signed_in", HttpContext.User.IsAuthenticated); // clean precision-about
        span.SetPrintpointMemberId(pseudonymizer.PseudonymizePrintpointMemberId(release.CardNumber)); // clean generated-api
        span.SetPrintpointFormat("print"); // clean generated-api
        try
        {
            var job = await printSystem.ReleaseAsync(release.JobId, cancellationToken);
            activity?.SetTag("printpoint.job.pages", job.Pages); // clean precision-about
            activity?.SetTag("printpoint.job.colour", job.Colour); // clean precision-about
            activity?.SetTag("printpoint.job.cost", (double)job.Cost); // clean precision-about
            activity?.SetTag("printpoint.job.document", job.DocumentName); // leak TC1001 direct
            activity?.SetTag("printpoint.job.extension", Path.GetExtension(job.DocumentName)); // clean precision-about
            logger.LogInformation("Released {JobId}: {Pages} pages, colour {Colour}", job.JobId, job.Pages, job.Colour); // clean precision-names
            logger.LogInformation("Released {Job}", job); // leak TC1001 logging-objects
            logger.LogInformation("Released {@Job}", new { job.JobId, job.Pages, job.Cost }); // clean logging-objects
            logger.LogInformation("Released {@Job}", new { job.JobId, job.DocumentName }); // leak TC1001 logging-objects
            LogReleased(logger, job.DocumentName, job.Pages); // clean logging-objects
            span.SetPrintpointItems(job.Pages); // clean generated-api
            span.SetPrintpointNote(string.Concat("document ", job.DocumentName)); // leak TC1001 generated-api
            PagesPrinted.Add(job.Pages, new KeyValuePair<string, object?>("printpoint.store", release.StoreCode), new KeyValuePair<string, object?>("printpoint.colour", job.Colour)); // clean precision-names
            PagesPrinted.Add(job.Pages, new KeyValuePair<string, object?>("printpoint.loyalty", release.LoyaltyNumber)); // leak TC1003 direct
            Meter.CreatePrintpointOperationsCounter().Add(1, release.StoreCode, printpointOutcome: "released"); // clean generated-api
            Meter.CreatePrintpointOperationDurationHistogram().Record(2.5, release.StoreCode); // clean generated-api
            return Ok(job.JobId);
        }
        catch (PrintBalanceException ex)
        {
            span.RecordException(ex, "balance too low"); // clean exceptions
            span.RecordException(ex, ex.Message); // leak TC1001 exceptions
            logger.LogPrintpointOperationFailedEvent(release.StoreCode, "balance", printpointNote: ex.Message); // leak TC1001 generated-api
            logger.LogPrintpointOperationFailedEvent(release.StoreCode, "balance", printpointMemberId: pseudonymizer.PseudonymizePrintpointMemberId(release.CardNumber)); // clean generated-api
            var balance = await printSystem.BalanceAsync(release.CardNumber, cancellationToken);
            activity?.SetTag("printpoint.balance", (double)balance); // clean precision-about
            return BadRequest("balance");
        }
    }

    [HttpPost("collect")]
    public ActionResult Collect([FromBody] CollectHold hold)
    {
        var activity = Activity.Current;
        activity?.SetTag("printpoint.hold.id", hold.HoldId); // clean precision-names
        activity?.SetTag("printpoint.locker", hold.LockerCode[..2]); // clean precision-about
        activity?.SetTag("printpoint.collector.name", hold.CollectorName); // leak TC1001 direct
        activity?.SetTag("printpoint.collector.pseudonym", pseudonymizer.ComputePrintpointMemberId(hold.CardNumber)); // clean precision-pseudonym
        activity?.SetTag("printpoint.collector.initial", hold.CollectorName[..1]); // clean precision-about
        var pickupKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(hold.CardNumber + hold.HoldId)));
        activity?.SetTag("printpoint.pickup.key", pickupKey); // leak TC1002 hashes
        activity?.SetTag("printpoint.pickup.shard", Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(hold.CardNumber)))[..2]); // clean hashes
        var receipt = string.Format("{0} collected {1} from locker {2}", hold.CollectorName, hold.HoldId, hold.LockerCode);
        logger.LogInformation(receipt); // leak TC1001 strings
        logger.LogInformation(string.Format("Hold {0} collected at {1}", hold.HoldId, hold.StoreCode)); // clean strings
        logger.LogInformation("Collected {Hold}", hold); // leak TC1001 logging-objects
        logger.LogInformation("Collected {Hold}", hold with { CollectorName = "", CardNumber = "", LockerCode = "" }); // clean logging-objects
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["HoldId"] = hold.HoldId, ["Collector"] = hold.CollectorName }); // leak TC1001 logging-objects
        using var storeScope = logger.BeginScope(new Dictionary<string, object> { ["HoldId"] = hold.HoldId, ["Store"] = hold.StoreCode }); // clean logging-objects
        PagesPrinted.Add(0, new KeyValuePair<string, object?>("printpoint.collector", pseudonymizer.ComputePrintpointMemberId(hold.CardNumber))); // leak TC1003 precision-pseudonym
        Activity.Current?.AddBaggage("printpoint.member", pseudonymizer.ComputePrintpointMemberId(hold.CardNumber)); // clean precision-pseudonym
        Activity.Current?.AddBaggage("printpoint.collector", hold.CollectorName); // leak TC1001 direct
        return Ok(hold.HoldId);
    }

    [LoggerMessage(EventId = 2186, Level = LogLevel.Information, Message = "Released document {DocumentName} of {Pages} pages")]
    private static partial void LogReleased(ILogger logger, [PrivateData] string documentName, int pages);
}

namespace PrivacyHoldout101.Retail;

/// <summary>A data-subject request from the privacy page: access or erasure, the customer and the address to answer.</summary>
public sealed record SubjectRequestForm(string Kind, string CustomerNumber, string Email, string? Reason);

[ApiController]
[Route("privacy/requests")]
public sealed partial class PrivacyRequestsController(
    IErasureFanOut erasure,
    IConsentLedger ledger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PrivacyRequestsController> logger) : ControllerBase
{
    private readonly ShopacctFlowDurationHistogram _duration = meter.CreateShopacctFlowDurationHistogram();

    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Subject request {Kind} for {CustomerNumber} answered to {Email}")]
    private static partial void LogSubjectRequest(ILogger logger, string kind, [PrivateData] string customerNumber, [PrivateData] string email);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Consents withdrawn for {CustomerNumber}: {Purposes}")]
    private static partial void LogWithdrawn(ILogger logger, string customerNumber, string purposes);

    [HttpPost]
    public async Task<ActionResult> SubmitAsync([FromBody] SubjectRequestForm form, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartShopacctFlow(form.Kind == "erasure" ? "erasure" : "access");
        LogSubjectRequest(logger, form.Kind, form.CustomerNumber, form.Email); // clean logging-objects
        span.SetShopacctCustomerId(pseudonymizer.PseudonymizeShopacctCustomerId(form.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("shopacct.request.has_reason", !string.IsNullOrWhiteSpace(form.Reason)); // clean precision-about
        if (form.Kind != "erasure")
        {
            return Ok();
        }

        var history = await ledger.HistoryAsync(form.CustomerNumber, cancellationToken);
        var granted = history.Where(h => h.Granted).Select(h => h.Purpose).Distinct().ToList();
        LogWithdrawn(logger, form.CustomerNumber, string.Join(",", granted)); // leak TC1001 direct
        logger.LogInformation("Withdrawing {Purposes}", granted); // clean logging-objects

        var request = new ErasureRequest($"DSR-{DateTime.UtcNow:yyyyMMddHHmmss}", form.CustomerNumber, form.Email, DateTimeOffset.UtcNow) { Systems = new[] { "orders", "loyalty", "crm", "email-platform" } };
        span.SetShopacctRequestId(request.RequestId); // clean generated-api
        Activity.Current?.SetTag("shopacct.request.systems", string.Join(",", request.Systems)); // clean strings
        Activity.Current?.SetBaggage("shopacct.erasure.subject", pseudonymizer.ComputeShopacctCustomerId(form.CustomerNumber)); // clean precision-pseudonym
        try
        {
            var receipts = await erasure.EraseAsync(request, cancellationToken);
            foreach (var held in receipts.Where(r => r.RetainedUnderHold))
            {
                logger.LogInformation("{System} keeps a copy of {RequestId} under legal hold", held.System, held.RequestId); // clean precision-names
            }
        }
        catch (ErasureDeferredException ex)
        {
            span.RecordException(ex, includeMessage: true).SetShopacctOutcome("deferred"); // clean exceptions
            logger.LogWarning("Erasure deferred for {Subject}: {Reason}", request.SubjectId + "/" + request.ContactEmail, ex.Reason); // leak TC1001 strings
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "erasure"); // clean generated-api
        return Ok(request.RequestId);
    }
}

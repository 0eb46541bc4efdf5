namespace PrivacyHoldout185.Retail;

/// <summary>The retailer's in-store video interpreting and translated complaints.</summary>
[ApiController]
[Route("api/store-interpreting")]
public sealed partial class StoreInterpretingController(
    ITranslator translator,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StoreInterpretingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.StoreInterpreting");
    private static readonly Meter Meter = new("Retailer.StoreInterpreting");
    private static readonly Counter<long> VideoCalls = Meter.CreateCounter<long>("store_interpreting.video_calls");
    private static readonly StoretalkOperationsCounter Operations = Meter.CreateStoretalkOperationsCounter();
    private static readonly StoretalkOperationDurationHistogram Duration = Meter.CreateStoretalkOperationDurationHistogram();

    [HttpPost("video-calls")]
    public ActionResult VideoCall([FromBody] StoreVideoCall call)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStoretalkOperation(call.Store);
        span.SetStoretalkLanguage(call.Language); // clean precision-names
        span.SetStoretalkMode("video"); // clean precision-names
        span.SetStoretalkMinutes(call.Minutes); // clean generated-api
        span.SetStoretalkClientId(pseudonymizer.PseudonymizeStoretalkClientId(call.LoyaltyCardNumber)); // clean precision-pseudonym
        span.SetStoretalkNote($"Loyalty card {call.LoyaltyCardNumber}"); // leak TC1001 generated-api
        span.SetStoretalkNote($"Card ending {call.LoyaltyCardNumber[^4..]}"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("store_interpreting.call_id", call.CallId); // clean precision-names
        activity?.SetTag("store_interpreting.loyalty_card", call.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("store_interpreting.customer_name", call.CustomerName); // leak TC1001 direct
        activity?.SetTag("store_interpreting.customer_initial", call.CustomerName[..1]); // clean precision-about
        activity?.SetTag("store_interpreting.customer_card_type", "loyalty"); // clean precision-names
        activity?.SetTag("store_interpreting.card_hash", call.LoyaltyCardNumber.GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("store_interpreting.card_bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(call.LoyaltyCardNumber))[1] % 64); // clean hashes
        activity?.SetTag("store_interpreting.caller", new StringBuilder().Append(call.CustomerName).Append('@').Append(call.Store).ToString()); // leak TC1001 strings
        activity?.SetTag("store_interpreting.route", string.Concat(call.Store, "/", call.Language)); // clean strings
        activity?.SetBaggage("customer.pseudonym", pseudonymizer.ComputeStoretalkClientId(call.LoyaltyCardNumber)); // clean precision-pseudonym
        activity?.SetBaggage("loyalty.card", call.LoyaltyCardNumber); // leak TC1001 direct

        VideoCalls.Add(1, new KeyValuePair<string, object?>("store", call.Store), new KeyValuePair<string, object?>("language", call.Language)); // clean precision-names
        VideoCalls.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeStoretalkClientId(call.LoyaltyCardNumber).Value)); // leak TC1003 precision-pseudonym
        VideoCalls.Add(1, new KeyValuePair<string, object?>("card", call.LoyaltyCardNumber)); // leak TC1003 direct
        Operations.Add(1, call.Store, "connected"); // clean generated-api
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, call.Store); // clean generated-api

        logger.LogInformation("Video interpreter connected at {Store} in {Language}", call.Store, call.Language); // clean precision-names
        logger.LogInformation("Video interpreter connected for {CustomerName}", call.CustomerName); // leak TC1001 direct
        logger.LogInformation("Video call {Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Video call {Call}", new { call.CallId, call.Store, call.Language, call.Minutes }); // clean logging-objects
        logger.LogInformation("Video call {Call}", new { call.CallId, call.CustomerName }); // leak TC1001 logging-objects
        return Ok(call.CallId);
    }

    [HttpPost("complaints")]
    public async Task<ActionResult> TranslateComplaintAsync([FromBody] ComplaintTranslation complaint)
    {
        using var span = Source.StartStoretalkOperation("customer-care");
        span.SetStoretalkLanguage(complaint.Language); // clean precision-names
        span.SetStoretalkMode("written"); // clean precision-names
        span.SetStoretalkNote("Complaint: " + complaint.Original); // leak TC1001 generated-api
        span.SetStoretalkNote("Complaint " + complaint.ComplaintId + ", " + complaint.Original.Length + " chars"); // clean generated-api
        span.SetStoretalkNote("Reply sent to " + complaint.CustomerEmail); // leak TC1001 generated-api

        var activity = span.Activity;
        activity?.SetTag("store_interpreting.complaint_id", complaint.ComplaintId); // clean precision-names
        activity?.SetTag("store_interpreting.customer_email", complaint.CustomerEmail); // leak TC1001 direct
        activity?.SetTag("store_interpreting.customer_email_present", !string.IsNullOrEmpty(complaint.CustomerEmail)); // clean precision-about
        activity?.SetTag("store_interpreting.complaint_words", complaint.Original.Split(' ').Length); // clean precision-about
        activity?.SetTag("store_interpreting.email_template_id", "complaint-ack-" + complaint.Language); // clean precision-names

        var translated = await translator.TranslateAsync(complaint.Original, complaint.Language, "en");
        activity?.AddEvent(new ActivityEvent("translated", tags: new ActivityTagsCollection { ["text"] = translated })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("translated", tags: new ActivityTagsCollection { ["length"] = translated.Length })); // clean precision-about
        logger.LogInformation("Complaint {ComplaintId} translated from {Language}", complaint.ComplaintId, complaint.Language); // clean precision-names
        logger.LogInformation("Complaint {Complaint}", complaint); // leak TC1001 logging-objects
        logger.LogInformation("Complaint copy {Complaint}", complaint with { CustomerEmail = "", Original = "", Translated = "" }); // clean logging-objects
        logger.LogInformation("Complaint copy {Complaint}", complaint with { Translated = translated }); // leak TC1001 logging-objects
        LogComplaintEmail(logger, complaint.ComplaintId, complaint.CustomerEmail); // clean logging-objects
        LogComplaintEmailPlain(logger, complaint.ComplaintId, complaint.CustomerEmail); // leak TC1001 logging-objects

        try
        {
            if (translated.Length == 0)
            {
                throw new AgencyUnavailableException("mt-provider", 503);
            }
        }
        catch (AgencyUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.SetStoretalkNote(ex.Message); // clean generated-api
        }

        return Ok(complaint.ComplaintId);
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Complaint {ComplaintId} acknowledged to {CustomerEmail}")]
    private static partial void LogComplaintEmail(ILogger logger, string complaintId, [PrivateData] string customerEmail);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Complaint {ComplaintId} acknowledged to {CustomerEmail}")]
    private static partial void LogComplaintEmailPlain(ILogger logger, string complaintId, string customerEmail);
}

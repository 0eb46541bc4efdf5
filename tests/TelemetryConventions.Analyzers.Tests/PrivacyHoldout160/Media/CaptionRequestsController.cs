namespace PrivacyHoldout160.Media;

/// <summary>Takes viewers' requests for captions and audio description on health titles.</summary>
[ApiController]
[Route("api/captions")]
public sealed class CaptionRequestsController(
    ILogger<CaptionRequestsController> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private readonly Counter<long> requests = meter.CreateCounter<long>("careview.caption.requests");

    [HttpPost("")]
    public ActionResult Request([FromBody] CaptionRequest request)
    {
        using var activity = source.StartActivity("CaptionRequest");
        activity?.SetTag("caption.request_id", request.RequestId); // clean precision-names
        activity?.SetTag("caption.title_id", request.TitleId); // clean precision-names
        activity?.SetTag("caption.language", request.Language); // clean precision-about
        activity?.SetTag("caption.comment", request.Comment); // leak TC1001 direct
        activity?.SetTag("caption.comment_length", request.Comment.Length); // clean precision-about
        activity?.SetTag("subscriber.sha256", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(request.SubscriberId)))[..12]); // leak TC1002 hashes
        requests.Add(1, new KeyValuePair<string, object?>("language", request.Language)); // clean precision-about
        requests.Add(1, new KeyValuePair<string, object?>("subscriber", request.SubscriberId)); // leak TC1003 direct

        try
        {
            throw new TitleNotCaptionedException(request.TitleId);
        }
        catch (TitleNotCaptionedException ex)
        {
            logger.LogInformation(ex, "Queued captioning"); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        logger.LogInformation("Caption request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Caption request from {Subscriber}", pseudonymizer.PseudonymizeCareviewSubscriberId(request.SubscriberId)); // clean precision-pseudonym
        logger.LogInformation("Caption request {Summary}", $"{request.TitleId}/{request.Language}"); // clean strings
        logger.LogInformation("Caption request {Summary}", $"{request.SubscriberId}/{request.TitleId}"); // leak TC1001 strings
        meter.CreateCareviewOperationsCounter().Add(1, "tv-app", careviewOutcome: "queued"); // clean generated-api
        return Ok();
    }
}

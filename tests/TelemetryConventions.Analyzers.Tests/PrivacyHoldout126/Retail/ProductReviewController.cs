namespace PrivacyHoldout126.Retail;

/// <summary>The product page's review form, with up to six photos.</summary>
public sealed record ProductReviewForm(string Sku, int Rating, string Title, string Text, string Nickname, string? Location, bool Recommend, IReadOnlyList<string> PhotoUploadIds);

/// <summary>The order lookup that decides the verified-buyer badge. Prints its members.</summary>
public sealed record PurchaseCheck(string OrderNumber, string Sku, DateOnly DeliveredOn, bool Incentivised);

public sealed class NotPurchasedException(string customerNumber, string sku)
    : Exception($"Customer {customerNumber} has no delivered order containing {sku}");

[ApiController]
[Route("api/products/{sku}/reviews")]
public sealed partial class ProductReviewController(
    IReviewPlatform platform,
    TextAnalyticsClient pii,
    Pseudonymizer pseudonymizer,
    ILogger<ProductReviewController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.Reviews");
    private static readonly Meter Meter = new("Shop.Reviews");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] ProductReviewForm form, PurchaseCheck? purchase)
    {
        var customerNumber = HttpContext.User.SubjectId!;
        var email = HttpContext.User.Email!;
        var submissions = Meter.CreateProdrevSubmissionsCounter();
        using var span = Source.StartProdrevSubmit("pending")
            .SetProdrevProduct(form.Sku) // clean precision-names
            .SetProdrevRating(form.Rating) // clean precision-about
            .SetProdrevMediaCount(form.PhotoUploadIds.Count) // clean precision-about
            .SetProdrevAuthorId(pseudonymizer.PseudonymizeProdrevAuthorId(customerNumber)); // clean precision-pseudonym

        span.Activity?.SetTag("prodrev.verified", purchase is not null); // clean precision-about
        span.Activity?.SetTag("prodrev.order", purchase?.OrderNumber); // clean precision-names
        span.Activity?.SetTag("prodrev.location", form.Location); // leak TC1001 direct
        span.Activity?.SetTag("prodrev.nickname", form.Nickname); // leak TC1001 direct
        span.Activity?.SetTag(ProdrevAttributes.AuthorContact, pseudonymizer.PseudonymizeProdrevAuthorId(email).ToString()); // leak TC1001 precision-pseudonym
        logger.LogInformation("Purchase check {Check}", purchase); // clean logging-objects
        logger.LogInformation("Review form {@Form}", form); // leak TC1001 logging-objects
        logger.LogDebug("Review photos {Photos}", form.PhotoUploadIds); // clean precision-names
        logger.LogDebug("Review page {Url}", $"https://shop.example.com/p/{form.Sku}#reviews"); // clean strings
        span.Activity?.SetTag("prodrev.submission.key", string.Concat(form.Sku, "/", customerNumber)); // leak TC1001 strings

        try
        {
            if (purchase is null && form.Recommend)
            {
                throw new NotPurchasedException(customerNumber, form.Sku);
            }
        }
        catch (NotPurchasedException ex)
        {
            logger.LogInformation(ex, "Unverified review"); // leak TC1001 exceptions
            span.Activity?.SetTag("prodrev.unverified.reason", ex.GetType().Name); // clean exceptions
        }

        var entities = await pii.RecognizePiiEntitiesAsync($"{form.Title}\n{form.Text}");
        span.Activity?.SetTag("prodrev.pii.entities", entities.Count); // clean precision-about
        span.Activity?.SetTag("prodrev.pii.redacted_preview", entities.RedactedText.Length > 100 ? entities.RedactedText[..100] : entities.RedactedText); // leak TC1001 strings

        var submission = new ReviewSubmission(form.Sku, customerNumber, form.Nickname, email, form.Rating, form.Title, form.Text) { Location = form.Location, IsRecommended = form.Recommend, PhotoIds = form.PhotoUploadIds };
        try
        {
            var review = await platform.SubmitReviewAsync(submission);
            span.SetProdrevReviewId(review.Id).SetProdrevOutcome(review.Status.ToString()); // clean generated-api
            submissions.Add(1, review.Status.ToString(), form.Sku); // clean generated-api
            submissions.Add(1, "published", prodrevProduct: $"{form.Sku}/{customerNumber}"); // leak TC1003 generated-api
            LogSubmitted(logger, review.Id, form.Sku, email); // clean logging-objects
            return Ok(review.Id);
        }
        catch (ReviewApiException ex) when (ex.Code == "ERROR_FORM_DUPLICATE")
        {
            span.SetProdrevOutcome("duplicate").RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogInformation("Duplicate review by {Customer} for {Sku}", customerNumber, form.Sku); // leak TC1001 direct
            logger.LogProdrevReviewRejectedEvent("none", "duplicate", prodrevNote: $"duplicate submission {submission}"); // leak TC1001 generated-api
            return BadRequest(ex.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {ReviewId} for {Sku} from {Email}")]
    private static partial void LogSubmitted(ILogger logger, string reviewId, string sku, [PrivateData] string email);
}

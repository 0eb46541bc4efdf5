namespace PrivacyHoldout93.Retail;

/// <summary>
/// Post-purchase reviews: a week after delivery the customer is invited to review what they bought; the review form
/// has a star rating, a title, the review text, a display name and photos. Reviews are screened for contact details
/// before they are published on the product page.
/// </summary>
public sealed class PostPurchaseReviewService(
    IInvitationSender sender,
    ISubmissionStore submissions,
    Pseudonymizer pseudonymizer,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<PostPurchaseReviewService> logger)
{
    private const string ReviewFormId = "frm-product-review";

    private readonly ReviewsSubmissionsCounter _reviews = telemetry.Meter.CreateReviewsSubmissionsCounter();
    private readonly ReviewsCompletionDurationHistogram _timeToReview = telemetry.Meter.CreateReviewsCompletionDurationHistogram();
    private readonly Histogram<int> _stars = telemetry.Meter.CreateHistogram<int>("reviews.stars");

    public sealed record DeliveredOrder(string OrderNumber, string CustomerNumber, string Store, string Sku, Recipient Customer);

    public async Task InviteAsync(DeliveredOrder order, CancellationToken cancellationToken)
    {
        var invitation = new SurveyInvitation { InvitationId = $"rv-{order.OrderNumber}-{order.Sku}", SurveyId = ReviewFormId, Recipient = order.Customer, Token = InvitationTokens.NewToken() };
        using var span = telemetry.Source.StartReviewsInvite(ReviewFormId)
            .SetReviewsStore(order.Store)
            .SetReviewsRespondentId(pseudonymizer.PseudonymizeReviewsRespondentId(order.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("reviews.order", order.OrderNumber); // clean precision-names
        span.Activity?.SetTag("reviews.sku", order.Sku); // clean precision-names
        var link = $"{invitation.Link(options.PublicBaseUrl)}&order={order.OrderNumber}&cn={order.CustomerNumber}";
        span.Activity?.SetTag("reviews.invitation.link", link); // leak TC1001 strings
        try
        {
            var receipt = await sender.SendAsync(invitation, cancellationToken);
            span.SetReviewsOutcome(receipt.Status); // clean precision-names
        }
        catch (RecipientRejectedException rejected)
        {
            span.SetReviewsOutcome("bounced").SetStatus(ActivityStatusCode.Error, rejected.Message); // leak TC1001 exceptions
            logger.LogWarning("Review invitation for order {OrderNumber} bounced ({Reason})", order.OrderNumber, rejected.Reason); // clean exceptions
        }
        logger.LogInformation("Review invitation sent to {FirstName} for {Sku}", order.Customer.FirstName, order.Sku); // leak TC1001 cross-member
    }

    public async Task<ActionResult> SubmitAsync(FormSubmission review, DeliveredOrder order, CancellationToken cancellationToken)
    {
        using var span = telemetry.Source.StartReviewsSubmit(review.FormId).SetReviewsStore(order.Store);
        var stars = review.Score("q1_stars") ?? 0;
        var text = review.Answer("q3_review") ?? string.Empty;
        var displayName = review.Answer("q4_display_name");
        span.SetReviewsScore(stars); // clean precision-about
        _stars.Record(stars, new KeyValuePair<string, object?>("sku", order.Sku), new KeyValuePair<string, object?>("store", order.Store)); // clean precision-names
        span.Activity?.SetTag("reviews.title", review.Answer("q2_title")); // leak TC1001 direct
        span.Activity?.SetTag("reviews.text.length", text.Length); // clean precision-about
        span.Activity?.SetTag("reviews.display_name", displayName); // leak TC1001 direct
        span.Activity?.SetTag("reviews.photos", review.Files.Count);

        var scrubbed = CommentScrubber.Scrub(text);
        if (scrubbed != text)
        {
            span.Activity?.SetTag("reviews.screening.masked", true);
            logger.LogWarning("Review {SubmissionId} held: contact details masked in {Text}", review.SubmissionId, scrubbed); // leak TC1001 strings
            logger.LogReviewsSubmissionRejectedEvent(review.FormId, "held_for_moderation", "q3_review", reviewsNote: "contact details in review text"); // clean generated-api
            _reviews.Add(1, review.FormId, review.Channel, "held"); // clean generated-api
            return new OkResult("held");
        }

        await submissions.SaveAsync(review, cancellationToken);
        _reviews.Add(1, review.FormId, review.Channel, "published"); // clean generated-api
        _timeToReview.Record(review.TimeToComplete.TotalSeconds, review.FormId); // clean generated-api
        logger.LogInformation("Published {Stars}-star review {SubmissionId} of {Sku} by {CustomerRef}", stars, review.SubmissionId, order.Sku, pseudonymizer.ComputeReviewsRespondentId(order.CustomerNumber)); // clean precision-pseudonym
        logger.LogDebug("Review by {Order}", order); // leak TC1001 logging-objects
        return new OkResult("published");
    }
}

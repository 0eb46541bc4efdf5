namespace PrivacyHoldout93.Retail;

/// <summary>
/// The returns form: the customer picks the order and items, a reason from the list, adds a comment and, when the
/// reason is "arrived damaged", photos (the form's logic shows the upload field only then), and chooses a refund
/// method. Guest customers give their email and postcode to find the order.
/// </summary>
public sealed partial class ReturnsFormHandler(
    IFormRegistry forms,
    ISubmissionStore submissions,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    FormTelemetry telemetry,
    ILogger<ReturnsFormHandler> logger)
{
    private const string OrderField = "fld_order_number";
    private const string ReasonField = "fld_reason";
    private const string CommentField = "fld_comment";
    private const string GuestEmailField = "fld_guest_email";
    private const string PostcodeField = "fld_postcode";
    private const string RefundMethodField = "fld_refund_method";

    private readonly Counter<long> _returns = telemetry.Meter.CreateCounter<long>("returns.requested");

    public async Task<ActionResult> HandleAsync(FormSubmission submission, string store, CancellationToken cancellationToken)
    {
        var form = await forms.GetAsync(submission.FormId, cancellationToken);
        using var span = telemetry.Source.StartReviewsSubmit(form.Id, spanName: "returns.submit").SetReviewsStore(store);
        var order = submission.Answer(OrderField);
        var reason = submission.Answer(ReasonField);
        span.Activity?.SetTag("returns.order", order); // clean precision-names
        span.Activity?.SetTag("returns.reason", reason); // clean precision-names
        span.Activity?.SetTag("returns.refund_method", submission.Answer(RefundMethodField)); // clean precision-names

        var rule = Branching.Match(form, submission, ReasonField);
        LogBranch(logger, form.Id, rule?.Id ?? "none", rule?.JumpToFieldId ?? "end"); // clean precision-names

        var guestEmail = submission.Answer(GuestEmailField);
        var postcode = submission.Answer(PostcodeField);
        if (guestEmail is not null)
        {
            span.Activity?.SetTag("returns.guest", true);
            span.Activity?.SetTag("returns.guest.postcode_district", postcode?.Split(' ')[0]); // clean precision-about
            span.Activity.TagAnswer(submission, PostcodeField); // leak TC1001 cross-member
            span.Activity?.SetTag(ReviewsAttributes.RespondentContact, pseudonymizer.ComputeReviewsRespondentId(guestEmail)); // leak TC1001 precision-pseudonym
            logger.LogInformation("Guest return for {Order} by {Email} at {Postcode}", order, guestEmail, postcode); // leak TC1001 direct
            var lookupKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{guestEmail.ToLowerInvariant()}|{postcode}")));
            span.Activity?.SetTag("returns.guest.lookup", lookupKey); // leak TC1002 hashes
        }

        var errors = Validation.ValidateAll(form, submission);
        if (errors.Count > 0)
        {
            var invalid = new FormValidationException(form.Id, errors);
            logger.LogWarning(invalid, "Returns form invalid for order {Order}", order); // clean exceptions
            foreach (var error in errors.Where(e => e.Code == "format"))
            {
                span.Activity?.AddEvent(new ActivityEvent("returns.field.invalid", tags: new ActivityTagsCollection { ["field"] = error.FieldId, ["error"] = error })); // leak TC1001 logging-objects
            }
            span.SetReviewsErrorCount(errors.Count).SetReviewsOutcome("invalid");
            return new BadRequestResult(invalid.Message);
        }

        try
        {
            RefundRoute(submission.Answer(RefundMethodField));
        }
        catch (ArgumentException unknownMethod)
        {
            span.RecordException(unknownMethod, includeMessage: true); // clean exceptions
            return new BadRequestResult(unknownMethod.Message);
        }

        var comment = submission.Answer(CommentField);
        span.Activity?.SetTag("returns.comment.given", !string.IsNullOrWhiteSpace(comment)); // clean precision-about
        if (reason == "arrived_damaged")
        {
            span.Activity?.SetTag("returns.damage.photos", string.Join(",", submission.Files.Select(f => f.StorageKey))); // clean precision-names
            span.SetReviewsNote($"damaged: {comment}"); // leak TC1001 generated-api
        }

        await submissions.SaveAsync(submission, cancellationToken);
        var customer = submission.RespondentId ?? guestEmail;
        _returns.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("reason", reason)); // clean precision-names
        _returns.Add(1, new KeyValuePair<string, object?>("customer", customer)); // leak TC1003 direct
        span.Activity?.SetTag("returns.customer.shard", customer is null ? -1 : BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customer))) % 64); // clean hashes
        span.SetReviewsRespondentId(pseudonymizer.PseudonymizeReviewsRespondentId(customer ?? "guest")); // clean precision-pseudonym
        return new OkResult(submission.SubmissionId);
    }

    private static string RefundRoute(string? method) => method switch
    {
        "original_payment" => "psp",
        "store_credit" => "wallet",
        "exchange" => "oms",
        _ => throw new ArgumentException($"Unknown refund method '{method}'", nameof(method)),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Returns form {FormId} branched by {RuleId} to {JumpTo}")]
    private static partial void LogBranch(ILogger logger, string formId, string ruleId, string jumpTo);
}

namespace PrivacyHoldout147.Energy;

/// <summary>Reviews overdraft limits of customers whose bill pot fell short, before winter bills.</summary>
public sealed class OverdraftReviewJob(IAccountLedger ledger, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<OverdraftReviewJob> logger)
{
    private static readonly Meter ReviewMeter = new("Bank.Overdrafts");
    private static readonly Counter<long> Reviews = ReviewMeter.CreateCounter<long>("overdraft.reviews");

    public async Task<OverdraftBatchSummary> RunAsync(string batchId, IReadOnlyList<OverdraftReview> reviews, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("overdraft.review.batch");
        activity?.SetTag("overdraft.batch_id", batchId); // clean direct
        activity?.SetTag("overdraft.review_count", reviews.Count); // clean precision-about
        int lowered = 0, raised = 0, held = 0;
        foreach (var review in reviews)
        {
            var account = await ledger.FindAsync(review.AccountNumber, cancellationToken);
            activity?.AddEvent(new ActivityEvent("overdraft.reviewed", tags: new ActivityTagsCollection { ["decision"] = review.Decision, ["reason"] = review.ReasonCode })); // clean direct
            activity?.AddEvent(new ActivityEvent("overdraft.reviewed", tags: new ActivityTagsCollection { ["account"] = review.AccountNumber, ["decision"] = review.Decision })); // leak TC1001 direct
            Reviews.Add(1, new KeyValuePair<string, object?>("decision", review.Decision), new KeyValuePair<string, object?>("product", account?.ProductCode)); // clean precision-names
            logger.LogInformation("Review {Review}", review); // leak TC1001 logging-objects
            logger.LogInformation("Review {ReviewId}: {Current} to {Proposed}", review.ReviewId, review.CurrentLimit, review.ProposedLimit); // clean logging-objects
            logger.LogInformation("Reviewed {Holder}", account?.HolderName); // leak TC1001 direct
            logger.LogInformation("Reviewed account with sort code {SortCode}, IBAN country {Country}", account?.SortCode, account?.Iban[..2]); // clean precision-about
            logger.LogInformation("Reviewed {Line}", AccountLine(review)); // leak TC1001 strings
            logger.LogInformation("Reviewed {Line}", LimitLine(review)); // clean strings
            activity?.SetTag("overdraft.account_key", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(review.AccountNumber)))[..12]); // leak TC1002 hashes
            activity?.SetTag("overdraft.customer", pseudonymizer.Compute("overdraft.account", review.AccountNumber)); // clean precision-pseudonym
            switch (review.Decision)
            {
                case "lower": lowered++; break;
                case "raise": raised++; break;
                default: held++; break;
            }
        }

        var summary = new OverdraftBatchSummary(batchId, reviews.Count, lowered, raised, held);
        logger.LogInformation("Overdraft batch {@Summary}", summary); // clean logging-objects
        return summary;
    }

    private static string AccountLine(OverdraftReview review) => string.Join('/', "overdraft", review.AccountNumber, review.Decision);

    private static string LimitLine(OverdraftReview review) => string.Join('/', "overdraft", review.ReviewId, review.Decision, review.ProposedLimit.ToString(CultureInfo.InvariantCulture));
}

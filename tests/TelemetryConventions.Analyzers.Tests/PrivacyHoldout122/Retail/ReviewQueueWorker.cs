namespace PrivacyHoldout122.Retail;

/// <summary>
/// The credit and age-check review queue: analysts take the next task, see the vendor's reasons and the
/// customer's uploads, and approve or reject; the worker measures queue depth and time to decision.
/// </summary>
public sealed class ReviewQueueWorker(
    IReviewQueue queue,
    IVeriDocClient veriDoc,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<ReviewQueueWorker> logger)
{
    private static readonly string[] Queues = { "age-check-consider", "trade-credit" };

    private readonly Histogram<double> _timeToDecision = meter.CreateHistogram<double>("review.time_to_decision", "h");
    private readonly Counter<long> _decisionsByReviewer = meter.CreateCounter<long>("review.decisions");

    public async Task PollAsync(Reviewer analyst, CancellationToken cancellationToken)
    {
        foreach (var name in Queues)
        {
            var depth = await queue.DepthAsync(name, cancellationToken);
            Activity.Current?.SetTag($"review.{name}.depth", depth); // clean precision-about
            var task = await queue.NextAsync(name, analyst, cancellationToken);
            if (task is null)
            {
                continue;
            }

            using var span = source.StartShopperidvVerify(task.CheckId, options.Vendor).SetShopperidvReviewQueue(task.Queue); // clean generated-api
            span.SetShopperidvReviewerId(pseudonymizer.PseudonymizeShopperidvReviewerId(analyst.StaffId)); // clean generated-api
            span.Activity?.SetTag("review.analyst", analyst.DisplayName); // leak TC1001 direct
            span.Activity?.SetTag("review.priority", task.Priority); // clean precision-names
            span.Activity?.SetTag("review.reasons", string.Join(",", task.Reasons)); // clean strings
            logger.LogInformation("Analyst picked {Task}", task); // leak TC1001 logging-objects
            logger.LogInformation("Analyst picked task {TaskId} from {Queue}, due {Due}", task.Id, task.Queue, task.Due); // clean precision-names

            var applicant = await veriDoc.FindApplicantAsync(task.ApplicantId, cancellationToken);
            var decision = applicant.Dob is { } dob && dob.AddYears(options.MinimumAge) <= DateOnly.FromDateTime(DateTime.Today) ? ReviewDecision.Approve : ReviewDecision.Reject;
            var reviewerKey = analyst.StaffId;
            await queue.CloseAsync(new ReviewOutcome(task.Id, decision, reviewerKey, null, DateTimeOffset.UtcNow), cancellationToken);

            _timeToDecision.Record((DateTimeOffset.UtcNow - (task.Due - options.ReviewSla)).TotalHours, new KeyValuePair<string, object?>("queue", task.Queue), new KeyValuePair<string, object?>("decision", decision.ToString())); // clean precision-names
            _decisionsByReviewer.Add(1, new KeyValuePair<string, object?>("reviewer", reviewerKey)); // leak TC1003 cross-member
            _decisionsByReviewer.Add(1, new KeyValuePair<string, object?>("team", analyst.Team)); // clean precision-names
            span.SetShopperidvOutcome(decision.ToString().ToLowerInvariant()); // clean generated-api
            logger.LogInformation("Decision {Decision} for applicant {FirstName} born {Dob}", decision, applicant.FirstName, applicant.Dob); // leak TC1001 direct
            if (decision == ReviewDecision.Reject)
            {
                logger.LogShopperidvVerificationFailedEvent(task.CheckId, decision.ToString(), pseudonymizer.PseudonymizeShopperidvCustomerId(applicant.ExternalUserId ?? applicant.Id), $"queue {task.Queue}"); // clean generated-api
            }
        }
    }
}

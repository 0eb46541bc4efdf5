namespace PrivacyHoldout196.Healthcare;

/// <summary>A review health assessment (RHA) due for a looked-after child, read from the trust's queue.</summary>
public sealed record ReviewHealthAssessmentDue(string ReviewId, string ChildId, string NhsNumber, string ChildName, string LocalAuthority, DateOnly DueDate, string Concerns);

public sealed partial class ChildHealthReviewWorker(
    IQueueReceiver<ReviewHealthAssessmentDue> queue,
    IFosteringStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ChildHealthReviewWorker> logger) : BackgroundService
{
    private readonly Counter<int> _reviews = meter.CreateCounter<int>("rha.reviews");
    private string _currentChild = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = await queue.ReceiveAsync(stoppingToken);
            if (due is null)
            {
                continue;
            }

            _currentChild = due.ChildId;
            using var activity = source.StartActivity("rha.process");
            activity?.SetTag("rha.review.id", due.ReviewId); // clean precision-names
            activity?.SetTag("rha.local_authority", due.LocalAuthority); // clean precision-names
            activity?.SetTag("rha.due", due.DueDate.ToString("yyyy-MM")); // clean precision-about
            activity?.SetTag("rha.concerns.length", due.Concerns.Length); // clean precision-about
            activity?.SetTag("rha.concerns", due.Concerns); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("rha.received", tags: new ActivityTagsCollection { ["child"] = due.ChildName })); // leak TC1001 direct

            _reviews.Add(1, new KeyValuePair<string, object?>("local_authority", due.LocalAuthority)); // clean precision-names
            _reviews.Add(1, new KeyValuePair<string, object?>("child", due.ChildId)); // leak TC1003 direct

            ReviewQueued(logger, due.ReviewId, due.ChildName); // clean logging-objects
            ReviewQueuedPlain(logger, due.ReviewId, due.NhsNumber); // leak TC1001 logging-objects

            try
            {
                await ScheduleAsync(due, stoppingToken);
            }
            catch (PlacementNotFoundException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "No placement for review {ReviewId}", due.ReviewId); // clean exceptions
            }
            catch (CarerNotFoundException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError("Carer lookup failed: {Reason}", ex.Message); // leak TC1001 exceptions
                logger.LogCarercheckOperationFailedEvent("rha", "carer-missing", carercheckCarerId: pseudonymizer.PseudonymizeCarercheckCarerId(ex.CarerId)); // clean generated-api
            }
        }
    }

    private async Task ScheduleAsync(ReviewHealthAssessmentDue due, CancellationToken cancellationToken)
    {
        var child = await store.FindChildAsync(due.ChildId, cancellationToken) ?? throw new PlacementNotFoundException(due.ReviewId);
        using (logger.BeginScope(new Dictionary<string, object> { ["ReviewId"] = due.ReviewId, ["LegalStatus"] = child.LegalStatus })) // clean logging-objects
        {
            logger.LogInformation("Scheduling review for {Child}", _currentChild); // leak TC1001 cross-member
            logger.LogInformation("Scheduling review with {Authority}", child.LocalAuthority); // clean precision-names
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Upn"] = child.Upn })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Review booked"); // clean direct
        }

        var childKey = due.ChildId.GetHashCode();
        Activity.Current?.SetTag("rha.child.key", childKey); // leak TC1002 hashes
        Activity.Current?.SetTag("rha.child.pseudonym", pseudonymizer.Pseudonymize("child", due.ChildId).Value); // clean precision-pseudonym
        Baggage.SetBaggage("child", pseudonymizer.Compute("child", due.ChildId)); // clean precision-pseudonym
        meter.CreateCarercheckOperationDurationHistogram().Record(1.5, "rha"); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {ReviewId} queued for {ChildName}")]
    private static partial void ReviewQueued(ILogger logger, string reviewId, [PrivateData] string childName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {ReviewId} queued for NHS number {NhsNumber}")]
    private static partial void ReviewQueuedPlain(ILogger logger, string reviewId, string nhsNumber);
}

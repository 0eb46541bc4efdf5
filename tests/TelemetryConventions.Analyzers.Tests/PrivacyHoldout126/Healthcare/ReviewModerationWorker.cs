namespace PrivacyHoldout126.Healthcare;

/// <summary>A review held for a moderator, with the reasons the automatic checks gave.</summary>
public sealed record HeldReview(string ReviewId, string OdsCode, string PatientNhsNumber, string Nickname, string Body, IReadOnlyList<string> ReasonCodes, DateTimeOffset SubmittedAt);

/// <summary>A clinician's request to remove a review that names them.</summary>
public sealed record RemovalRequest(string ReviewId, string ClinicianGmcNumber, string ClinicianName, string Grounds);

public sealed class ModerationQueueException(string reviewId, string nhsNumber)
    : Exception($"Review {reviewId} by patient {nhsNumber} is already locked by another moderator");

public sealed partial class ReviewModerationWorker(
    IQueueReceiver<HeldReview> queue,
    IReviewPlatform platform,
    Pseudonymizer pseudonymizer,
    ILogger<ReviewModerationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Practice.Moderation");
    private static readonly Meter Meter = new("Practice.Moderation");
    private static readonly Histogram<double> TimeToVerdict = Meter.CreateHistogram<double>("practice.moderation.wait", "h");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var submissions = Meter.CreatePracticerevSubmissionsCounter();
        var durations = Meter.CreatePracticerevModerationDurationHistogram();
        while (!stoppingToken.IsCancellationRequested)
        {
            var held = await queue.ReceiveAsync(stoppingToken);
            if (held is null)
            {
                continue;
            }

            using var span = Source.StartPracticerevModerate(held.ReviewId)
                .SetPracticerevReason(string.Join(",", held.ReasonCodes)) // clean generated-api
                .SetPracticerevAuthorId(pseudonymizer.PseudonymizePracticerevAuthorId(held.PatientNhsNumber)); // clean precision-pseudonym

            logger.LogInformation("Moderating {Held}", held); // leak TC1001 logging-objects
            logger.LogInformation("Held review {ReviewId} for {OdsCode}, reasons {Reasons}", held.ReviewId, held.OdsCode, held.ReasonCodes); // clean logging-objects
            logger.LogDebug("Held since " + held.SubmittedAt.ToString("O", CultureInfo.InvariantCulture) + " for " + held.OdsCode); // clean strings
            logger.LogDebug("Held review by " + held.Nickname + " for " + held.OdsCode); // leak TC1001 strings

            var verdict = held.ReasonCodes.Contains("personal_info") ? ReviewStatus.Rejected : ReviewStatus.Approved;
            try
            {
                await platform.SetStatusAsync(held.ReviewId, verdict, held.ReasonCodes, stoppingToken);
            }
            catch (ModerationQueueException ex)
            {
                logger.LogWarning(ex, "Could not lock held review"); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                continue;
            }

            var waited = DateTimeOffset.UtcNow - held.SubmittedAt;
            span.SetPracticerevVerdict(verdict.ToString().ToLowerInvariant()); // clean generated-api
            durations.Record(waited.TotalSeconds, verdict.ToString().ToLowerInvariant()); // clean generated-api
            submissions.Add(1, verdict.ToString().ToLowerInvariant(), held.OdsCode); // clean precision-names
            TimeToVerdict.Record(waited.TotalHours, new KeyValuePair<string, object?>("practice.reviewer", held.Nickname)); // leak TC1003 direct

            if (verdict == ReviewStatus.Rejected)
            {
                logger.LogPracticerevReviewRejectedEvent(held.ReviewId, "personal_info", pseudonymizer.PseudonymizePracticerevAuthorId(held.PatientNhsNumber)); // clean precision-pseudonym
                logger.LogPracticerevReviewRejectedEvent(held.ReviewId, "personal_info", practicerevNote: FirstWords(held)); // leak TC1001 generated-api
            }
        }
    }

    private static string FirstWords(HeldReview held) => held.Body.Length > 60 ? held.Body[..60] : held.Body;

    public async Task HandleRemovalRequestAsync(RemovalRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartPracticerevModerate(request.ReviewId)
            .SetPracticerevReason("named_clinician"); // clean generated-api
        span.Activity?.SetTag("practicerev.clinician.gmc", request.ClinicianGmcNumber); // leak TC1001 direct
        logger.LogInformation("Removal requested for {ReviewId} on grounds {Grounds}", request.ReviewId, request.Grounds); // leak TC1001 direct
        logger.LogInformation("Removal request {@Request}", request); // leak TC1001 logging-objects
        span.Activity?.SetTag("practicerev.grounds.length", request.Grounds.Length); // clean precision-about

        var review = await platform.GetReviewAsync(request.ReviewId, cancellationToken);
        var namesClinician = review?.ReviewText.Contains(request.ClinicianName, StringComparison.OrdinalIgnoreCase) ?? false;
        span.Activity?.SetTag("practicerev.names_clinician", namesClinician); // clean precision-about
        span.SetPracticerevNote($"clinician {request.ClinicianName} asked for removal"); // leak TC1001 generated-api
        var shortRef = request.ClinicianGmcNumber.GetHashCode().ToString("x8", CultureInfo.InvariantCulture);
        logger.LogDebug("Removal dedupe key {Key}", shortRef); // leak TC1002 hashes
        RemovalLogged(logger, request.ReviewId, request.ClinicianName); // clean precision-names
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removal request for {ReviewId} from {ClinicianName}")]
    private static partial void RemovalLogged(ILogger logger, string reviewId, [PrivateData] string clinicianName);
}

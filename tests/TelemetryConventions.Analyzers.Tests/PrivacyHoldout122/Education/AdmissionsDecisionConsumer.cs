namespace PrivacyHoldout122.Education;

/// <summary>
/// Consumes the vendor's decision events (forwarded from its webhook to the admissions topic, keyed by
/// check id) and moves applications on, or escalates them to the admissions officers' review queue.
/// </summary>
public sealed class AdmissionsDecisionConsumer(
    IConsumer<string, DecisionEvent> consumer,
    IReviewQueue queue,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<AdmissionsDecisionConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _decisions = meter.CreateCounter<long>("admissions.idv.decisions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var decision = result.Message.Value;
            using var activity = source.StartActivity("admissions.idv.decision", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("idv.decision", decision.Decision); // clean precision-about
            activity?.SetTag("idv.reason_codes", string.Join(",", decision.ReasonCodes)); // clean strings
            activity?.SetTag("idv.student_number", decision.ExternalUserId); // leak TC1001 direct
            _decisions.Add(1, new KeyValuePair<string, object?>("decision", decision.Decision), new KeyValuePair<string, object?>("applicant", decision.ApplicantId)); // leak TC1003 direct

            logger.LogInformation("Decision event {Event}", decision); // leak TC1001 logging-objects
            if (decision.ReviewerEmail is not null)
            {
                logger.LogInformation("Decided by vendor reviewer at {Domain}", decision.ReviewerEmail.Split('@').Last()); // clean precision-about
            }

            if (decision.Decision == "consider")
            {
                await EscalateAsync(decision, stoppingToken);
            }
            consumer.Commit(result);
        }
    }

    private async Task EscalateAsync(DecisionEvent decision, CancellationToken cancellationToken)
    {
        try
        {
            var task = await queue.EnqueueAsync(new ReviewTask(decision.EventId, "admissions-idv", decision.CheckId, decision.ApplicantId, $"Applicant {decision.ExternalUserId}", DateTimeOffset.UtcNow.AddDays(2)), cancellationToken);
            Activity.Current?.SetTag("review.task.id", task.Id); // clean precision-names
            Activity.Current?.SetTag("review.task.reasons", task.Reasons.Count); // clean precision-about
            logger.LogInformation("Escalated applicant {Applicant} to {Queue}", pseudonymizer.ComputeEnrolidvStudentId(decision.ExternalUserId ?? decision.ApplicantId), task.Queue); // clean precision-pseudonym
        }
        catch (QueueFullException ex)
        {
            logger.LogError(ex, "Could not escalate check {CheckId}", decision.CheckId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogEnrolidvVerificationFailedEvent(decision.CheckId, "queue-full", pseudonymizer.PseudonymizeEnrolidvStudentId(decision.ExternalUserId ?? decision.ApplicantId)); // clean generated-api
        }
    }
}

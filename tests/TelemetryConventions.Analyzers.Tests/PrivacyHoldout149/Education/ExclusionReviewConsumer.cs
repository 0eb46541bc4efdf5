namespace PrivacyHoldout149.Education;

/// <summary>
/// Reads requests for an independent review of a permanent exclusion from the reviews topic (keyed by
/// review id), convenes the panel and records its decision; beside it, the virtual school's
/// endpoint that enrols people on probation on college courses.
/// </summary>
public sealed class ExclusionReviewConsumer(
    IConsumer<string, ExclusionReviewRequest> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<ExclusionReviewConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Council.Exclusions.Reviews");
    private static readonly Meter Meter = new("Council.Exclusions");
    private static readonly Histogram<int> DaysExcluded = Meter.CreateHistogram<int>("exclusion.days", "d");
    private static readonly Counter<long> Reviews = Meter.CreateCounter<long>("exclusion.reviews", "{review}");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var request = result.Message.Value;
            using var activity = Source.StartActivity("exclusion.review.receive", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset);
            activity?.SetTag("exclusion.school", request.School);
            activity?.SetTag("exclusion.days", request.ExclusionDays); // clean precision-about
            activity?.SetTag("exclusion.pupil.upn", request.PupilUpn); // leak TC1001 direct
            activity?.SetTag("exclusion.pupil", pseudonymizer.ComputeSendappealPupilId(request.PupilUpn)); // clean precision-pseudonym
            activity?.SetTag("exclusion.parent.phone", request.ParentPhone); // leak TC1001 direct
            activity?.SetTag("exclusion.parent.phone_given", !string.IsNullOrEmpty(request.ParentPhone)); // clean precision-about
            activity?.SetTag("exclusion.statement.words", request.ParentStatement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            activity?.AddEvent(new ActivityEvent("exclusion.statement", tags: new ActivityTagsCollection { ["statement"] = request.ParentStatement })); // leak TC1001 direct
            logger.LogInformation("Review requested {@Request}", request); // leak TC1001 logging-objects
            DaysExcluded.Record(request.ExclusionDays, new KeyValuePair<string, object?>("school", request.School)); // clean precision-names
            Reviews.Add(1, new KeyValuePair<string, object?>("pupil", pseudonymizer.PseudonymizeSendappealPupilId(request.PupilUpn))); // leak TC1003 precision-pseudonym

            var decision = new PanelDecision(request.ReviewId, request.ExclusionDays > 45 ? "uphold" : "recommend-reconsider", request.ExclusionDays <= 45);
            logger.LogInformation("Panel decision {Decision}", decision); // clean logging-objects
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    /// <summary>The virtual school's endpoint for probation's education, training and employment referrals.</summary>
    public static EndpointRoutes MapEteReferrals(EndpointRoutes routes) =>
        routes.MapPost("/ete/referrals", async (EteReferral referral, ICollegeEnrolment colleges, Pseudonymizer pseudonymizer, ILogger<EteReferral> logger, CancellationToken cancellationToken) =>
        {
            var span = Activity.Current.EnrichSendappealOperation(referral.College);
            span.SetSendappealAppealType("ete-referral");
            span.SetSendappealNote($"{referral.CourseCode} for {referral.LearnerName}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("ete.referral.id", referral.ReferralId);
            Activity.Current?.SetTag("ete.course", referral.CourseCode);
            Activity.Current?.SetTag("ete.employment_status", referral.EmploymentStatus); // clean precision-about
            Activity.Current?.SetTag("ete.crn", referral.Crn); // leak TC1001 direct
            Activity.Current?.SetTag("ete.learner", pseudonymizer.Compute("probation.case", referral.Crn)); // clean precision-pseudonym
            logger.LogInformation("ETE referral {Referral}", referral); // leak TC1001 logging-objects
            var enrolmentId = await colleges.EnrolAsync(referral, cancellationToken);
            logger.LogInformation("Enrolled on {CourseCode} at {College} as {EnrolmentId}", referral.CourseCode, referral.College, enrolmentId); // clean precision-names
            return new OkResult(enrolmentId);
        });
}

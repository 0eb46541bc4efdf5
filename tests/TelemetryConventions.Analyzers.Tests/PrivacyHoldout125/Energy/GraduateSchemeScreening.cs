namespace PrivacyHoldout125.Energy;

/// <summary>
/// The graduate engineering scheme: applicants sit an online assessment from the psychometrics
/// vendor, whose results come back on a queue; the service scores them, advances or rejects.
/// </summary>
public sealed class GraduateSchemeScreening(
    IQueueReceiver<GraduateSchemeScreening.AssessmentCompleted> results,
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    HiringOptions options,
    ILogger<GraduateSchemeScreening> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Grid.Careers.Graduates");
    private static readonly Meter Meter = new("Grid.Careers.Graduates");
    private static readonly GridjobsApplicationsCounter Applications = Meter.CreateGridjobsApplicationsCounter();
    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>("gridjobs.graduate.rejections");

    /// <summary>The vendor's message: its own candidate reference is the applicant's email.</summary>
    public sealed record AssessmentCompleted(string VendorCandidateRef, long ApplicationId, string Assessment, double NumericalPercentile, double VerbalPercentile, bool AdjustmentsApplied);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var message = await results.ReceiveAsync(stoppingToken);
            if (message is null)
            {
                continue;
            }
            await ScoreAsync(message, stoppingToken);
        }
    }

    private async Task ScoreAsync(AssessmentCompleted message, CancellationToken cancellationToken)
    {
        var application = await ats.GetApplicationAsync(message.ApplicationId, cancellationToken);
        if (application is null)
        {
            logger.LogWarning("Assessment result for unknown application {Application} from {VendorRef}", message.ApplicationId, message.VendorCandidateRef); // leak TC1001 direct
            return;
        }

        var job = await ats.GetJobAsync(application.JobId, cancellationToken);
        using var span = Source.StartGridjobsApplication(application.Id.ToString(CultureInfo.InvariantCulture), job.RequisitionId);
        span.SetGridjobsCandidateId(pseudonymizer.PseudonymizeGridjobsCandidateId(application.CandidateId)); // clean precision-pseudonym
        var score = (message.NumericalPercentile + message.VerbalPercentile) / 20.0;
        span.SetGridjobsScore(score).SetGridjobsStage("assessment"); // clean generated-api
        span.Activity?.SetTag("gridjobs.assessment", message.Assessment); // clean precision-names
        span.Activity?.SetTag("gridjobs.assessment.adjustments", message.AdjustmentsApplied); // clean precision-about
        span.Activity?.SetTag("gridjobs.assessment.vendor_ref", message.VendorCandidateRef); // leak TC1001 direct
        logger.LogInformation("Assessment completed: {@Result}", message); // leak TC1001 logging-objects

        if (score >= options.ScreenPassMark)
        {
            Applications.Add(1, "assessment", application.Source, "advanced"); // clean generated-api
            return;
        }

        try
        {
            await ats.RejectAsync(application.Id, new RejectionReason(14, "Did not meet assessment threshold", "we_rejected"), null, cancellationToken);
            span.SetGridjobsOutcome("rejected"); // clean generated-api
            Rejections.Add(1, new KeyValuePair<string, object?>("gridjobs.reason", "assessment-threshold")); // clean precision-names
            Rejections.Add(1, new KeyValuePair<string, object?>("gridjobs.candidate", pseudonymizer.ComputeGridjobsCandidateId(application.CandidateId))); // leak TC1003 precision-pseudonym
        }
        catch (StageConflictException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogGridjobsStageFailedEvent("assessment", "conflict", gridjobsNote: ex.Message); // clean exceptions
        }
        Applications.Add(1, "assessment", application.Source, $"rejected:{application.CandidateId}"); // leak TC1003 generated-api
    }
}

namespace PrivacyHoldout167.Education;

/// <summary>Handles students' appeals against campus parking penalties: the parking office decides and emails the outcome.</summary>
public sealed class PenaltyAppealHandler(
    IPenaltyStore notices,
    INoticeMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<PenaltyAppealHandler> logger)
{
    private static readonly ActivitySource Source = new("University.Appeals");
    private static readonly Meter Meter = new("University.Appeals");
    private readonly CampusparkOperationDurationHistogram _duration = Meter.CreateCampusparkOperationDurationHistogram();

    public sealed record AppealDecision(string NoticeNumber, string StudentNumber, string OfficerNumber, string Email, bool Upheld, string Reason);

    public async Task HandleAsync(AppealDecision decision, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCampusparkOperation("appeals");
        span.SetCampusparkOfficerId(pseudonymizer.PseudonymizeCampusparkOfficerId(decision.OfficerNumber)); // clean generated-api
        span.SetCampusparkPermitRef(decision.NoticeNumber); // clean generated-api
        Activity.Current?.SetTag("appeal.officer", decision.OfficerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("appeal.upheld", decision.Upheld); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("appeal.decided", tags: new ActivityTagsCollection { ["student"] = decision.StudentNumber })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("appeal.decided", tags: new ActivityTagsCollection { ["reason"] = decision.Reason })); // clean precision-about

        var notice = await notices.FindAsync(decision.NoticeNumber, cancellationToken);
        if (notice is null)
        {
            var ex = new NoticeClosedException(decision.NoticeNumber);
            span.RecordException(ex, "notice closed", includeMessage: true); // clean exceptions
            return;
        }

        var subject = string.Format(CultureInfo.InvariantCulture, "Appeal {0} for {1}", notice.NoticeNumber, notice.Vrm);
        logger.LogInformation(subject); // leak TC1001 strings
        var summary = string.Join("/", notice.NoticeNumber, notice.ContraventionCode, notice.LocationCode);
        logger.LogInformation("Appeal decided: {Summary}", summary); // clean strings
        var sb = new StringBuilder("decided for ").Append(decision.StudentNumber).Append(" upheld=").Append(decision.Upheld);
        Activity.Current?.SetTag("appeal.summary", sb.ToString()); // leak TC1001 strings

        try
        {
            await mailer.SendAsync(decision.Email, "tpl-appeal-outcome", new Dictionary<string, string> { ["notice"] = notice.NoticeNumber }, cancellationToken);
            logger.LogInformation("Outcome emailed using template {TemplateId}", "tpl-appeal-outcome"); // clean precision-names
        }
        catch (Exception ex)
        {
            logger.LogError("Outcome email to {Email} failed: {Error}", decision.Email, ex.GetType().Name); // leak TC1001 direct
        }

        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "appeals"); // clean generated-api
    }
}

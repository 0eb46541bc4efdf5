namespace PrivacyHoldout144.Media;

/// <summary>
/// The oral history project records people who worked in and around broadcasting. Each finished interview arrives on
/// the ingest queue with the contributor's details and a summary; the worker transcribes it and files it with the
/// restriction the contributor chose, checking that a signed recording agreement is on file.
/// </summary>
public sealed partial class OralHistoryIngestWorker(
    IQueueReceiver<OralHistoryInterview> queue,
    IIngestPipeline pipeline,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<OralHistoryIngestWorker> logger) : BackgroundService
{
    private readonly HashSet<string> _closedInterviewIds = new();
    private OralHistoryInterview? _lastWithoutAgreement;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var interview = await queue.ReceiveAsync(stoppingToken);
            if (interview is not null)
            {
                await IngestAsync(interview, stoppingToken);
            }
        }
    }

    private async Task IngestAsync(OralHistoryInterview interview, CancellationToken cancellationToken)
    {
        using var span = source.StartSoundarchiveOperation("oral-history", spanName: "oral-history.ingest");
        span.SetSoundarchiveRecordingId(interview.InterviewId); // clean generated-api
        span.SetSoundarchiveContributorId(pseudonymizer.PseudonymizeSoundarchiveContributorId($"{interview.ContributorName}|{interview.BornOn:O}")); // clean precision-pseudonym
        Activity.Current?.SetTag("soundarchive.contributor.birth_decade", interview.BornOn.Year / 10 * 10); // clean precision-about
        Activity.Current?.SetTag("soundarchive.restriction", interview.Restriction); // clean precision-about

        LogInterviewReceived(logger, interview.InterviewId, interview.ContributorName); // clean logging-objects
        LogInterviewedBy(logger, interview.InterviewId, interview.Interviewer); // leak TC1001 logging-objects
        logger.LogDebug("Interview summary: {Summary}", interview.Summary); // leak TC1001 direct

        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{interview.ContributorName}|{interview.BornOn:O}")))[..12];
        logger.LogDebug("Contributor dedupe key {Key}", dedupe); // leak TC1002 hashes

        if (interview.Restriction == "closed-until-death")
        {
            _closedInterviewIds.Add(interview.InterviewId);
        }

        try
        {
            var transcript = await pipeline.TranscribeAsync(interview.InterviewId, cancellationToken);
            logger.LogInformation("Transcript {Transcript}", transcript); // clean logging-objects
            Activity.Current?.SetTag("soundarchive.transcript.words", transcript.Words); // clean precision-about
        }
        catch (ConsentFormMissingException ex)
        {
            _lastWithoutAgreement = interview;
            span.RecordException(ex); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }
    }

    public void ReportBacklog()
    {
        logger.LogInformation("Interviews closed until the contributor's death: {Ids}", _closedInterviewIds); // clean cross-member
        logger.LogWarning("Interview waiting for a recording agreement: {Interview}", _lastWithoutAgreement); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Interview {InterviewId} with {ContributorName} received")]
    private static partial void LogInterviewReceived(ILogger logger, string interviewId, [PrivateData] string contributorName);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Debug, Message = "Interview {InterviewId} recorded by {Interviewer}")]
    private static partial void LogInterviewedBy(ILogger logger, string interviewId, string interviewer);
}

namespace PrivacyHoldout124.Healthcare;

/// <summary>
/// Live questions and polls at the trust's patient education webinars (diabetes, maternity, pre-op). Patients
/// sign in with their portal account (the hospital number) and may ask anonymously; the clinician hosting sees
/// the question queue and answers the most upvoted.
/// </summary>
public sealed partial class PatientWebinarQuestions(
    ActivitySource source,
    ILogger<PatientWebinarQuestions> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LiveEventOptions options)
{
    private readonly ClinicqActionsCounter _actions = meter.CreateClinicqActionsCounter();
    private readonly Histogram<int> _questionLength = meter.CreateHistogram<int>("webinar.question.length");

    public void Ask(AudienceQuestion question, string hostStaffId)
    {
        using var span = source.StartClinicqLive(question.SessionId);
        span.SetClinicqItem(question.QuestionId); // clean precision-names
        span.SetClinicqStaffId(pseudonymizer.PseudonymizeClinicqStaffId(hostStaffId)); // clean precision-pseudonym
        _questionLength.Record(question.Text.Length, new KeyValuePair<string, object?>("session", question.SessionId)); // clean precision-about

        if (question.Text.Length > options.MaxQuestionLength)
        {
            logger.LogClinicqActionRejectedEvent(question.SessionId, "too-long", clinicqNote: $"question of {question.Text.Length} characters"); // clean generated-api
            return;
        }

        logger.LogInformation("Question {QuestionId} from {Asker}", question.QuestionId, question.Anonymous ? "anonymous" : question.AskerName); // leak TC1001 direct
        logger.LogDebug("New question {@Question}", question); // leak TC1001 logging-objects
        span.SetClinicqNote(question.Text[..Math.Min(60, question.Text.Length)]); // leak TC1001 generated-api
        logger.LogInformation("Question {QuestionId} anonymous={Anonymous}, {Words} words", question.QuestionId, question.Anonymous, question.Text.Split(' ').Length); // clean precision-about
        _actions.Add(1, question.SessionId, "asked"); // clean precision-about
    }

    public void Upvote(AudienceQuestion question, string voterHospitalNumber)
    {
        using var span = source.StartClinicqLive(question.SessionId);
        span.SetClinicqItem(question.QuestionId).SetClinicqPatientId(pseudonymizer.PseudonymizeClinicqPatientId(voterHospitalNumber)); // clean precision-pseudonym
        LogUpvote(logger, question.QuestionId, voterHospitalNumber); // clean logging-objects
        LogUpvoteForAudit(logger, question.QuestionId, question.AskerId); // leak TC1001 logging-objects
    }

    public void Vote(Poll poll, PollVote vote)
    {
        using var span = source.StartClinicqLive(poll.SessionId);
        try
        {
            if (vote.CastAt > DateTimeOffset.UtcNow)
            {
                throw new PollClosedException(poll.PollId);
            }
            span.SetClinicqItem(vote.OptionId); // clean precision-about
            logger.LogInformation("Poll {Poll} ({Question}) vote for {Option}", poll.PollId, poll.Question, vote.OptionId); // clean precision-names
            logger.LogDebug("Vote {Vote}", vote); // leak TC1001 logging-objects
        }
        catch (PollClosedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    public void DuplicateVote(DuplicateVoteException ex, string sessionId)
    {
        logger.LogClinicqActionRejectedEvent(sessionId, "duplicate-vote", clinicqNote: ex.Message); // leak TC1001 generated-api
        Activity.Current?.SetStatus(ActivityStatusCode.Error, nameof(DuplicateVoteException)); // clean exceptions
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Question {QuestionId} upvoted by {Voter}")]
    private static partial void LogUpvote(ILogger logger, string questionId, [PrivateData] string voter);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Question {QuestionId} (asked by {Asker}) upvoted")]
    private static partial void LogUpvoteForAudit(ILogger logger, string questionId, string asker);
}

namespace PrivacyHoldout153.Media;

/// <summary>Takes readers' questions for the ask-the-pharmacist column and phone-in, and publishes answers.</summary>
[ApiController]
[Route("api/ask-the-pharmacist")]
public sealed partial class AskThePharmacistController(
    IEditorialDesk desk,
    Pseudonymizer pseudonymizer,
    ILogger<AskThePharmacistController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("HealthDesk.Questions");
    private static readonly Meter Meter = new("HealthDesk.Questions");
    private static readonly Counter<long> Questions = Meter.CreateCounter<long>("healthdesk.questions.received");
    private static readonly HashSet<string> Blocked = new(StringComparer.OrdinalIgnoreCase);

    [HttpPost("questions")]
    public async Task<ActionResult> AskAsync([FromBody] ReaderQuestion question, CancellationToken cancellationToken)
    {
        using var span = Source.StartHealthdeskOperation("ask-the-pharmacist");
        span.SetHealthdeskTopic(question.Topic); // clean precision-about
        span.SetHealthdeskReaderId(pseudonymizer.PseudonymizeHealthdeskReaderId(question.ReaderAccount)); // clean generated-api
        Activity.Current?.SetTag("healthdesk.question.length", question.Text.Length); // clean precision-about
        Activity.Current?.SetTag("healthdesk.question.text", question.Text); // leak TC1001 direct
        Activity.Current?.SetTag("healthdesk.reader.email_domain", question.Email[(question.Email.LastIndexOf('@') + 1)..]); // clean precision-about

        try
        {
            if (Blocked.Contains(question.Email))
            {
                throw new ReaderBlockedException(question.Email);
            }
        }
        catch (ReaderBlockedException ex)
        {
            logger.LogHealthdeskOperationFailedEvent("ask-the-pharmacist", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return BadRequest("blocked");
        }

        var reference = await desk.FileAsync(question, cancellationToken);
        Questions.Add(1, new KeyValuePair<string, object?>("healthdesk.topic", question.Topic)); // clean precision-about
        Meter.CreateHealthdeskQuestionsCounter().Add(1, "ask-the-pharmacist", healthdeskOutcome: reference); // clean generated-api
        Meter.CreateHealthdeskQuestionsCounter().Add(1, "ask-the-pharmacist", healthdeskOutcome: question.ReaderName); // leak TC1003 generated-api
        LogFiled(logger, reference, question.ReaderName); // clean logging-objects
        LogFiledFrom(logger, reference, question.Email); // leak TC1001 logging-objects
        logger.LogInformation("Question {QuestionId} on {Topic} filed as {Reference}", question.QuestionId, question.Topic, reference); // clean precision-names
        return Ok(reference);
    }

    [HttpPost("answers")]
    public ActionResult Publish([FromBody] PublishedAnswer answer, string questionId)
    {
        Activity.Current?.SetTag("healthdesk.answer", answer.AnswerId); // clean precision-names
        Activity.Current?.SetTag("healthdesk.answer.words", answer.Words); // clean precision-about
        logger.LogInformation("Published {@Answer} for question {QuestionId}", answer, questionId); // clean logging-objects
        Meter.CreateHealthdeskAnswerDurationHistogram().Record(3600, "ask-the-pharmacist"); // clean generated-api
        return Ok();
    }

    public void Block(string readerEmail)
    {
        Blocked.Add(readerEmail);
        logger.LogWarning("Reader blocked: {ReaderEmail}", readerEmail); // leak TC1001 direct
        logger.LogWarning("Reader blocked: {Reader}", pseudonymizer.ComputeHealthdeskReaderId(readerEmail)); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Question {Reference} from {ReaderName}")]
    private static partial void LogFiled(ILogger logger, string reference, [PrivateData] string readerName);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Question {Reference} from {Email}")]
    private static partial void LogFiledFrom(ILogger logger, string reference, string email);
}

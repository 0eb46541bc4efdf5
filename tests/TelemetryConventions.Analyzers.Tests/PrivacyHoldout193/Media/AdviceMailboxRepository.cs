namespace PrivacyHoldout193.Media;

public sealed record ReaderQuestion(string QuestionId, string ReaderId, string ReaderName, string Email, string SignOff, string Body, string Topic, int AgeGiven);

public sealed record PublishedAnswer(string QuestionId, string ColumnId, string IssueId, int Words, string Topic);

public sealed record KitOfferClaim(string ClaimId, string ReaderId, string PromoCode, string Postcode, string Email);

/// <summary>A magazine's sexual health advice column: readers' questions on contraception and testing, and a free kit offer.</summary>
public sealed partial class AdviceMailboxRepository(Pseudonymizer pseudonymizer, ILogger<AdviceMailboxRepository> logger)
{
    private static readonly ActivitySource Source = new("Magazine.Advice");
    private static readonly Meter Meter = new("Magazine.Advice");
    private static readonly Counter<long> Questions = Meter.CreateCounter<long>("advice.questions");

    private readonly Dictionary<string, ReaderQuestion> _inbox = new();
    private string? _lastReaderEmail;

    public void Save(ReaderQuestion question)
    {
        using var span = Source.StartAsklineOperation("agony-desk");
        span.SetAsklineKind(question.Topic); // clean precision-names
        span.SetAsklineClientId(pseudonymizer.PseudonymizeAsklineClientId(question.ReaderId)); // clean precision-pseudonym
        _inbox[question.QuestionId] = question;
        _lastReaderEmail = question.Email;
        Activity.Current?.SetTag("advice.question_id", question.QuestionId); // clean precision-names
        Activity.Current?.SetTag("advice.reader_id", question.ReaderId); // leak TC1001 direct
        Activity.Current?.SetTag("advice.reader_age", question.AgeGiven); // clean precision-about
        Activity.Current?.SetTag("advice.body_length", question.Body.Length); // clean precision-about
        Activity.Current?.SetTag("advice.sign_off", question.SignOff); // clean precision-about
        Questions.Add(1, new KeyValuePair<string, object?>("topic", question.Topic)); // clean precision-about
        Questions.Add(1, new KeyValuePair<string, object?>("reader", question.ReaderId)); // leak TC1003 direct
        logger.LogInformation("Question {QuestionId} from {ReaderName}", question.QuestionId, question.ReaderName); // leak TC1001 direct
        logger.LogDebug("Question saved {Question}", question); // leak TC1001 logging-objects
        logger.LogDebug("Question saved {Question}", question with { ReaderName = "", Email = "", ReaderId = "" }); // leak TC1001 logging-objects
        logger.LogDebug("Question text: {Body}", question.Body); // leak TC1001 direct
        var preview = question.Body.Length > 40 ? question.Body[..40] + "…" : question.Body;
        Activity.Current?.AddEvent(new ActivityEvent("question.saved", tags: new ActivityTagsCollection { ["preview"] = preview })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("question.saved", tags: new ActivityTagsCollection { ["question.id"] = question.QuestionId, ["topic"] = question.Topic })); // clean precision-names
        LogQuestionSaved(question.QuestionId, question.Email); // clean logging-objects
    }

    public void Publish(PublishedAnswer answer)
    {
        using var span = Source.StartAsklineOperation(answer.ColumnId);
        span.SetAsklineItems(answer.Words); // clean precision-about
        span.SetAsklineOutcome("published"); // clean precision-about
        logger.LogInformation("Answer published {@Answer}", answer); // clean logging-objects
        if (_inbox.TryGetValue(answer.QuestionId, out var question))
        {
            span.SetAsklineNote($"answer to {answer.QuestionId} in {answer.IssueId}, {answer.Words} words"); // clean generated-api
            span.SetAsklineNote($"answer to {question.ReaderName} ({question.SignOff})"); // leak TC1001 generated-api
            var readerKey = question.ReaderId.GetHashCode().ToString("x8", CultureInfo.InvariantCulture);
            logger.LogInformation("Answer for reader key {ReaderKey}", readerKey); // leak TC1002 hashes
        }

        NotifyLastReader();
        Meter.CreateAsklineOperationsCounter().Add(1, answer.ColumnId, "published"); // clean generated-api
        Meter.CreateAsklineOperationDurationHistogram().Record(1.2, answer.ColumnId); // clean generated-api
    }

    public void ClaimKit(KitOfferClaim claim)
    {
        using var span = Source.StartAsklineOperation("kit-offer");
        span.SetAsklineKind("kit"); // clean precision-names
        var reader = pseudonymizer.PseudonymizeAsklineClientId(claim.ReaderId);
        span.SetAsklineClientId(reader); // clean precision-pseudonym
        Activity.Current?.SetTag("offer.claim_id", claim.ClaimId); // clean precision-names
        Activity.Current?.SetTag("offer.promo_code", claim.PromoCode); // clean precision-names
        Activity.Current?.SetTag("offer.postcode", claim.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("offer.postcode_district", claim.Postcode.Split(' ')[0]); // clean precision-about
        Meter.CreateAsklineOperationsCounter().Add(1, reader.Value, "claimed"); // leak TC1003 generated-api
        var emailDigest = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(claim.Email.Trim().ToLowerInvariant())));
        Activity.Current?.SetTag("offer.email_digest", emailDigest); // leak TC1002 hashes
        using (logger.BeginScope(new Dictionary<string, object?> { ["ClaimId"] = claim.ClaimId, ["Reader"] = reader.Value })) // clean precision-pseudonym
        {
            logger.LogInformation("Kit offer claimed"); // clean precision-about
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["ClaimId"] = claim.ClaimId, ["Email"] = claim.Email })) // leak TC1001 direct
        {
            logger.LogInformation("Kit offer confirmation queued"); // clean precision-about
        }
    }

    private void NotifyLastReader()
    {
        logger.LogInformation("Last reader to notify: {Email}", _lastReaderEmail); // leak TC1001 cross-member
        logger.LogInformation("Inbox holds {Count} questions", _inbox.Count); // clean cross-member
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Question {QuestionId} saved for {Email}")]
    private partial void LogQuestionSaved(string questionId, [PrivateData] string email);
}

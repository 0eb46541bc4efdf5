namespace PrivacyHoldout183.Media;

/// <summary>The newspaper's family notices desk: death notices booked and verified by phone, obituaries under embargo, the online condolence book.</summary>
public sealed partial class FamilyNoticesRepository(
    ActivitySource source,
    Meter meter,
    ILogger<FamilyNoticesRepository> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IBereavementCaseStore store)
{
    private readonly Counter<long> _notices = meter.CreateCounter<long>("notices.booked");
    private readonly Histogram<int> _words = meter.CreateHistogram<int>("notices.words");
    private readonly NoticedeskOperationsCounter _operations = meter.CreateNoticedeskOperationsCounter();
    private readonly Dictionary<string, string> _unverifiedByPhone = new();
    private DeathNotice? _lastWithdrawn;

    public async Task<NoticeSlot> BookAsync(DeathNotice notice, CancellationToken cancellationToken)
    {
        using var span = source.StartNoticedeskOperation(notice.Edition);
        span.SetNoticedeskPlacerId(pseudonymizer.PseudonymizeNoticedeskPlacerId(notice.PlacerPhone)); // clean precision-pseudonym
        span.SetNoticedeskCaseKind("death-notice"); // clean precision-names
        span.SetNoticedeskDocumentCount(1); // clean generated-api
        span.SetNoticedeskNote($"Notice {notice.NoticeId} for the {notice.Edition} edition"); // clean generated-api
        span.SetNoticedeskNote($"In loving memory of {notice.DeceasedName}"); // leak TC1001 generated-api
        span.Activity?.SetTag("db.system", "postgresql"); // clean precision-about
        span.Activity?.SetTag("db.statement", "INSERT INTO notices (id, deceased, placer, text) VALUES (@id, @deceased, @placer, @text)"); // clean strings
        span.Activity?.SetTag("db.statement", $"INSERT INTO notices VALUES ('{notice.NoticeId}', '{notice.DeceasedName}', '{notice.PlacerPhone}')"); // leak TC1001 strings
        span.Activity?.SetTag("notice.id", notice.NoticeId); // clean precision-names
        span.Activity?.SetTag("notice.placer_phone", notice.PlacerPhone); // leak TC1001 direct
        span.Activity?.SetTag("notice.placer_phone_prefix", notice.PlacerPhone[..3]); // clean precision-about
        span.Activity?.SetTag("notice.text", notice.Text); // leak TC1001 direct
        span.Activity?.SetTag("notice.text_length", notice.Text.Length); // clean precision-about
        span.Activity?.SetTag(NoticedeskAttributes.Contact, notice.PlacerPhone); // leak TC1001 generated-api
        _notices.Add(1, new KeyValuePair<string, object?>("edition", notice.Edition)); // clean precision-about
        _notices.Add(1, new KeyValuePair<string, object?>("placer", pseudonymizer.PseudonymizeNoticedeskPlacerId(notice.PlacerPhone))); // leak TC1003 precision-pseudonym
        _words.Record(notice.Text.Split(' ').Length, new KeyValuePair<string, object?>("edition", notice.Edition)); // clean precision-about
        _words.Record(notice.Text.Split(' ').Length, new KeyValuePair<string, object?>("deceased", notice.DeceasedName)); // leak TC1003 direct
        logger.LogInformation("Notice booked {@Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Notice booked {Notice}", notice with { PlacerPhone = "", PlacerName = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Notice booked {Notice}", notice with { DeceasedName = "", PlacerPhone = "", PlacerName = "", Text = "" }); // clean logging-objects
        LogPlacer(logger, notice.PlacerName, notice.Edition); // clean logging-objects
        LogPlacerUnclassified(logger, notice.PlacerName, notice.Edition); // leak TC1001 logging-objects

        try
        {
            var verified = await store.FindKinAsync(notice.NoticeId, cancellationToken);
            if (verified is null)
            {
                _unverifiedByPhone[notice.PlacerPhone] = notice.NoticeId;
                throw new KinUnreachableException(notice.PlacerPhone);
            }
        }
        catch (KinUnreachableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, "verification call unanswered"); // clean exceptions
            span.Activity?.SetTag("exception.type", nameof(KinUnreachableException)); // clean exceptions
            span.Activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            logger.LogNoticedeskOperationFailedEvent(notice.Edition, "unverified", noticedeskNote: ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("notices.unverified_count", _unverifiedByPhone.Count); // clean cross-member
            span.Activity?.SetTag("notices.unverified_numbers", string.Join(",", _unverifiedByPhone.Keys)); // leak TC1001 cross-member
        }

        var sha = SHA256.HashData(Encoding.UTF8.GetBytes(notice.DeceasedName));
        span.Activity?.SetTag("notice.deceased_ref", Convert.ToBase64String(sha)); // leak TC1002 hashes
        span.Activity?.SetTag("notice.sample", HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(notice.PlacerPhone))[0] < 26); // clean hashes
        var slot = new NoticeSlot(notice.NoticeId, notice.Edition, notice.Text.Split(' ').Length, 42.5m);
        logger.LogInformation("Slot {@Slot}", slot); // clean logging-objects
        _operations.Add(1, notice.Edition, "booked"); // clean generated-api
        return slot;
    }

    public void Withdraw(DeathNotice notice, string reasonCode)
    {
        _lastWithdrawn = notice;
        using var activity = source.StartActivity("notices.withdraw");
        activity?.SetTag("notice.withdraw_reason", reasonCode); // clean precision-about
        activity?.SetTag("notice.last_withdrawn", _lastWithdrawn.DeceasedName); // leak TC1001 cross-member
        activity?.AddEvent(new ActivityEvent("notice.withdrawn", tags: new ActivityTagsCollection { ["notice"] = notice.NoticeId, ["edition"] = notice.Edition })); // clean precision-names
        logger.LogInformation("Withdrew notice {NoticeId}: {Reason}", notice.NoticeId, reasonCode); // clean precision-names
    }

    public void Moderate(CondolenceMessage message, bool approved)
    {
        using var activity = source.StartActivity("notices.condolence");
        activity?.SetTag("condolence.message_id", message.MessageId); // clean precision-names
        activity?.SetTag("condolence.approved", approved); // clean precision-about
        activity?.SetTag("condolence.author_email", message.AuthorEmail); // leak TC1001 direct
        activity?.SetTag("condolence.author_ref", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(message.AuthorEmail)))[..16]); // leak TC1002 hashes
        var preview = message.Text.Length > 40 ? message.Text[..40] : message.Text;
        logger.LogInformation("Condolence preview: " + preview); // leak TC1001 strings
        logger.LogInformation("Condolence {@Receipt}", new CondolenceReceipt(message.MessageId, message.BookId, message.Text.Split(' ').Length, approved)); // clean logging-objects
        logger.LogInformation("Condolence {Message} moderated", message); // leak TC1001 logging-objects
    }

    [LoggerMessage(EventId = 8501, Level = LogLevel.Information, Message = "Notice placed by {PlacerName} for {Edition}")]
    private static partial void LogPlacer(ILogger logger, [PrivateData] string placerName, string edition);

    [LoggerMessage(EventId = 8502, Level = LogLevel.Information, Message = "Notice placed by {PlacerName} for {Edition}")]
    private static partial void LogPlacerUnclassified(ILogger logger, string placerName, string edition);
}

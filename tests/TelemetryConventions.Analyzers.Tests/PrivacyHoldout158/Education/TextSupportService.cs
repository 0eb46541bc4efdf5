namespace PrivacyHoldout158.Education;

/// <summary>The trust's text support line for pupils: finds the pupil behind a text and hands the conversation to a counsellor.</summary>
public sealed class TextSupportService(
    ICallPlatform platform,
    ICaseStore store,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<TextSupportService> logger)
{
    private readonly HashSet<string> waitingPupils = new();

    public async Task HandleAsync(InboundText text, string studentNumber, string school, CancellationToken cancellationToken)
    {
        using var span = source.StartWellbeingOperation(school);
        span.SetWellbeingSessionCount(1); // clean generated-api
        using var scope = logger.BeginScope("Conversation {ConversationId} at {School}", text.ConversationId, school); // clean precision-names

        try
        {
            var today = await store.TodayAsync(school, cancellationToken);
            if (today.All(s => s.StudentNumber != studentNumber))
            {
                throw new PupilNotFoundException(studentNumber);
            }

            Activity.Current?.SetTag("text.sessions_today", today.Count); // clean precision-about
            Activity.Current?.SetTag("text.pupil.counsellor", today.First(s => s.StudentNumber == studentNumber).CounsellorName); // leak TC1001 direct
            await platform.TextAsync(text.FromNumber, "Thanks for texting. A counsellor will reply soon.", cancellationToken);
        }
        catch (PupilNotFoundException ex)
        {
            waitingPupils.Add(studentNumber);
            logger.LogWarning(ex, "Text from an unknown pupil at {School}", school); // leak TC1001 exceptions
            logger.LogWarning("Text from an unknown pupil at {School}: {Error}", school, ex.GetType().Name); // clean exceptions
            span.SetWellbeingOutcome("pupil-not-found"); // clean generated-api
            logger.LogWellbeingOperationFailedEvent(school, "pupil-not-found", wellbeingNote: ex.Message); // leak TC1001 generated-api
            logger.LogWellbeingOperationFailedEvent(school, "pupil-not-found", wellbeingPupilId: pseudonymizer.PseudonymizeWellbeingPupilId(studentNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag(WellbeingAttributes.Contact, text.FromNumber); // leak TC1001 generated-api
            Activity.Current?.SetTag(WellbeingAttributes.Contact, pseudonymizer.ComputeWellbeingPupilId(studentNumber)); // leak TC1001 precision-pseudonym
            Activity.Current?.SetTag("text.from.key", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(text.FromNumber)))); // leak TC1002 hashes
        }
        catch (GatewayTimeoutException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    public void Report()
    {
        logger.LogInformation("Pupils waiting for a counsellor: {Pupils}", string.Join(",", waitingPupils)); // leak TC1001 cross-member
        logger.LogInformation("Pupils waiting for a counsellor: {Count}", waitingPupils.Count); // clean cross-member
    }
}

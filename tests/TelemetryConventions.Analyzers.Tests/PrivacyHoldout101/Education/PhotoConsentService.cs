namespace PrivacyHoldout101.Education;

/// <summary>A consent form answer from the parent app: the student, the purpose (photos on the website, a learning app) and the guardian who answered.</summary>
public sealed record ConsentFormAnswer(string StudentNumber, string Purpose, bool Granted, string AnsweredByGuardianId, string AppVendor);

/// <summary>Consent for photos and third-party learning apps, and erasure of a leaver's accounts.</summary>
public sealed class PhotoConsentService(
    IConsentLedger ledger,
    IErasureFanOut erasure,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<PhotoConsentService> logger)
{
    public async Task RecordAsync(ConsentFormAnswer answer, CancellationToken cancellationToken)
    {
        using var span = source.StartLearnacctFlow("consent");
        span.SetLearnacctStudentId(pseudonymizer.PseudonymizeLearnacctStudentId(answer.StudentNumber)); // clean precision-pseudonym
        var record = await ledger.RecordAsync(answer.StudentNumber, answer.Purpose, answer.Granted, "parent-app", cancellationToken);
        span.SetLearnacctRequestId(record.ConsentId.ToString("N")); // clean generated-api
        logger.LogInformation("Consent {Purpose} for vendor {AppVendor}: {Granted}", answer.Purpose, answer.AppVendor, answer.Granted); // clean precision-names
        logger.LogInformation("Consent answered by guardian {GuardianId}", answer.AnsweredByGuardianId); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("learnacct.consent", tags: new ActivityTagsCollection { ["purpose"] = answer.Purpose, ["answer"] = answer }));  // leak TC1001 logging-objects

        var history = await ledger.HistoryAsync(answer.StudentNumber, cancellationToken);
        logger.LogDebug("Consent history has {Count} entries, {Withdrawn} withdrawn", history.Count, history.Count(h => !h.Granted)); // clean precision-about
        logger.LogDebug("Consent history {History}", history.Select(h => $"{h.Purpose}={h.Granted}@{h.SubjectId}")); // leak TC1001 strings
    }

    public async Task EraseLeaverAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartLearnacctFlow("erasure").SetLearnacctRequestId(request.RequestId);
        logger.LogInformation("Erasure for leaver requested by {ContactEmail}", request.ContactEmail); // leak TC1001 direct
        logger.LogInformation("Erasure {RequestId} over {Systems} systems", request.RequestId, request.Systems.Count); // clean precision-about
        try
        {
            var receipts = await erasure.EraseAsync(request, cancellationToken);
            logger.LogInformation("Erased {Receipts}", receipts); // clean logging-objects
            span.SetLearnacctOutcome(receipts.All(r => !r.RetainedUnderHold) ? "ok" : "held"); // clean precision-about
        }
        catch (ErasureDeferredException ex)
        {
            logger.LogWarning(ex, "Erasure deferred"); // clean exceptions
            Activity.Current?.AddLearnacctFlowFailedEvent("erasure", "deferred", pseudonymizer.PseudonymizeLearnacctStudentId(request.SubjectId), ex.Reason); // clean precision-pseudonym
        }
    }
}

namespace PrivacyHoldout151.Healthcare;

/// <summary>The GP practice system sends fit notes to the benefits department for patients who claim Universal Credit.</summary>
public sealed class FitNoteSubmissionService(
    IFitNoteInbox inbox,
    ActivitySource source,
    Meter meter,
    ILogger<FitNoteSubmissionService> logger)
{
    private readonly Counter<long> _sent = meter.CreateCounter<long>("fitnotes.sent");

    public async Task SubmitAsync(FitNote fitNote, string practice, CancellationToken cancellationToken)
    {
        using var span = source.StartAdultcareOperation(practice);
        Activity.Current?.SetTag("fitnote.id", fitNote.FitNoteId); // clean precision-names
        Activity.Current?.SetTag("fitnote.weeks_unfit", fitNote.WeeksUnfit); // clean precision-about
        Activity.Current?.SetTag("fitnote.gp.gmc", fitNote.GpGmcNumber); // leak TC1001 direct
        Activity.Current?.SetTag("fitnote.condition", fitNote.Condition); // leak TC1001 direct
        _sent.Add(1, new KeyValuePair<string, object?>("gp", fitNote.GpGmcNumber)); // leak TC1003 direct
        try
        {
            var claim = await inbox.SubmitAsync(fitNote, cancellationToken);
            Activity.Current?.SetTag("fitnote.claim", claim.ClaimReference); // leak TC1001 direct
            Activity.Current?.SetTag("fitnote.household_size", claim.HouseholdSize); // clean precision-about
            logger.LogInformation("Fit note sent for {Patient} ({NhsNumber}) on claim {Claim}", fitNote.PatientName, fitNote.NhsNumber, claim); // leak TC1001 logging-objects
            span.SetAdultcareNote($"Fit note for NINO {fitNote.Nino}, {fitNote.WeeksUnfit} weeks"); // leak TC1001 generated-api
        }
        catch (SanctionInForceException ex)
        {
            logger.LogWarning(ex, "Fit note {FitNoteId} sent to a sanctioned claim", fitNote.FitNoteId); // leak TC1001 exceptions
            Activity.Current?.SetTag("fitnote.sanction.reason", ex.ReasonCode); // clean exceptions
            logger.LogAdultcareOperationFailedEvent(practice, $"sanctioned: {ex.Message}"); // leak TC1001 exceptions
        }
    }
}

namespace PrivacyHoldout152.Healthcare;

/// <summary>Records doses of medicine given at nursery: consent, the daily maximum, a witness, and a text to the parent.</summary>
public sealed partial class MedicationRoundService(
    IMedicationRecord record,
    IChildRegister children,
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    NurseryOptions options,
    Meter meter,
    ILogger<MedicationRoundService> logger)
{
    private static readonly ActivitySource Source = new("Nursery.Medication");

    private readonly Counter<long> dosesGiven = meter.CreateCounter<long>("nursery.medication.doses_given");
    private readonly List<string> witnessesToday = new();
    private string? lastRefusedChild;
    private int refusals;

    public async Task<bool> RecordDoseAsync(MedicationDose dose, string settingUrn, CancellationToken cancellationToken)
    {
        using var span = Source.StartNurserycareOperation(settingUrn);
        span.SetNurserycareChildId(pseudonymizer.PseudonymizeNurserycareChildId(dose.ChildId)); // clean precision-pseudonym
        span.SetNurserycareStaffId(pseudonymizer.PseudonymizeNurserycareStaffId(dose.GivenBy)); // clean precision-pseudonym
        Activity.Current?.SetTag("medication.name", dose.Medicine); // clean precision-about
        Activity.Current?.SetTag("medication.dose_id", dose.DoseId); // clean precision-names
        Activity.Current?.SetTag("medication.given_by", dose.GivenBy); // leak TC1001 direct

        var plan = await record.PlanAsync(dose.ChildId, dose.Medicine, cancellationToken);
        if (plan is null || !plan.ParentConsentOnFile)
        {
            var child = await children.FindAsync(dose.ChildId, cancellationToken);
            var refused = new ConsentMissingException(child?.FirstName ?? "unknown", dose.Medicine);
            lastRefusedChild = dose.ChildId;
            refusals++;
            span.RecordException(refused); // clean exceptions
            logger.LogWarning(refused, "Dose refused in {Room}", child?.Room); // leak TC1001 exceptions
            span.SetNurserycareOutcome("no-consent"); // clean generated-api
            return false;
        }

        var given = await record.DosesTodayAsync(dose.ChildId, dose.Medicine, cancellationToken);
        if (given >= plan.MaxPerDay)
        {
            var limit = new DoseLimitExceededException(plan.Medicine, plan.MaxPerDay);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, limit.Message); // clean exceptions
            logger.LogWarning(limit, "Daily maximum reached for plan {PlanId}", plan.PlanId); // clean exceptions
            return false;
        }

        await record.SaveAsync(dose, cancellationToken);
        witnessesToday.Add(dose.WitnessedBy);

        logger.LogInformation("Dose recorded: {@Dose}", dose); // leak TC1001 logging-objects
        logger.LogInformation("Following plan {@Plan}", plan); // clean logging-objects
        LogDoseGiven(logger, dose.Medicine, dose.ChildId); // leak TC1001 logging-objects
        LogDoseWitnessed(logger, dose.Medicine, dose.WitnessedBy); // clean logging-objects
        dosesGiven.Add(1, new KeyValuePair<string, object?>("medicine", dose.Medicine)); // clean precision-about
        dosesGiven.Add(1, new KeyValuePair<string, object?>("witness", dose.WitnessedBy)); // leak TC1003 direct
        meter.CreateNurserycareDosesCounter().Add(1, settingUrn, "given"); // clean generated-api

        foreach (var parent in await children.ContactsAsync(dose.ChildId, cancellationToken))
        {
            await messenger.TextAsync(parent.Mobile, options.DoseTemplateId, cancellationToken);
            logger.LogDebug("Dose text sent with template {TemplateId}", options.DoseTemplateId); // clean precision-names
            logger.LogDebug("Dose text sent to {Mobile}", parent.Mobile); // leak TC1001 direct
        }

        return true;
    }

    public void ReportEndOfDay(string settingUrn)
    {
        logger.LogInformation("{Refusals} doses refused today", refusals); // clean cross-member
        logger.LogInformation("Last refused dose was for child {ChildId}", lastRefusedChild); // leak TC1001 cross-member
        logger.LogInformation("{Count} doses witnessed today", witnessesToday.Count); // clean cross-member
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Gave {Medicine} to child {ChildId}")]
    private static partial void LogDoseGiven(ILogger logger, string medicine, string childId);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "{Medicine} witnessed by {StaffId}")]
    private static partial void LogDoseWitnessed(ILogger logger, string medicine, [PrivateData] string staffId);
}

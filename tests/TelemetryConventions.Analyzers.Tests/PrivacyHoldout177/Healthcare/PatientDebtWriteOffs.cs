namespace PrivacyHoldout177.Healthcare;

/// <summary>The finance team's write-offs of irrecoverable patient debt, and the vulnerability hold on chasing.</summary>
public sealed class PatientDebtWriteOffs(Pseudonymizer pseudonymizer, ILogger<PatientDebtWriteOffs> logger)
{
    private static readonly ActivitySource Source = new("Trust.PatientDebt.WriteOffs");
    private static readonly Meter Meter = new("Trust.PatientDebt.WriteOffs");
    private static readonly Counter<long> WrittenOff = Meter.CreateCounter<long>("patientdebt.writeoffs");
    private readonly PatientdebtOperationsCounter _operations = Meter.CreatePatientdebtOperationsCounter();

    public void WriteOff(OverseasVisitorInvoice invoice, string reasonCode)
    {
        using var span = Source.StartPatientdebtOperation(invoice.Site);
        var writeOff = new WriteOff($"WO-{Guid.NewGuid():N}"[..11], invoice.NhsNumber, invoice.Amount, reasonCode);
        span.SetPatientdebtOutcome("written_off"); // clean generated-api
        span.SetPatientdebtNote($"Written off: {reasonCode}, {invoice.Amount:C}"); // clean generated-api
        span.SetPatientdebtNote($"Written off for {invoice.PatientName}"); // leak TC1001 generated-api
        span.Activity?.SetTag("writeoff.id", writeOff.WriteOffId); // clean precision-names
        span.Activity?.SetTag("writeoff.reason", writeOff.ReasonCode); // clean precision-about
        logger.LogInformation("Write-off {WriteOff}", writeOff); // leak TC1001 logging-objects
        logger.LogInformation("Write-off {WriteOff}", writeOff with { AccountNumber = "(withheld)" }); // clean logging-objects
        WrittenOff.Add(1, new KeyValuePair<string, object?>("reason", reasonCode)); // clean precision-about
        _operations.Add(1, invoice.Site, invoice.NhsNumber); // leak TC1003 generated-api
        logger.LogPatientdebtOperationFailedEvent(invoice.Site, "written_off", pseudonymizer.PseudonymizePatientdebtDebtorId(invoice.NhsNumber), $"Invoice {invoice.InvoiceNumber} written off"); // clean generated-api
    }

    public void HoldForVulnerability(VulnerabilityDisclosure disclosure, VulnerabilityFlag flag, string site)
    {
        using var span = Source.StartPatientdebtOperation(site);
        span.SetPatientdebtStage("hold"); // clean precision-about
        span.Activity?.SetTag("vulnerability.category", disclosure.Category); // clean precision-about
        span.Activity?.SetTag("vulnerability.review_days", flag.ReviewDays); // clean precision-about
        logger.LogInformation("Flag {@Flag}", flag); // clean logging-objects
        logger.LogInformation("Disclosure {@Disclosure}", disclosure); // leak TC1001 logging-objects
        span.Activity?.SetTag("vulnerability.note", disclosure.Note); // leak TC1001 direct
        span.Activity?.SetTag("vulnerability.note_length", disclosure.Note.Length); // clean precision-about
        span.SetPatientdebtNote(disclosure.Note); // leak TC1001 generated-api
        var breathingSpace = new BreathingSpaceException(disclosure.AccountNumber);
        span.Activity?.AddException(breathingSpace); // leak TC1001 exceptions
        logger.LogWarning("Hold raised: {ExceptionType}", breathingSpace.GetType().Name); // clean exceptions
    }
}

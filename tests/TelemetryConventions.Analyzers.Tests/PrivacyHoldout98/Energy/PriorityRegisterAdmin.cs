namespace PrivacyHoldout98.Energy;

/// <summary>
/// The back office's Priority Services Register admin: agents add and remove households who need extra help
/// (medical equipment, sight loss), and the distribution network operator gets a daily export.
/// </summary>
public sealed class PriorityRegisterAdmin(
    IAdminAuditLog audit,
    IExportWriter writer,
    Pseudonymizer pseudonymizer,
    ILogger<PriorityRegisterAdmin> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Billing.Psr");
    private static readonly Meter Meter = new("Supplier.Billing.Psr");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("billing.psr.registrations");

    public async Task RegisterAsync(StaffPrincipal agent, string accountNumber, string meterSerial, string needCode, string contactPhone)
    {
        using var span = Source.StartBilladminAdminAction("psr_register", "account");
        span.SetBilladminAccountId(pseudonymizer.PseudonymizeBilladminAccountId(accountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("billing.psr.need_code", needCode); // clean precision-names
        span.Activity?.SetTag("billing.psr.meter", meterSerial); // leak TC1001 direct
        Registrations.Add(1, new KeyValuePair<string, object?>("need_code", needCode)); // clean precision-names
        Registrations.Add(1, new KeyValuePair<string, object?>("household", pseudonymizer.ComputeBilladminAccountId(accountNumber))); // leak TC1003 precision-pseudonym

        try
        {
            await audit.AppendAsync(new AdminAuditEntry(Guid.NewGuid(), "psr_register", agent.Upn, "account", accountNumber, DateTimeOffset.UtcNow));
        }
        catch (AuditWriteException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            throw new InvalidOperationException($"PSR registration for account {accountNumber} not audited", ex);
        }
        logger.LogInformation("PSR registration {NeedCode} for {Account}, call-back {Phone}", needCode, accountNumber, contactPhone); // leak TC1001 direct
        logger.LogInformation("PSR registration {NeedCode} call-back on file: {HasPhone}", needCode, !string.IsNullOrEmpty(contactPhone)); // clean precision-about
    }

    public async Task DailyExportAsync(IReadOnlyList<string> accountNumbers)
    {
        using var span = Source.StartBilladminAdminAction("export", "psr").SetBilladminExportDataset("psr_daily"); // clean generated-api
        try
        {
            var written = await writer.WriteAsync(new ExportRequest($"psr-{DateTime.UtcNow:yyyyMMdd}", "psr_daily", ["account_number", "need_code"], "active = 1", "svc-psr"));
            span.SetBilladminExportRows(written.Rows); // clean precision-about
        }
        catch (Exception ex)
        {
            var wrapped = new InvalidOperationException($"PSR export failed; first account {accountNumbers.FirstOrDefault()}", ex);
            logger.LogError(wrapped, "PSR export failed"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }
    }
}

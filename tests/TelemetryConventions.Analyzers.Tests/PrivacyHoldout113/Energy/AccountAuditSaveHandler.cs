namespace PrivacyHoldout113.Energy;

/// <summary>
/// Receives the audit event Entity Framework writes for each SaveChanges of the accounts context
/// (accounts, supply points, payment plans), forwards it to the audit store and traces it.
/// </summary>
public sealed class AccountAuditSaveHandler(
    IAuditDataProvider store,
    ILogger<AccountAuditSaveHandler> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly EnauditAuditEntriesCounter _entries = meter.CreateEnauditAuditEntriesCounter();
    private readonly Counter<long> _changesByColumn = meter.CreateCounter<long>("enaudit.changes.by_column");

    public async Task HandleAsync(AuditEventEntityFramework auditEvent, CancellationToken cancellationToken)
    {
        using var span = source.StartEnauditAuditWrite("accounts-context", "save");
        span.Activity?.SetTag("enaudit.entries", auditEvent.Entries.Count); // clean precision-about
        span.Activity?.SetTag("enaudit.database", auditEvent.Database); // clean precision-names
        span.Activity?.SetTag("enaudit.agent", auditEvent.Environment.UserName); // leak TC1001 cross-member
        span.SetAgent(pseudonymizer, auditEvent.Environment.UserName);

        foreach (var entry in auditEvent.Entries)
        {
            logger.LogDebug("{Action} on {Table}: {Columns} columns changed", entry.Action, entry.Table, entry.Changes.Count); // clean precision-about
            if (entry.Table == "Accounts")
            {
                logger.LogDebug("Account key {Key}", entry.PrimaryKey["AccountNumber"]); // leak TC1001 cross-member
                logger.LogDebug("Account pseudonym {Account}", pseudonymizer.PseudonymizeEnauditSubjectId(entry.PrimaryKey["AccountNumber"]?.ToString() ?? "")); // clean precision-pseudonym
            }
            else if (entry.Table == "Tariffs")
            {
                logger.LogDebug("Tariff key {Key}", entry.PrimaryKey["TariffCode"]); // clean precision-names
            }
            foreach (var change in entry.Changes)
            {
                _changesByColumn.Add(1, new KeyValuePair<string, object?>("enaudit.table", entry.Table), new KeyValuePair<string, object?>("enaudit.column", change.ColumnName)); // clean precision-names
                if (change.ColumnName == "MeterSerial")
                {
                    span.Activity?.AddEvent(new ActivityEvent("enaudit.meter.exchanged", tags: new ActivityTagsCollection { ["old"] = change.OriginalValue, ["new"] = change.NewValue })); // leak TC1001 cross-member
                    span.Activity?.AddEvent(new ActivityEvent("enaudit.meter.model", tags: new ActivityTagsCollection { ["model"] = change.NewValue?.ToString()?[..3] })); // clean precision-about
                }
            }
        }

        try
        {
            await store.InsertEventAsync(auditEvent, cancellationToken);
            span.SetEnauditOutcome("written"); // clean generated-api
            _entries.Add(auditEvent.Entries.Count, "accounts-context", "save", "written"); // clean generated-api
        }
        catch (AuditWriteException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Audit event could not be written: {Event}", auditEvent.ToJson()); // leak TC1001 strings
            logger.LogEnauditComplianceFailedEvent("audit-write", "failed", enauditNote: ex.EventType); // clean generated-api
        }
    }
}

internal static class AccountAuditSpanExtensions
{
    public static void SetAgent(this EnauditAuditWriteSpan span, Pseudonymizer pseudonymizer, string agent) =>
        span.SetEnauditActorId(pseudonymizer.PseudonymizeEnauditActorId(agent));
}

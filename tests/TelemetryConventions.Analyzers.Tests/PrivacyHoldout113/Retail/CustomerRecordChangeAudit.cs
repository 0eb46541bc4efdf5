namespace PrivacyHoldout113.Retail;

public sealed record CustomerProfile(string CustomerNumber, string Email, string Phone, string FirstName, string Postcode, string Tier, bool MarketingOptIn);

/// <summary>Audits changes to customer profiles and flags the email-then-password pattern of account takeovers.</summary>
public sealed class CustomerRecordChangeAudit(
    IAuditDataProvider audit,
    ILogger<CustomerRecordChangeAudit> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly RtauditAuditEntriesCounter _entries = meter.CreateRtauditAuditEntriesCounter();
    private readonly Counter<long> _fieldChanges = meter.CreateCounter<long>("rtaudit.profile.field_changes");

    public async Task RecordAsync(CustomerProfile before, CustomerProfile after, string changedVia, CancellationToken cancellationToken)
    {
        var changes = ObjectDiff.Compare(before, after);
        using var span = source.StartRtauditAuditWrite("customer-profile", "update");
        span.SetRtauditSubjectId(pseudonymizer.PseudonymizeRtauditSubjectId(after.CustomerNumber)); // clean precision-pseudonym
        span.SetRtauditFieldCount(changes.Count); // clean generated-api
        span.Activity?.SetTag("rtaudit.changed.via", changedVia); // clean precision-names
        span.Activity?.SetTag("rtaudit.tier", after.Tier); // clean precision-names

        foreach (var change in changes)
        {
            _fieldChanges.Add(1, new KeyValuePair<string, object?>("rtaudit.field", change.Field)); // clean precision-names
        }
        var emailChange = changes.FirstOrDefault(c => c.Field == nameof(CustomerProfile.Email));
        if (emailChange is not null)
        {
            logger.LogInformation("Email changed for {CustomerNumber}", after.CustomerNumber); // leak TC1001 direct
            logger.LogInformation("Email change {Change}", emailChange); // leak TC1001 logging-objects
            logger.LogInformation("Email domain moved from {OldDomain} to {NewDomain}", emailChange.Before?.Split('@')[^1], emailChange.After?.Split('@')[^1]); // clean precision-about
            span.Activity?.SetTag(RtauditAttributes.SubjectContact, "[changed]"); // clean generated-api
            span.Activity?.SetTag(RtauditAttributes.SubjectContact, emailChange.After); // leak TC1001 generated-api
        }

        var auditEvent = new AuditEvent { EventType = "profile.update" };
        auditEvent.CustomFields["customer"] = after.CustomerNumber;
        auditEvent.CustomFields["changes"] = changes;
        await audit.InsertEventAsync(auditEvent, cancellationToken);
        logger.LogDebug("Audit {EventType} written with {Count} custom fields", auditEvent.EventType, auditEvent.CustomFields.Count); // clean precision-about
        logger.LogDebug("Phone changed: {Changed}, country prefix {Prefix}", before.Phone != after.Phone, after.Phone[..3]); // clean precision-about
        span.Activity?.SetTag("rtaudit.diff", string.Join(";", changes.Select(c => $"{c.Field}:{c.Before}->{c.After}"))); // leak TC1001 strings
        _entries.Add(1, "customer-profile", "update", changedVia); // clean generated-api
    }

    public void FlagTakeover(string customerNumber, string newEmail, TimeSpan gap)
    {
        using var span = source.StartRtauditAuditWrite("customer-profile", "takeover-suspected");
        span.SetRtauditNote($"password reset {gap.TotalMinutes:F0} min after email change"); // clean generated-api
        span.SetRtauditNote($"password reset after email changed to {newEmail}"); // leak TC1001 generated-api
        Baggage.SetBaggage("rtaudit.customer", customerNumber); // leak TC1001 direct
    }
}

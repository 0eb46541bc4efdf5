namespace PrivacyHoldout113.Healthcare;

public sealed record PatientDemographics(string HospitalNumber, string NhsNumber, string FamilyName, string GivenName, string Postcode, string MobilePhone, string RegisteredPractice);

/// <summary>Keeps the change history of patients' demographics and serves the field-level diff to the records team.</summary>
public sealed partial class DemographicsHistoryService(
    IAuditDataProvider audit,
    ILogger<DemographicsHistoryService> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer)
{
    public async Task RecordChangeAsync(PatientDemographics before, PatientDemographics after, string changedBy, CancellationToken cancellationToken)
    {
        var changes = ObjectDiff.Compare(before, after);
        using var span = source.StartHcauditAuditWrite("demographics", "update");
        span.SetHcauditFieldCount(changes.Count); // clean precision-about
        span.Activity?.SetTag("hcaudit.fields", string.Join(",", changes.Select(c => c.Field))); // clean precision-names

        foreach (var change in changes)
        {
            logger.LogDebug("Field {Field} changed from {Before} to {After}", change.Field, change.Before, change.After); // leak TC1001 cross-member
        }
        logger.LogDebug("Changes {Changes}", changes); // leak TC1001 logging-objects
        span.Activity?.AddEvent(new ActivityEvent("hcaudit.diff", tags: new ActivityTagsCollection { ["hcaudit.diff.first"] = changes.FirstOrDefault()?.ToString() })); // leak TC1001 logging-objects

        var entry = new AuditEntry(Guid.NewGuid(), "demographics", before.HospitalNumber, "update", changedBy, changes, DateTimeOffset.UtcNow);
        var auditEvent = new AuditEvent { EventType = "demographics.update" };
        auditEvent.CustomFields["entry"] = entry;
        await audit.InsertEventAsync(auditEvent, cancellationToken);
        logger.LogInformation("Wrote {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Wrote {Entry}", entry with { RecordKey = pseudonymizer.ComputeHcauditSubjectId(entry.RecordKey), Actor = pseudonymizer.ComputeHcauditActorId(entry.Actor) }); // clean precision-pseudonym
        LogNameChange(logger, before.FamilyName, after.FamilyName); // clean logging-objects
        LogPracticeChange(logger, after.HospitalNumber, after.RegisteredPractice); // leak TC1001 logging-objects
        span.Activity?.SetTag("hcaudit.postcode.changed", before.Postcode != after.Postcode); // clean precision-about
        span.Activity?.SetTag("hcaudit.new.district", after.Postcode.Split(' ')[0]); // clean precision-about
        span.SetHcauditNote($"mobile changed to {after.MobilePhone}"); // leak TC1001 generated-api
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Family name changed from {OldName} to {NewName}")]
    private static partial void LogNameChange(ILogger logger, [PrivateData] string oldName, [PrivateData] string newName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Patient {HospitalNumber} re-registered with practice {Practice}")]
    private static partial void LogPracticeChange(ILogger logger, string hospitalNumber, string practice);

    public void RecordPatch(string hospitalNumber, IReadOnlyList<PatchOperation> patch)
    {
        foreach (var operation in patch)
        {
            Activity.Current?.AddEvent(new ActivityEvent("hcaudit.patch", tags: new ActivityTagsCollection { ["op"] = operation.Op, ["path"] = operation.Path })); // clean precision-names
        }
        logger.LogInformation("Patch applied to {Subject}: {Operations}", pseudonymizer.PseudonymizeHcauditSubjectId(hospitalNumber), patch.Count); // clean precision-pseudonym
        logger.LogInformation("Patch values {Values}", string.Join("; ", patch.Select(p => $"{p.Path}={p.Value}"))); // leak TC1001 strings
        var bucket = (hospitalNumber.GetHashCode() & 0x7fffffff) % 16;
        Activity.Current?.SetTag("hcaudit.patch.bucket", bucket); // leak TC1002 hashes
    }
}

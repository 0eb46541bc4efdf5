namespace PrivacyHoldout113.Healthcare;

public sealed record RecordOpened(string HospitalNumber, string StaffId, string Section, string Purpose, bool HasLegitimateRelationship);

/// <summary>Writes the EPR's access log: every time a clinician opens a section of a patient's record.</summary>
public sealed class RecordAccessAuditWriter(
    IAccessLogStore store,
    ILogger<RecordAccessAuditWriter> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly HcauditAuditEntriesCounter _entries = meter.CreateHcauditAuditEntriesCounter();
    private readonly Counter<long> _outOfRelationship = meter.CreateCounter<long>("hcaudit.access.out_of_relationship");

    public async Task WriteAsync(RecordOpened opened, CancellationToken cancellationToken)
    {
        using var span = source.StartHcauditAuditWrite("patient-record", "view");
        span.SetHcauditSubjectId(pseudonymizer.PseudonymizeHcauditSubjectId(opened.HospitalNumber)); // clean precision-pseudonym
        span.SetHcauditActorId(pseudonymizer.PseudonymizeHcauditActorId(opened.StaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("hcaudit.section", opened.Section); // clean precision-names
        span.Activity?.SetTag("hcaudit.purpose", opened.Purpose); // clean precision-about

        var entry = new AccessLogEntry(opened.StaffId, opened.HospitalNumber, $"epr/{opened.Section}", opened.Purpose, DateTimeOffset.UtcNow);
        await store.AppendAsync(entry, cancellationToken);
        logger.LogDebug("Access logged {Entry}", entry); // leak TC1001 logging-objects
        logger.LogDebug("Access logged for section {Section} with purpose {Purpose}", entry.Resource, entry.Purpose); // clean logging-objects

        if (!opened.HasLegitimateRelationship)
        {
            logger.LogWarning("Out-of-relationship access by {StaffId} to {HospitalNumber}", opened.StaffId, opened.HospitalNumber); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("hcaudit.access.flagged", tags: new ActivityTagsCollection { ["hcaudit.rule"] = "no-care-relationship", ["hcaudit.section"] = opened.Section })); // clean precision-names
            _outOfRelationship.Add(1, new KeyValuePair<string, object?>("hcaudit.viewer", pseudonymizer.PseudonymizeHcauditActorId(opened.StaffId).ToString())); // leak TC1003 precision-pseudonym
            _outOfRelationship.Add(1, new KeyValuePair<string, object?>("hcaudit.section", opened.Section)); // clean precision-names
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(opened.HospitalNumber)))[..2];
        span.Activity?.SetTag("hcaudit.log.shard", shard); // clean hashes
        span.SetHcauditOutcome("written");
        _entries.Add(1, "patient-record", "view", "written"); // clean generated-api
    }

    public async Task ReviewAsync(string hospitalNumber, CancellationToken cancellationToken)
    {
        var entries = await store.ForSubjectAsync(hospitalNumber, cancellationToken);
        var viewers = entries.Select(e => e.ViewerId).Distinct().ToList();
        logger.LogInformation("Access review: {Entries} entries by {Viewers} distinct viewers", entries.Count, viewers.Count); // clean precision-about
        logger.LogInformation("Access review viewers: {ViewerList}", string.Join(",", viewers)); // leak TC1001 strings
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..16];
        Activity.Current?.SetTag("hcaudit.review.subject", digest); // leak TC1002 hashes
    }
}

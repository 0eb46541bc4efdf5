using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Healthcare;

/// <summary>Mirrors the discharge workflow's history entries into the audit log and traces.</summary>
public sealed partial class DischargeAudit(ILogger<DischargeAudit> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Trust.Discharge.Audit");

    [LoggerMessage(Level = LogLevel.Information, Message = "History {InstanceId}: {From} -> {To} by {Actor}")]
    private static partial void LogStep(ILogger logger, Guid instanceId, string from, string to, string? actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "History {InstanceId}: {From} -> {To} by {Actor}")]
    private static partial void LogStepRedacted(ILogger logger, Guid instanceId, string from, string to, [PrivateData] string? actor);

    public void Mirror(IEnumerable<HistoryEntry> entries, string hospitalNumber)
    {
        var patient = pseudonymizer.PseudonymizeDischargeflowPatientId(hospitalNumber);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["patient"] = patient, ["entries"] = entries.Count() }); // clean precision-pseudonym
        foreach (var entry in entries)
        {
            LogStepRedacted(logger, entry.InstanceId, entry.From, entry.To, entry.Actor); // clean direct
            LogStep(logger, entry.InstanceId, entry.From, entry.To, entry.Actor); // leak TC1001 direct
            logger.LogInformation("History entry {Entry}", entry); // leak TC1001 logging-objects
            logger.LogInformation("History entry {Entry}", entry with { Actor = null, Comment = null }); // clean logging-objects
            using var span = Source.StartActivity("discharge.history");
            span?.SetTag("history.trigger", entry.Trigger); // clean precision-names
            span?.SetTag("history.comment", entry.Comment); // leak TC1001 direct
            span?.SetTag("history.has_comment", !string.IsNullOrEmpty(entry.Comment));
            span?.SetTag("history.patient", patient); // clean precision-pseudonym
            span?.SetTag("history.patient.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))); // leak TC1002 hashes
            span?.SetTag("history.patient.raw", Pseudonym.FromComputed(hospitalNumber).Value); // leak TC1001 precision-pseudonym
        }
    }
}

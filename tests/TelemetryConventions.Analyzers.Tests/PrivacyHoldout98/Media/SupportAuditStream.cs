namespace PrivacyHoldout98.Media;

/// <summary>
/// Forwards the support console's audit entries from the queue to the audit store and watches the stream for
/// agents who open too many accounts: the privacy team's "curious agent" alert.
/// </summary>
public sealed class SupportAuditStream(
    IQueueReceiver<AdminAuditEntry> queue,
    IAdminAuditLog store,
    Pseudonymizer pseudonymizer,
    ILogger<SupportAuditStream> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Support.Audit");
    private static readonly Meter Meter = new("Streaming.Support.Audit");
    private static readonly Counter<long> Forwarded = Meter.CreateCounter<long>("support.audit.forwarded");
    private readonly Dictionary<string, int> _opensByAgent = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var entry = await queue.ReceiveAsync(stoppingToken);
            if (entry is null)
            {
                continue;
            }
            using var span = Source.StartSubsadminAdminAction(entry.Action, entry.TargetType).SetSubsadminCaseId(entry.CaseId ?? "none"); // clean generated-api
            span.Activity?.SetTag("support.audit.id", entry.AuditId); // clean precision-names
            span.Activity?.SetTag("support.audit.target", $"{entry.TargetType}/{entry.TargetId}"); // leak TC1001 strings
            span.Activity?.SetTag("support.audit.changes", entry.Changes.Count); // clean precision-about
            try
            {
                await store.AppendAsync(entry, stoppingToken);
                Forwarded.Add(1, new KeyValuePair<string, object?>("action", entry.Action), new KeyValuePair<string, object?>("target_type", entry.TargetType)); // clean precision-names
            }
            catch (AuditWriteException ex)
            {
                span.RecordException(ex, "audit store refused the entry", includeMessage: true); // clean exceptions
                logger.LogError(ex, "Could not forward {Entry}", entry); // leak TC1001 logging-objects
                continue;
            }

            if (entry.Action == "view_as")
            {
                _opensByAgent[entry.ActorUpn] = _opensByAgent.GetValueOrDefault(entry.ActorUpn) + 1;
                if (_opensByAgent[entry.ActorUpn] == 25)
                {
                    logger.LogWarning("Curious agent alert: {Agent} opened 25 accounts today", entry.ActorUpn); // leak TC1001 cross-member
                    logger.LogSubsadminAdminDeniedEvent("view_as", "alerted", pseudonymizer.PseudonymizeSubsadminOperatorId(entry.ActorUpn), subsadminNote: "25 view-as sessions in a day"); // clean generated-api
                }
            }
        }
    }

    public void DailySummary()
    {
        logger.LogInformation("View-as per agent today: {OpensByAgent}", _opensByAgent); // leak TC1001 logging-objects
        logger.LogInformation("View-as today: {Agents} agents, {Sessions} sessions", _opensByAgent.Count, _opensByAgent.Values.Sum()); // clean precision-about
        var top = _opensByAgent.OrderByDescending(p => p.Value).FirstOrDefault();
        Activity.Current?.SetTag("support.audit.top_agent_hash", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(top.Key ?? "")))); // leak TC1002 hashes
        Activity.Current?.SetTag("support.audit.top_agent_opens", top.Value); // clean precision-about
        _opensByAgent.Clear();
    }
}

namespace PrivacyHoldout113.Media;

public sealed record ConsoleView(string AgentUpn, Guid SubscriberId, string Screen, string? TicketId);

/// <summary>Logs every subscriber account a support agent opens and raises an alert when an agent opens many without tickets.</summary>
public sealed class SupportConsoleAccessLog(
    IAccessLogStore store,
    ILogger<SupportConsoleAccessLog> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ComplianceOptions options)
{
    private readonly MdauditAuditEntriesCounter _entries = meter.CreateMdauditAuditEntriesCounter();

    public async Task RecordAsync(ConsoleView view, CancellationToken cancellationToken)
    {
        using var span = source.StartMdauditAuditWrite("subscriber-account", "view");
        span.SetMdauditActorId(pseudonymizer.PseudonymizeMdauditActorId(view.AgentUpn)); // clean precision-pseudonym
        span.Activity?.SetTag("mdaudit.screen", view.Screen); // clean precision-names
        span.Activity?.SetTag("mdaudit.ticket", view.TicketId); // clean precision-names
        span.Activity?.SetTag("mdaudit.has_ticket", view.TicketId is not null); // clean precision-about
        span.Activity?.SetTag("enduser.id", view.AgentUpn); // leak TC1001 direct

        await store.AppendAsync(new AccessLogEntry(view.AgentUpn, view.SubscriberId.ToString(), view.Screen, view.TicketId ?? "none", DateTimeOffset.UtcNow), cancellationToken);
        _entries.Add(1, "subscriber-account", "view", view.TicketId is null ? "no-ticket" : "ticket"); // clean generated-api
        _entries.Add(1, "subscriber-account", "view", view.SubscriberId.ToString()); // leak TC1003 generated-api
    }

    public async Task ReviewAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var entries = await store.SinceAsync(since, cancellationToken);
        var perAgent = entries.Where(e => e.Purpose == "none").GroupBy(e => e.ViewerId).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("{Agents} agents opened accounts without tickets", perAgent.Count); // clean precision-about
        logger.LogInformation("Unticketed opens per agent {PerAgent}", perAgent); // leak TC1001 logging-objects

        foreach (var (agent, views) in perAgent.Where(p => p.Value > options.BulkViewThreshold))
        {
            var alert = new AccessAlert($"alrt-{Guid.NewGuid():N}"[..13], "bulk-view-no-ticket", agent, "*", views);
            logger.LogWarning("Raised {Alert}", alert); // leak TC1001 logging-objects
            logger.LogWarning("Raised {AlertId} under {Rule} for {Views} views", alert.AlertId, alert.Rule, alert.Views); // clean precision-names
            Activity.Current?.AddEvent(new ActivityEvent("mdaudit.alert", tags: new ActivityTagsCollection { ["mdaudit.agent"] = pseudonymizer.PseudonymizeMdauditActorId(agent).ToString() })); // clean precision-pseudonym
            logger.LogMdauditComplianceFailedEvent("access-review", "alert", mdauditNote: $"agent {agent} opened {views} accounts"); // leak TC1001 generated-api
        }
        var agentsHash = HashCode.Combine(perAgent.Keys.OrderBy(k => k).FirstOrDefault());
        Activity.Current?.SetTag("mdaudit.review.top", agentsHash); // leak TC1002 hashes
    }
}

using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Transport;

/// <summary>An administrator's action in the operator's identity console, as the console posts it.</summary>
public sealed record AdminAction(string ActorAccountId, string ActorUpn, string Action, string TargetStaffNumber, string Depot, string? Justification);

/// <summary>
/// Writes the identity console's admin actions to the audit store and reports them to the security
/// team's telemetry: who did what to whom, with the justification they typed.
/// </summary>
public sealed partial class AdminAuditTrail(
    IAuditStore store,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<AdminAuditTrail> logger)
{
    private readonly Counter<long> _actions = meter.CreateCounter<long>("offboarding.admin.actions");

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Admin {ActorUpn} performed {Action} on {Target}")]
    private static partial void LogAdminAction(ILogger logger, string actorUpn, string action, string target);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Admin {Actor} performed {Action} at depot {Depot}")]
    private static partial void LogAdminActionPseudonymous(ILogger logger, Pseudonym actor, string action, string depot);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Break-glass action {Action} justified as {Justification}")]
    private static partial void LogBreakGlass(ILogger logger, string action, [PrivateData] string justification);

    public async Task RecordAsync(AdminAction action, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("offboarding.admin.action");
        activity?.SetTag("admin.action", action.Action); // clean direct
        activity?.SetTag("admin.actor", pseudonymizer.ComputeOffboardingActorId(action.ActorAccountId)); // clean precision-pseudonym
        activity?.SetTag("admin.actor.upn_suffix", action.ActorUpn[(action.ActorUpn.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("admin.target", action.TargetStaffNumber); // leak TC1001 direct

        var record = new AuditRecord(Guid.NewGuid(), action.Depot, action.Action, action.ActorUpn, action.TargetStaffNumber, DateTimeOffset.UtcNow, action.Justification);
        await store.AppendAsync(record, cancellationToken);
        activity?.SetTag("audit.record.id", record.Id); // clean direct

        LogAdminAction(logger, action.ActorUpn, action.Action, action.TargetStaffNumber); // leak TC1001 direct
        LogAdminActionPseudonymous(logger, pseudonymizer.PseudonymizeOffboardingActorId(action.ActorAccountId), action.Action, action.Depot); // clean precision-pseudonym
        if (action.Action == "break-glass")
        {
            LogBreakGlass(logger, action.Action, action.Justification ?? string.Empty); // clean logging-objects
            activity?.AddEvent(new ActivityEvent("admin.break_glass", tags: new ActivityTagsCollection { ["justification"] = action.Justification })); // leak TC1001 direct
        }

        logger.LogOffboardingAdminActionEvent(action.Action, "recorded", pseudonymizer.PseudonymizeOffboardingDriverId(action.TargetStaffNumber), pseudonymizer.PseudonymizeOffboardingActorId(action.ActorAccountId)); // clean generated-api
        logger.LogOffboardingAdminActionEvent(action.Action, "recorded", offboardingNote: $"by {action.ActorUpn}"); // leak TC1001 generated-api
        logger.LogOffboardingAdminActionEvent(action.Action, "recorded", offboardingActorId: Pseudonym.FromComputed(action.ActorAccountId)); // leak TC1001 precision-pseudonym
        _actions.Add(1, new KeyValuePair<string, object?>("action", action.Action), new KeyValuePair<string, object?>("depot", action.Depot)); // clean precision-about
        _actions.Add(1, new KeyValuePair<string, object?>("action", action.Action), new KeyValuePair<string, object?>("actor", pseudonymizer.PseudonymizeOffboardingActorId(action.ActorAccountId))); // leak TC1003 precision-pseudonym
        logger.LogDebug("Audit {Record}", record); // leak TC1001 logging-objects
        logger.LogDebug("Audit {Record}", record with { ActorUpn = "-", TargetUserName = "-", Reason = null }); // clean logging-objects
    }

    public void ReportDailySummary(IReadOnlyList<AdminAction> actions)
    {
        var byActor = actions.GroupBy(a => a.ActorUpn).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Admin actions today by actor {ByActor}", byActor); // leak TC1001 logging-objects
        logger.LogInformation("Admin actions today: {Total} by {ActorCount} admins", actions.Count, byActor.Count); // clean precision-about
        var busiest = byActor.MaxBy(kv => kv.Value);
        using var activity = source.StartActivity("offboarding.admin.summary");
        activity?.SetTag("admin.busiest", busiest.Key); // leak TC1001 cross-member
        activity?.SetTag("admin.busiest.count", busiest.Value); // clean precision-about
    }
}

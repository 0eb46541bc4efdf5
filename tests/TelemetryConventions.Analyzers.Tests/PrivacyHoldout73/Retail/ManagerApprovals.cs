using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Retail;

public sealed record StoreManager(string ColleagueNumber, string DisplayName, string StoreId, string? DeputyColleagueNumber);

public sealed record ApprovalRequest(Guid RequestId, string ReturnId, decimal Amount, string StoreId, string CustomerNumber, string CustomerComment);

public sealed record ApprovalAudit(Guid RequestId, string Decision, string DecidedBy, string OnBehalfOf, DateTimeOffset At);

/// <summary>High-value returns wait for the store manager; the deputy decides when the manager is off shift; reminders every four hours.</summary>
public sealed class ManagerApprovals(ITaskInbox inbox, IWorkflowTimers timers, ILogger<ManagerApprovals> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Approvals");
    private static readonly Meter Meter = new("Shop.Approvals");
    private static readonly Counter<long> Pending = Meter.CreateCounter<long>("approvals.reminders");

    private readonly List<ApprovalAudit> _audit = new();

    public async Task RequestAsync(ApprovalRequest request, StoreManager manager, bool managerOnShift, CancellationToken ct)
    {
        var assignee = managerOnShift || manager.DeputyColleagueNumber is null ? manager.ColleagueNumber : manager.DeputyColleagueNumber;
        await inbox.AssignAsync(new HumanTask { TaskId = request.RequestId, Queue = $"store-{request.StoreId}-approvals", Assignee = assignee, Due = DateTimeOffset.UtcNow.AddHours(4), Title = $"Return {request.ReturnId}" }, ct);
        var timer = await timers.ScheduleAsync($"approval-reminder:{request.RequestId:N}", request.RequestId, DateTimeOffset.UtcNow.AddHours(4), ct);

        using var span = Source.StartReturnflowTransition(request.RequestId.ToString());
        span.SetReturnflowState("AwaitingManager"); // clean precision-names
        span.SetReturnflowStep(managerOnShift ? "manager" : "deputy"); // clean precision-about
        span.Activity?.SetTag("approval.timer", timer.Name); // clean precision-names
        span.Activity?.SetTag("approval.assignee", assignee); // leak TC1001 direct
        span.Activity?.SetTag("approval.manager", manager.DisplayName); // leak TC1001 cross-member
        span.Activity?.SetTag("approval.request", request); // leak TC1001 logging-objects
        span.Activity?.SetTag("approval.amount.band", request.Amount >= 1000m ? "1000+" : "250-999"); // clean precision-about
        logger.LogInformation("Approval {RequestId} for return {ReturnId} at {Store}", request.RequestId, request.ReturnId, request.StoreId); // clean precision-names
    }

    public void OnReminder(TimerFired fired, ApprovalRequest request, StoreManager manager)
    {
        Pending.Add(1, new KeyValuePair<string, object?>("store", request.StoreId), new KeyValuePair<string, object?>("attempt", fired.Attempt)); // clean precision-about
        Pending.Add(1, new KeyValuePair<string, object?>("manager", manager.ColleagueNumber)); // leak TC1003 cross-member
        logger.LogWarning("Reminder {Attempt} for {Timer}", fired.Attempt, fired.Name); // clean precision-names
        Activity.Current?.SetStatus(ActivityStatusCode.Error, string.Format("return {0} for customer {1} still waits", request.ReturnId, request.CustomerNumber)); // leak TC1001 strings
        if (fired.Attempt >= 3)
        {
            logger.LogReturnflowEscalatedEvent("AwaitingManager", "escalated:area", pseudonymizer.PseudonymizeReturnflowCustomerId(request.CustomerNumber), $"store {request.StoreId}, {fired.Attempt} reminders"); // clean generated-api
            logger.LogReturnflowEscalatedEvent("AwaitingManager", "escalated:area", returnflowNote: request.CustomerComment); // leak TC1001 generated-api
        }
    }

    public void Decide(ApprovalRequest request, StoreManager manager, string decidedBy, bool approve)
    {
        var audit = new ApprovalAudit(request.RequestId, approve ? "approved" : "rejected", decidedBy, manager.ColleagueNumber, DateTimeOffset.UtcNow);
        _audit.Add(audit);
        logger.LogInformation("Approval decided {Audit}", audit); // leak TC1001 logging-objects
        logger.LogInformation("Approval decided {Audit}", audit with { DecidedBy = "-", OnBehalfOf = "-" }); // clean logging-objects
        logger.LogInformation("Approval decided by deputy: {Deputy}", decidedBy != manager.ColleagueNumber); // clean precision-about
        using (logger.BeginScope(new Dictionary<string, object?> { ["approval.customer"] = pseudonymizer.PseudonymizeReturnflowCustomerId(request.CustomerNumber), ["approval.request"] = request.RequestId })) // clean precision-pseudonym
        {
            logger.LogInformation("Decision recorded, {Count} decisions today", _audit.Count);
        }
        Activity.Current?.SetTag("approval.customer", Pseudonym.FromComputed(request.CustomerNumber)); // leak TC1001 precision-pseudonym
    }
}

using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Healthcare;

public sealed record AuthorisationRequest(string NhsNumber, string PatientFamilyName, string Procedure, string RequestingClinicianEmail, string Specialty);

public sealed record ApprovalLevel(int Level, string Role, string ApproverStaffNumber, string? DelegateStaffNumber);

public sealed class AuthorisationData
{
    public required AuthorisationRequest Request { get; init; }

    public required List<ApprovalLevel> Chain { get; init; }

    public int CurrentLevel { get; set; }

    public int RemindersSent { get; set; }

    public string? LastComment { get; set; }
}

/// <summary>Reminders and escalations of the individual funding request workflow, fired by durable timers.</summary>
public sealed class AuthorisationReminders(
    IWorkflowStore<AuthorisationData> store,
    IWorkflowTimers timers,
    ITaskInbox inbox,
    ILogger<AuthorisationReminders> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Trust.Authorisations");
    private static readonly Meter Meter = new("Trust.Authorisations");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("authorisation.reminders");
    private static readonly Histogram<double> WaitHours = Meter.CreateHistogram<double>("authorisation.wait", "h");

    private string? _lastEscalatedApprover;

    public async Task ScheduleAsync(WorkflowInstance<AuthorisationData> instance, CancellationToken ct)
    {
        var request = instance.Data.Request;
        var reminderName = $"ifr-reminder-{request.NhsNumber}-{instance.Data.CurrentLevel}";
        var handle = await timers.ScheduleAsync(reminderName, instance.Id, DateTimeOffset.UtcNow.AddDays(2), ct);
        logger.LogInformation("Scheduled reminder {Timer}", handle); // leak TC1001 logging-objects
        var escalation = await timers.ScheduleAsync($"ifr-escalate-{instance.Id:N}", instance.Id, DateTimeOffset.UtcNow.AddDays(5), ct);
        logger.LogInformation("Scheduled escalation {Timer} due {Due}", escalation.Name, escalation.Due); // clean precision-names
    }

    public async Task OnTimerFiredAsync(TimerFired fired, CancellationToken ct)
    {
        using var activity = Source.StartActivity("authorisation.timer");
        activity?.SetTag("timer.name", fired.Name); // leak TC1001 cross-member
        activity?.SetTag("timer.attempt", fired.Attempt);
        activity?.SetTag("workflow.instance", fired.InstanceId); // clean precision-names

        var instance = await store.LoadAsync(fired.InstanceId, ct);
        if (instance is null)
        {
            logger.LogWarning("Timer {Timer} fired for a finished workflow", fired); // leak TC1001 logging-objects
            return;
        }

        var data = instance.Data;
        var level = data.Chain[data.CurrentLevel];
        data.RemindersSent++;
        Reminders.Add(1, new KeyValuePair<string, object?>("role", level.Role), new KeyValuePair<string, object?>("level", level.Level)); // clean precision-about
        WaitHours.Record((DateTimeOffset.UtcNow - instance.StartedAt).TotalHours, new KeyValuePair<string, object?>("specialty", data.Request.Specialty)); // clean precision-about

        if (data.RemindersSent < 3)
        {
            var text = $"Reminder: IFR for {data.Request.PatientFamilyName} ({data.Request.Procedure}) awaits your decision.";
            logger.LogInformation("Reminder sent: {Text}", text); // leak TC1001 strings
            logger.LogInformation("Reminder {Count} sent to level {Level} ({Role})", data.RemindersSent, level.Level, level.Role); // clean precision-about
            return;
        }

        await EscalateAsync(instance, level, ct);
    }

    private async Task EscalateAsync(WorkflowInstance<AuthorisationData> instance, ApprovalLevel level, CancellationToken ct)
    {
        var data = instance.Data;
        var assignee = level.DelegateStaffNumber ?? level.ApproverStaffNumber;
        _lastEscalatedApprover = assignee;
        var task = new HumanTask { TaskId = Guid.NewGuid(), Queue = $"ifr-{level.Role}", Assignee = assignee, Due = DateTimeOffset.UtcNow.AddDays(1), Title = data.Request.Procedure };
        await inbox.AssignAsync(task, ct);

        logger.LogDischargeflowEscalatedEvent("AwaitingApproval", "escalated", pseudonymizer.PseudonymizeDischargeflowPatientId(data.Request.NhsNumber), $"level {level.Level} to {task.Queue}"); // clean generated-api
        logger.LogDischargeflowEscalatedEvent("AwaitingApproval", "escalated", dischargeflowNote: $"assigned to {task.Assignee}"); // leak TC1001 generated-api
        logger.LogInformation("Escalated to task {Task}", task); // clean logging-objects
        logger.LogInformation("Escalated task {TaskId} in {Queue}", task.TaskId, task.Queue);

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(data.Request.NhsNumber)))[..2];
        Activity.Current?.SetTag("ifr.shard", shard); // clean hashes
        var bucket = SHA256.HashData(Encoding.UTF8.GetBytes(data.Request.NhsNumber))[0] % 16;
        Activity.Current?.SetTag("ifr.sample.bucket", bucket); // leak TC1002 hashes
    }

    public void ReportStuck()
    {
        if (_lastEscalatedApprover is { } approver)
        {
            logger.LogWarning("Last escalation went to {Approver}", _lastEscalatedApprover); // leak TC1001 cross-member
            logger.LogWarning("Last escalation approver known: {Known}, length {Length}", approver.Length > 0, approver.Length); // clean precision-about
        }
    }

    public async Task RecordDecisionAsync(WorkflowInstance<AuthorisationData> instance, bool approved, string comment, string approverStaffNumber, CancellationToken ct)
    {
        instance.Data.LastComment = comment;
        using var span = Source.StartDischargeflowTransition(instance.Id.ToString())
            .SetDischargeflowState(instance.State)
            .SetDischargeflowStep($"level-{instance.Data.CurrentLevel}") // clean precision-about
            .SetDischargeflowOutcome(approved ? "approved" : "declined"); // clean precision-about
        span.SetDischargeflowNote(comment); // leak TC1001 generated-api
        span.SetDischargeflowNote($"comment of {comment.Length} characters"); // clean precision-about
        span.Activity?.SetBaggage("ifr.approver", approverStaffNumber); // leak TC1001 direct
        span.Activity?.SetBaggage("ifr.patient", pseudonymizer.ComputeDischargeflowPatientId(instance.Data.Request.NhsNumber)); // clean precision-pseudonym
        Reminders.Add(0, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeDischargeflowPatientId(instance.Data.Request.NhsNumber))); // leak TC1003 precision-pseudonym
        try
        {
            await timers.CancelAsync($"ifr-reminder-{instance.Data.Request.NhsNumber}-{instance.Data.CurrentLevel}", ct);
        }
        catch (TimerNotFoundException ex)
        {
            logger.LogDebug(ex, "Reminder already fired"); // leak TC1001 exceptions
            logger.LogDebug("Reminder already fired ({Error})", ex.GetType().Name); // clean exceptions
        }
        await store.SaveAsync(instance, ct);
    }
}

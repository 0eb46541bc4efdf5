using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Gaming;

public sealed record ReviewTask(Guid TaskId, Guid CaseId, string Queue, string ModeratorId, DateTimeOffset Due, int Escalations)
{
    // The queue's SLA board shows tasks by queue and due time; the moderator stays out of it.
    public override string ToString() => $"{Queue}/{TaskId} due {Due:t} (escalated {Escalations}x)";
}

/// <summary>SLA timers for moderator tasks: reminders at half-time, escalation to a lead, reassignment.</summary>
public sealed class ModerationQueue(ITaskInbox inbox, IWorkflowTimers timers, ILogger<ModerationQueue> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Game.Moderation");
    private static readonly Meter Meter = new("Game.Moderation");
    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>("moderation.escalations");

    private readonly Dictionary<string, int> _breachesByModerator = new();

    public async Task StartSlaAsync(ReviewTask task, CancellationToken ct)
    {
        var reminder = await timers.ScheduleAsync($"sla-half:{task.TaskId:N}", task.CaseId, task.Due.AddHours(-2), ct);
        var breach = await timers.ScheduleAsync($"sla-breach:{task.ModeratorId}:{task.TaskId:N}", task.CaseId, task.Due, ct);
        logger.LogInformation("SLA timers {Reminder} and {Breach}", reminder.Name, breach.Name); // leak TC1001 cross-member
        logger.LogInformation("SLA reminder {Reminder}", reminder); // clean logging-objects
        logger.LogInformation("SLA task {Task}", task); // clean logging-objects
    }

    public async Task OnBreachAsync(TimerFired fired, ReviewTask task, string leadModeratorId, CancellationToken ct)
    {
        var moderator = fired.Name.Split(':')[1];
        _breachesByModerator[moderator] = _breachesByModerator.GetValueOrDefault(moderator) + 1;
        using var activity = Source.StartActivity("moderation.sla.breach");
        activity?.SetTag("sla.moderator", moderator); // leak TC1001 strings
        activity?.SetTag("sla.timer.kind", fired.Name.Split(':')[0]); // clean precision-about
        activity?.SetTag("sla.attempt", fired.Attempt); // clean precision-about
        Escalations.Add(1, new KeyValuePair<string, object?>("queue", task.Queue)); // clean precision-names
        Escalations.Add(1, new KeyValuePair<string, object?>("queue", task.Queue), new KeyValuePair<string, object?>("lead", leadModeratorId)); // leak TC1003 direct

        var reassigned = task with { ModeratorId = leadModeratorId, Escalations = task.Escalations + 1 };
        await inbox.AssignAsync(new HumanTask { TaskId = reassigned.TaskId, Queue = reassigned.Queue, Assignee = reassigned.ModeratorId, Due = reassigned.Due.AddHours(4) }, ct);
        logger.LogWarning("Task reassigned {Task}", reassigned); // clean logging-objects
        logger.LogWarning("Task reassigned to lead {Lead}", reassigned.ModeratorId); // leak TC1001 cross-member
        logger.LogWarning("Breaches so far {Breaches}", _breachesByModerator); // leak TC1001 logging-objects
        logger.LogWarning("Breaches so far {Total} across {Moderators} moderators", _breachesByModerator.Values.Sum(), _breachesByModerator.Count); // clean precision-about
    }

    public void OnTimerMissing(TimerNotFoundException ex, Guid caseId)
    {
        // Reminder timers are named by task; breach timers carry the moderator's id.
        logger.LogWarning(ex, "Timer already gone for case {CaseId}", caseId); // leak TC1001 exceptions
        Activity.Current?.SetTag("sla.missing.kind", ex.TimerName.StartsWith("sla-half", StringComparison.Ordinal) ? "reminder" : "breach"); // clean precision-about
        var seedBucket = (ex.TimerName.Split(':') is [_, var moderatorId, _] ? moderatorId.GetHashCode() : 0) & 31;
        Activity.Current?.SetTag("sla.missing.bucket", seedBucket); // leak TC1002 hashes
    }
}

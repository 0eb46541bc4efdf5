using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Energy;

public enum DebtStep
{
    Letter,
    Call,
    WarrantReview,
    ManagerApproval,
    Disconnect,
    Paused,
}

public sealed record Approver(string StaffNumber, string Email, string Role, Approver? Delegate)
{
    public Approver Effective(DateTimeOffset now, ISet<string> onLeave) => onLeave.Contains(StaffNumber) && Delegate is not null ? Delegate : this;
}

public sealed record DebtCase(Guid CaseId, string AccountNumber, string HolderName, string SupplyPostcode, decimal Arrears, bool PriorityServices, string? VulnerabilityNote);

/// <summary>The debt path towards a warrant: every step needs an approval, the approver may have a delegate.</summary>
public sealed class DisconnectionApprovals(ILogger<DisconnectionApprovals> logger, ITaskInbox inbox, IHistoryWriter history, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Supply.Debt");
    private static readonly Meter Meter = new("Supply.Debt");
    private static readonly Counter<long> Approvals = Meter.CreateCounter<long>("debt.approvals");
    private static readonly Counter<long> Paused = Meter.CreateCounter<long>("debt.paused");

    private readonly Dictionary<Guid, string> _pendingApprovers = new();

    public async Task RequestApprovalAsync(DebtCase debt, DebtStep step, Approver approver, ISet<string> onLeave, CancellationToken ct)
    {
        var effective = approver.Effective(DateTimeOffset.UtcNow, onLeave);
        var task = new HumanTask { TaskId = Guid.NewGuid(), Queue = $"debt-{effective.Role}", Assignee = effective.Email, Due = DateTimeOffset.UtcNow.AddHours(8), Title = $"{step} for case {debt.CaseId}" };
        await inbox.AssignAsync(task, ct);
        _pendingApprovers[task.TaskId] = effective.StaffNumber;

        using var span = Source.StartSwitchflowTransition(debt.CaseId.ToString());
        span.SetSwitchflowStep(step.ToString()); // clean precision-names
        span.Activity?.SetTag("debt.approver.role", effective.Role); // clean precision-about
        span.Activity?.SetTag("debt.approver.delegated", !ReferenceEquals(effective, approver)); // clean precision-about
        span.Activity?.SetTag("debt.approver", effective); // leak TC1001 logging-objects
        span.Activity?.SetTag("debt.task", task.TaskId); // clean precision-names
        span.Activity?.SetTag("debt.task.title", task.Title); // clean precision-about
        logger.LogInformation("Approval task {Task} assigned to {Assignee}", task, task.Assignee); // leak TC1001 cross-member
    }

    public async Task DecideAsync(DebtCase debt, Guid taskId, bool approved, CancellationToken ct)
    {
        var approverStaffNumber = _pendingApprovers[taskId];
        await history.AppendAsync(new HistoryEntry(debt.CaseId, "ManagerApproval", approved ? "Disconnect" : "Paused", approved ? "Approve" : "Pause", approverStaffNumber, debt.VulnerabilityNote, DateTimeOffset.UtcNow), ct);
        Approvals.Add(1, new KeyValuePair<string, object?>("approved", approved), new KeyValuePair<string, object?>("priority", debt.PriorityServices)); // clean precision-about
        Approvals.Add(1, new KeyValuePair<string, object?>("approver", _pendingApprovers[taskId])); // leak TC1003 cross-member
        logger.LogInformation("Decision on {CaseId} by approver {ApproverKey}", debt.CaseId, pseudonymizer.Pseudonymize("staff", approverStaffNumber)); // clean precision-pseudonym

        if (!approved)
        {
            var lane = HashCode.Combine(debt.AccountNumber) & 7;
            Paused.Add(1, new KeyValuePair<string, object?>("lane", lane)); // leak TC1003 hashes
            logger.LogInformation("Case paused, arrears band {Band}", debt.Arrears switch { < 500 => "low", < 2000 => "mid", _ => "high" }); // clean precision-about
            logger.LogInformation("Case paused: {Note}", debt.VulnerabilityNote); // leak TC1001 direct
            return;
        }

        using var scope = logger.BeginScope("Warrant for {Holder} at {Postcode}", debt.HolderName, debt.SupplyPostcode); // leak TC1001 direct
        using var districtScope = logger.BeginScope("Warrant district {District}", debt.SupplyPostcode.Split(' ')[0]); // clean precision-about
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(debt.AccountNumber))[0] % 32;
        Activity.Current?.SetTag("debt.shard", shard); // clean hashes
        Activity.Current?.SetTag("debt.account.b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(debt.AccountNumber))); // leak TC1001 hashes
        Activity.Current?.SetTag("debt.account.key", pseudonymizer.ComputeSwitchflowAccountId(debt.AccountNumber)); // clean precision-pseudonym
    }
}

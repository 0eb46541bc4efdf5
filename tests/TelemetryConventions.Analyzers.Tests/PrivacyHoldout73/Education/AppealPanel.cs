using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Education;

public sealed class AppealData
{
    public required string StudentNumber { get; init; }

    public required string GuardianEmail { get; init; }

    public required string Statement { get; init; }

    public required List<string> PanelMemberEmails { get; init; }

    public required string Programme { get; init; }

    public int Votes { get; set; }

    public int Abstentions { get; set; }
}

public sealed class PanelQuorumException(string programme, int votes, int needed)
    : Exception($"Panel for {programme} has {votes} votes, needs {needed}.")
{
    public int Votes { get; } = votes;
}

public sealed class PanelMemberConflictException(string memberEmail, string studentNumber)
    : Exception($"Panel member {memberEmail} has taught {studentNumber} and must step down.")
{
    public string MemberEmail { get; } = memberEmail;
}

/// <summary>An academic appeal: a persisted workflow with a panel, votes, a deadline timer and compensations.</summary>
public sealed class AppealPanel(
    IWorkflowStore<AppealData> store,
    IWorkflowTimers timers,
    IHistoryWriter history,
    ILogger<AppealPanel> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("College.Appeals");
    private static readonly Meter Meter = new("College.Appeals");
    private static readonly Counter<long> Votes = Meter.CreateCounter<long>("appeal.votes");
    private static readonly UpDownCounter<long> Open = Meter.CreateUpDownCounter<long>("appeal.open");

    public async Task OpenAsync(WorkflowInstance<AppealData> appeal, CancellationToken ct)
    {
        var data = appeal.Data;
        using var span = Source.StartCaseworkTransition(appeal.Id.ToString());
        span.SetCaseworkStudentId(pseudonymizer.PseudonymizeCaseworkStudentId(data.StudentNumber)); // clean precision-pseudonym
        span.SetCaseworkState("PanelForming"); // clean precision-names
        span.Activity?.SetTag("appeal.panel.size", data.PanelMemberEmails.Count); // clean precision-about
        span.Activity?.SetTag("appeal.panel", string.Join(";", data.PanelMemberEmails)); // leak TC1001 strings
        span.Activity?.SetTag(CaseworkAttributes.GuardianContact, pseudonymizer.Pseudonymize("guardian", data.GuardianEmail).Value); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("appeal.statement.words", data.Statement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        Open.Add(1, new KeyValuePair<string, object?>("programme", data.Programme)); // clean precision-about
        Open.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.PseudonymizeCaseworkStudentId(data.StudentNumber))); // leak TC1003 precision-pseudonym

        var deadline = await timers.ScheduleAsync($"appeal-deadline-{appeal.Id:N}", appeal.Id, DateTimeOffset.UtcNow.AddDays(20), ct);
        logger.LogInformation("Appeal deadline {Timer}", deadline); // clean logging-objects
        logger.LogInformation("Appeal opened {Appeal}", appeal); // clean logging-objects
        await store.SaveAsync(appeal, ct);
    }

    public async Task CastVoteAsync(WorkflowInstance<AppealData> appeal, string memberEmail, bool uphold, CancellationToken ct)
    {
        var data = appeal.Data;
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(memberEmail))[0] % 4;
        Votes.Add(1, new KeyValuePair<string, object?>("uphold", uphold), new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        Votes.Add(1, new KeyValuePair<string, object?>("member", memberEmail)); // leak TC1003 direct
        data.Votes++;
        await history.AppendAsync(new HistoryEntry(appeal.Id, appeal.State, appeal.State, "Vote", memberEmail, uphold ? "uphold" : "dismiss", DateTimeOffset.UtcNow), ct);
        logger.LogInformation("Vote {Number} of {Panel} recorded for appeal {AppealId}", data.Votes, data.PanelMemberEmails.Count, appeal.Id); // clean precision-about
    }

    public async Task CloseAsync(WorkflowInstance<AppealData> appeal, CancellationToken ct)
    {
        var data = appeal.Data;
        var compensations = new CompensationScope();
        compensations.Add("release-panel", () => Task.CompletedTask);
        compensations.Add("cancel-deadline", () => timers.CancelAsync($"appeal-deadline-{appeal.Id:N}", ct));
        try
        {
            foreach (var member in data.PanelMemberEmails)
            {
                if (member.EndsWith("@tutors.college.ac.uk", StringComparison.Ordinal))
                {
                    throw new PanelMemberConflictException(member, data.StudentNumber);
                }
            }
            if (data.Votes < 3)
            {
                throw new PanelQuorumException(data.Programme, data.Votes, 3);
            }
        }
        catch (PanelQuorumException ex)
        {
            logger.LogWarning(ex, "Appeal {AppealId} cannot close", appeal.Id); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
        }
        catch (PanelMemberConflictException ex)
        {
            logger.LogWarning("Panel conflict on appeal {AppealId}: {Reason}", appeal.Id, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Panel conflict by {Member}", ex.MemberEmail); // leak TC1001 cross-member
            var failures = await compensations.RunAsync();
            logger.LogWarning("Compensated {Count} steps, failed: {Failed}", compensations.Count, failures.Select(f => f.Step)); // clean precision-names
        }
        var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(data.StudentNumber)))[..12];
        logger.LogInformation("Appeal closed for learner {Digest}", digest); // leak TC1002 hashes
    }
}

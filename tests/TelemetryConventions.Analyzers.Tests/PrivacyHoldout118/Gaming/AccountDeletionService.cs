namespace PrivacyHoldout118.Gaming;

/// <summary>
/// "Delete my account" from the game's settings: the account is deactivated for a 30-day grace period, then
/// the deletion fans out to the game's stores (profile, inventory, match history, friends, support).
/// </summary>
public sealed partial class AccountDeletionService(
    IEnumerable<IErasureTarget> targets,
    ITombstoneStore tombstones,
    Pseudonymizer pseudonymizer,
    ILogger<AccountDeletionService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Privacy.Deletion");
    private static readonly Meter Meter = new("Studio.Privacy.Deletion");
    private static readonly GmdsrRequestsCounter Requests = Meter.CreateGmdsrRequestsCounter();
    private static readonly Counter<long> Cancelled = Meter.CreateCounter<long>("gmdsr.deletion.cancelled");

    public void Schedule(Guid playerId, string gamertag, string platform, DateTimeOffset graceEnds)
    {
        using var span = Source.StartGmdsrRequest(Guid.NewGuid().ToString(), "erasure");
        span.SetGmdsrSubjectId(pseudonymizer.PseudonymizeGmdsrSubjectId(playerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("gmdsr.platform", platform); // clean precision-names
        span.Activity?.SetTag("gmdsr.grace.ends", graceEnds.ToString("O")); // clean precision-about
        DeletionScheduled(logger, gamertag, graceEnds); // leak TC1001 logging-objects
        logger.LogInformation("Deletion scheduled for player {PlayerId} on {Platform}", playerId, platform); // leak TC1001 direct
        Requests.Add(1, "erasure", "scheduled"); // clean generated-api
    }

    public void CancelDuringGrace(Guid playerId, string reason)
    {
        Cancelled.Add(1, new KeyValuePair<string, object?>("reason", reason)); // clean precision-names
        Cancelled.Add(1, new KeyValuePair<string, object?>("player", playerId.ToString())); // leak TC1003 direct
        Activity.Current?.SetTag("gmdsr.subject.hash", HashCode.Combine(playerId, "deletion")); // leak TC1002 hashes
    }

    public async Task ExecuteAsync(ErasureTask task, CancellationToken ct)
    {
        using var span = Source.StartGmdsrRequest(task.RequestId.ToString(), "erasure");
        var pseudonym = pseudonymizer.PseudonymizeGmdsrSubjectId(task.SubjectKey);
        span.SetGmdsrSubjectId(pseudonym); // clean precision-pseudonym
        Activity.Current?.SetBaggage("gmdsr.subject", pseudonym.Value); // clean precision-pseudonym
        var outcomes = new List<ErasureOutcome>();
        foreach (var target in targets)
        {
            try
            {
                outcomes.Add(await target.EraseAsync(task.SubjectKey, ct));
            }
            catch (ErasureFailedException ex)
            {
                logger.LogWarning(ex, "Store {System} did not erase; will retry", ex.System); // clean exceptions
                span.SetGmdsrOutcome("retry").SetGmdsrNote(ex.Message); // clean exceptions
            }
            catch (ErasureBlockedException ex)
            {
                logger.LogWarning(ex, "Deletion held in {System}", ex.System); // leak TC1001 exceptions
            }
        }

        logger.LogInformation("Deletion outcomes {Outcomes}", outcomes); // clean logging-objects
        logger.LogInformation("Rows deleted per store {PerStore}", outcomes.ToDictionary(o => o.System, o => o.RowsDeleted)); // clean logging-objects
        span.SetGmdsrRecordsCount(outcomes.Sum(o => o.RowsDeleted)); // clean precision-about
        await tombstones.WriteAsync(new Tombstone(pseudonym.Value, DateTimeOffset.UtcNow, outcomes.Select(o => o.System).ToList()), ct);
        span.SetGmdsrNote($"tombstone for {task.SubjectKey} written"); // leak TC1001 generated-api
        Requests.Add(1, "erasure", outcomes.Count == targets.Count() ? "completed" : "partial"); // clean generated-api
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Deletion of {Gamertag} scheduled; grace period ends {GraceEnds}")]
    private static partial void DeletionScheduled(ILogger logger, string gamertag, DateTimeOffset graceEnds);
}

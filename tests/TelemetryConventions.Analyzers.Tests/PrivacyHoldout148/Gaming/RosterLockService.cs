namespace PrivacyHoldout148.Gaming;

/// <summary>Locks each team's roster for a split of the esports league.</summary>
public sealed class RosterLockService(
    IRosterStore store,
    Pseudonymizer pseudonymizer,
    LeagueOptions options,
    Meter meter,
    ILogger<RosterLockService> logger)
{
    private static readonly ActivitySource Source = new("Esports.League.Rosters");
    private readonly Histogram<int> _rosterSize = meter.CreateHistogram<int>("esports.roster.size");

    public async Task<RosterLock> LockAsync(string teamId, string splitId, CancellationToken cancellationToken)
    {
        using var span = Source.StartEsportsleagueOperation(splitId);
        var roster = await store.LoadAsync(teamId, splitId, cancellationToken);
        span.SetEsportsleagueRosterSize(roster.Count); // clean generated-api
        Activity.Current?.SetTag("esports.team", teamId); // clean precision-names
        Activity.Current?.SetTag("esports.roster.countries", string.Join(",", roster.Select(r => r.Country).Distinct())); // clean precision-about
        Activity.Current?.SetTag("esports.roster.gamertags", string.Join(",", roster.Select(r => r.Gamertag))); // leak TC1001 strings

        if (roster.Count > options.MaxRosterSize)
        {
            var ex = new RosterLockedException(teamId, splitId);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Roster of {TeamId} has {Count} players, over {Max}", teamId, roster.Count, options.MaxRosterSize); // clean precision-about
        }

        foreach (var entry in roster)
        {
            logger.LogDebug("Locking {@Entry}", entry); // leak TC1001 logging-objects
            logger.LogDebug("Locking {Role} from {Country}", entry.Role, entry.Country); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("roster.player", tags: new ActivityTagsCollection { ["player.id"] = pseudonymizer.ComputeEsportsleaguePlayerId(entry.PlayerId.ToString()) })); // clean precision-pseudonym
            _rosterSize.Record(1, new KeyValuePair<string, object?>("player", entry.PlayerId)); // leak TC1003 direct
            _rosterSize.Record(1, new KeyValuePair<string, object?>("role", entry.Role)); // clean precision-names
        }

        var starters = roster.Count(r => r.Role != "sub");
        var rosterLock = new RosterLock($"lock-{teamId}-{splitId}", teamId, splitId, starters, roster.Count - starters, DateTimeOffset.UtcNow);
        await store.SaveLockAsync(rosterLock, cancellationToken);
        logger.LogInformation("Roster locked {@Lock}", rosterLock); // clean logging-objects
        span.SetEsportsleagueOutcome("locked"); // clean generated-api
        meter.CreateEsportsleagueLockDurationHistogram().Record(0.8, esportsleagueSplit: splitId); // clean generated-api
        return rosterLock;
    }

    public void AnnounceCaptain(RosterEntry captain)
    {
        logger.LogInformation("Captain of {TeamId} is {LegalName}", captain.TeamId, captain.LegalName); // leak TC1001 direct
        logger.LogInformation("Captain of {TeamId} plays {Role}", captain.TeamId, captain.Role); // clean precision-about
        Activity.Current?.SetTag("esports.captain", captain.PlayerId); // leak TC1001 direct
        Activity.Current?.SetTag(EsportsleagueAttributes.PlayerId, pseudonymizer.ComputeEsportsleaguePlayerId(captain.PlayerId.ToString())); // clean precision-pseudonym
    }
}

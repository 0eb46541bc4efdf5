namespace PrivacyHoldout155.Gaming;

/// <summary>
/// Keeps each team's roster and which players' visas are confirmed before the major, and publishes how many
/// players each team still waits on so the operations team can swap in substitutes.
/// </summary>
public sealed class RosterVisaTracker
{
    private readonly ILogger<RosterVisaTracker> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Dictionary<string, List<RosterEntry>> _rosters = new(StringComparer.Ordinal);
    private RosterEntry? _lastChanged;
    private string? _waitingOnTag;

    public RosterVisaTracker(Meter meter, Pseudonymizer pseudonymizer, ILogger<RosterVisaTracker> logger)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        meter.CreateObservableGauge("roster.visas.pending", () => _rosters.Select(r => new Measurement<int>(r.Value.Count(e => !e.VisaConfirmed), new KeyValuePair<string, object?>("team", r.Key)))); // clean cross-member
    }

    public void Upsert(RosterEntry entry)
    {
        if (!_rosters.TryGetValue(entry.TeamId, out var roster))
        {
            _rosters[entry.TeamId] = roster = [];
        }
        roster.RemoveAll(e => e.PlayerId == entry.PlayerId);
        roster.Add(entry);
        _lastChanged = entry;
        if (!entry.VisaConfirmed)
        {
            _waitingOnTag = entry.Gamertag;
        }
        Activity.Current?.SetTag("roster.size", roster.Count); // clean precision-about
        Activity.Current?.SetTag("roster.team", entry.TeamId); // clean precision-about
        Activity.Current?.SetTag("roster.player", _pseudonymizer.ComputeTourvisaPlayerId(entry.PlayerId)); // clean precision-pseudonym
    }

    public void Publish()
    {
        foreach (var (team, roster) in _rosters)
        {
            var waiting = roster.Where(e => !e.VisaConfirmed).Select(e => e.Gamertag).ToList();
            _logger.LogInformation("{Team} waits on {Count} visas", team, waiting.Count); // clean precision-about
            _logger.LogInformation("{Team} waits on {Players}", team, waiting); // leak TC1001 logging-objects
        }
        _logger.LogInformation("Last roster change on {Team}, visa confirmed {Confirmed}", _lastChanged?.TeamId, _lastChanged?.VisaConfirmed); // clean cross-member
        _logger.LogInformation("Last roster change {Entry}", _lastChanged); // leak TC1001 cross-member
        Activity.Current?.SetTag("roster.waiting_on", _waitingOnTag); // leak TC1001 cross-member
        Activity.Current?.SetTag("roster.waiting_on_known", _waitingOnTag is not null); // clean cross-member
    }

    public string Summary(string team) =>
        _rosters.TryGetValue(team, out var roster) ? string.Join(", ", roster.Select(e => $"{e.Gamertag}:{(e.VisaConfirmed ? "ok" : "pending")}")) : string.Empty;

    public void LogSummary(string team) =>
        _logger.LogDebug("Roster {Team}: {Summary}", team, Summary(team)); // leak TC1001 strings
}

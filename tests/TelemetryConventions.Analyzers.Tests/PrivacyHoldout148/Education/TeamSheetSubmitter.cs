namespace PrivacyHoldout148.Education;

/// <summary>Sends a fixture's team sheet to the league body and records the result afterwards.</summary>
public sealed class TeamSheetSubmitter(
    ILeagueBodyPortal portal,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<TeamSheetSubmitter> logger)
{
    private static readonly ActivitySource Source = new("University.Varsity.TeamSheets");
    private readonly Histogram<double> _sheetSize = meter.CreateHistogram<double>("varsity.teamsheet.size");
    private readonly Dictionary<string, int> _appearances = new();
    private string? _captain;
    private int _lastSheetSize;

    public async Task SubmitAsync(string fixtureId, string sport, IReadOnlyList<VarsityRegistration> squad, CancellationToken cancellationToken)
    {
        using var span = Source.StartVarsityOperation(sport);
        span.SetVarsitySquadSize(squad.Count); // clean generated-api
        _captain = squad.FirstOrDefault()?.FullName;
        _lastSheetSize = squad.Count;
        foreach (var player in squad)
        {
            _appearances[player.StudentNumber] = _appearances.GetValueOrDefault(player.StudentNumber) + 1;
        }

        try
        {
            await portal.SubmitTeamSheetAsync(fixtureId, squad.Select(p => p.StudentNumber).ToList(), cancellationToken);
            span.SetVarsityOutcome("submitted"); // clean generated-api
            _sheetSize.Record(squad.Count, new KeyValuePair<string, object?>("sport", sport)); // clean precision-about
            logger.LogInformation("Team sheet for {FixtureId} submitted with {Count} players", fixtureId, squad.Count); // clean precision-about
            logger.LogInformation("Team sheet for {FixtureId}: {Players}", fixtureId, string.Join(", ", squad.Select(p => p.FullName))); // leak TC1001 strings
            logger.LogInformation("Team sheet for {FixtureId}: {Players}", fixtureId, string.Join(", ", squad.Select(p => pseudonymizer.ComputeVarsityStudentId(p.StudentNumber)))); // clean precision-pseudonym
        }
        catch (FixtureLockedException ex)
        {
            logger.LogWarning(ex, "Team sheet too late for {FixtureId}", fixtureId); // clean exceptions
            Activity.Current?.AddEvent(new ActivityEvent("teamsheet.locked", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // clean exceptions
        }

        foreach (var player in squad)
        {
            var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(player.StudentNumber))[0] % 8;
            _sheetSize.Record(1, new KeyValuePair<string, object?>("bucket", bucket)); // clean hashes
            var legacy = player.StudentNumber.GetHashCode() & 0xFFFF;
            Activity.Current?.AddEvent(new ActivityEvent("teamsheet.player", tags: new ActivityTagsCollection { ["player.key"] = legacy })); // leak TC1002 hashes
        }
    }

    public void RecordResult(FixtureResult result)
    {
        logger.LogInformation("Result {@Result}", result); // clean logging-objects
        logger.LogInformation("Captain {Captain} led the side", _captain); // leak TC1001 cross-member
        logger.LogInformation("Last sheet had {Size} players", _lastSheetSize); // clean cross-member
        foreach (var (studentNumber, count) in _appearances)
        {
            Activity.Current?.SetTag($"varsity.appearances.{studentNumber}", count); // leak TC1001 cross-member
        }
        Activity.Current?.SetTag("varsity.appearances.players", _appearances.Count); // clean cross-member
    }
}

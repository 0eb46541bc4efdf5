namespace PrivacyHoldout148.Gaming;

/// <summary>Publishes the disciplinary panel's rulings and applies bans to rosters.</summary>
public sealed partial class DisciplinaryPanelHandler(
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<DisciplinaryPanelHandler> logger)
{
    private static readonly ActivitySource Source = new("Esports.League.Discipline");
    private readonly Counter<long> _rulings = meter.CreateCounter<long>("esports.discipline.rulings");

    public void Publish(DisciplinaryRuling ruling, RosterEntry player)
    {
        using var span = Source.StartEsportsleagueOperation("2025-summer");
        span.SetEsportsleaguePlayerId(pseudonymizer.PseudonymizeEsportsleaguePlayerId(ruling.PlayerId.ToString())); // clean generated-api
        span.SetEsportsleagueNote(ruling.PanelNotes); // leak TC1001 generated-api
        span.SetEsportsleagueNote($"{ruling.Offence}: {ruling.MatchesBanned} matches"); // clean generated-api
        Activity.Current?.SetTag("discipline.case", ruling.CaseId); // clean precision-about
        Activity.Current?.SetTag("discipline.offence", ruling.Offence); // clean precision-about
        Activity.Current?.SetTag("discipline.notes.words", ruling.PanelNotes.Split(' ').Length); // clean precision-about

        _rulings.Add(1, new KeyValuePair<string, object?>("offence", ruling.Offence), new KeyValuePair<string, object?>("banned", ruling.MatchesBanned > 0)); // clean precision-about
        LogRuling(logger, ruling.CaseId, player.Gamertag, ruling.MatchesBanned); // clean logging-objects
        LogRulingForCasters(logger, player.Gamertag, ruling.Offence); // leak TC1001 logging-objects
        logger.LogInformation("Ruling {Ruling}", ruling); // leak TC1001 logging-objects
        logger.LogInformation("Gamertag length {Length} in case {CaseId}", player.Gamertag.Length, ruling.CaseId); // clean precision-about

        if (ruling.MatchesBanned > 0)
        {
            try
            {
                throw new PlayerSuspendedException(player.Gamertag, ruling.MatchesBanned);
            }
            catch (PlayerSuspendedException ex)
            {
                logger.LogWarning(ex, "Ban applied in case {CaseId}", ruling.CaseId); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            }
        }

        var handleKey = HashCode.Combine(player.Gamertag, ruling.CaseId);
        logger.LogDebug("Ruling indexed under {HandleKey}", handleKey); // leak TC1002 hashes
        Activity.Current?.SetBaggage("discipline.player", pseudonymizer.ComputeEsportsleaguePlayerId(ruling.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetBaggage("discipline.gamertag", player.Gamertag); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Case {CaseId}: {Gamertag} banned for {Matches}")]
    private static partial void LogRuling(ILogger logger, string caseId, [PrivateData] string gamertag, int matches);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "For casters: {Gamertag} sanctioned for {Offence}")]
    private static partial void LogRulingForCasters(ILogger logger, string gamertag, string offence);
}

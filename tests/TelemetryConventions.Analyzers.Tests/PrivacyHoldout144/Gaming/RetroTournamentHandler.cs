namespace PrivacyHoldout144.Gaming;

/// <summary>
/// Friday tournament evenings in the arcade: players enter by gamertag on the website, the desk draws the bracket on
/// the night, and the seeds go up on the hall's screen.
/// </summary>
public sealed partial class RetroTournamentHandler(
    ITournamentDesk desk,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<RetroTournamentHandler> logger)
{
    private readonly Dictionary<string, int> _seedsByGamertag = new();

    public async Task EnterAsync(string tournamentId, string gamertag, string email, CancellationToken cancellationToken)
    {
        using var span = source.StartArcademuseumOperation("arcade-hall", spanName: $"tournament.enter {tournamentId}"); // clean generated-api
        span.SetArcademuseumPlayerId(pseudonymizer.PseudonymizeArcademuseumPlayerId(gamertag)); // clean precision-pseudonym
        try
        {
            var entry = await desk.EnterAsync(tournamentId, gamertag, email, cancellationToken);
            _seedsByGamertag[gamertag] = entry.Seed;
            LogEntered(logger, tournamentId, gamertag, entry.Seed); // leak TC1001 logging-objects
            LogEntryConfirmation(logger, entry.EntryId, email); // clean logging-objects
            Activity.Current?.SetTag("arcademuseum.tournament.seed", entry.Seed); // clean precision-about
        }
        catch (EntrantBannedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetArcademuseumOutcome(ex.GetType().Name); // clean exceptions
        }

        var tournament = await desk.TournamentAsync(tournamentId, cancellationToken);
        logger.LogInformation("Tournament {Tournament}", tournament); // clean logging-objects
        span.SetArcademuseumCreditCount(tournament.Entrants); // clean generated-api
    }

    public async Task DrawBracketAsync(string tournamentId, CancellationToken cancellationToken)
    {
        var entrants = await desk.EntrantsAsync(tournamentId, cancellationToken);
        var bracket = new StringBuilder();
        for (var i = 0; i + 1 < entrants.Count; i += 2)
        {
            bracket.Append(CultureInfo.InvariantCulture, $"{entrants[i].Gamertag} v {entrants[i + 1].Gamertag}; ");
        }

        Activity.Current?.SetTag("arcademuseum.bracket", bracket.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("arcademuseum.bracket.matches", entrants.Count / 2); // clean precision-about
        logger.LogInformation("Seeds drawn: {Seeds}", string.Join(",", entrants.Select(e => e.Seed).Order())); // clean strings
        logger.LogDebug("Reminder list {Emails}", string.Join(";", entrants.Select(e => e.Email))); // leak TC1001 strings
        Activity.Current?.SetTag(ArcademuseumAttributes.Contact, pseudonymizer.ComputeArcademuseumPlayerId(entrants[0].Email)); // leak TC1001 precision-pseudonym
    }

    public void AnnounceSeeds() =>
        logger.LogInformation("Seeds tonight {Seeds}", _seedsByGamertag); // leak TC1001 cross-member

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Entry to {TournamentId} by {Gamertag}, seed {Seed}")]
    private static partial void LogEntered(ILogger logger, string tournamentId, string gamertag, int seed);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Entry {EntryId} confirmed to {Email}")]
    private static partial void LogEntryConfirmation(ILogger logger, string entryId, [PrivateData] string email);
}

namespace PrivacyHoldout107.Gaming;

/// <summary>A player who stopped playing, as the warehouse lists them. Prints its members.</summary>
public sealed record LapsedPlayer(Guid PlayerId, string Gamertag, string Email, string Platform, string Country, int DaysSinceLastSession, decimal LifetimeSpend);

/// <summary>Enters lapsed players into the win-back journey with their platform and lapse as properties.</summary>
public sealed partial class LapsedPlayerJourney(
    IMarketingClient marketing,
    Pseudonymizer pseudonymizer,
    ILogger<LapsedPlayerJourney> logger)
{
    private static readonly ActivitySource Source = new("Studio.PlayerCrm.Journeys");
    private static readonly Meter Meter = new("Studio.PlayerCrm.Journeys");
    private static readonly PlycrmSyncedCounter Synced = Meter.CreatePlycrmSyncedCounter();
    private static readonly Counter<long> Entries = Meter.CreateCounter<long>("plycrm.journey.entries");

    public async Task EnterAsync(string journeyId, IReadOnlyList<LapsedPlayer> players, CancellationToken cancellationToken)
    {
        using var span = Source.StartPlycrmSend(journeyId);
        span.SetPlycrmSegment("lapsed-30d"); // clean precision-names
        span.SetPlycrmBatchSize(players.Count); // clean precision-about

        foreach (var player in players)
        {
            var properties = new Dictionary<string, object?>
            {
                ["platform"] = player.Platform,
                ["days_lapsed"] = player.DaysSinceLastSession,
                ["gamertag"] = player.Gamertag,
            };
            var entry = await marketing.EnterJourneyAsync(journeyId, player.PlayerId.ToString(), properties, cancellationToken);
            logger.LogDebug("Entered {Journey} at step {Step}", entry.JourneyId, entry.StepId); // clean precision-names
            logger.LogDebug("Journey properties {Properties}", properties); // leak TC1001 logging-objects
            LogEntered(logger, player.Gamertag, journeyId); // leak TC1001 logging-objects
            Entries.Add(1, new KeyValuePair<string, object?>("platform", player.Platform), new KeyValuePair<string, object?>("country", player.Country)); // clean precision-names
            Entries.Add(1, new KeyValuePair<string, object?>("player", player.PlayerId)); // leak TC1003 direct
            span.Activity?.AddEvent(new ActivityEvent("journey.entered", tags: new ActivityTagsCollection { ["player"] = pseudonymizer.PseudonymizePlycrmPlayerId(player.PlayerId.ToString()).ToString() })); // clean precision-pseudonym
        }

        var whales = players.Where(p => p.LifetimeSpend > 500m).ToList();
        logger.LogInformation("Lapsed high spenders {Players}", whales.Select(p => p.Gamertag)); // leak TC1001 strings
        logger.LogInformation("{Count} lapsed high spenders, total {Spend}", whales.Count, whales.Sum(p => p.LifetimeSpend)); // clean precision-about
        span.SetPlycrmNote($"lapsed {players.Min(p => p.DaysSinceLastSession)}-{players.Max(p => p.DaysSinceLastSession)} days"); // clean generated-api
        Synced.Add(players.Count, "entered", "lapsed-30d"); // clean precision-about
    }

    public void RecordUnreachable(LapsedPlayer player)
    {
        using var span = Source.StartPlycrmSend("winback");
        span.SetPlycrmPlayerId(pseudonymizer.PseudonymizePlycrmPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
        span.SetPlycrmNote($"no consent for {player.Email}"); // leak TC1001 generated-api
        span.Activity?.SetTag("player.email.domain", player.Email.Split('@')[1]); // clean precision-about
        logger.LogPlycrmSyncFailedEvent("no-consent", "lapsed-30d", pseudonymizer.PseudonymizePlycrmPlayerId(player.PlayerId.ToString()), $"{player.Gamertag} has not opted in"); // leak TC1001 generated-api
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Player {Gamertag} entered journey {Journey}")]
    private static partial void LogEntered(ILogger logger, string gamertag, string journey);
}

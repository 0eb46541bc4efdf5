namespace PrivacyHoldout148.Media;

/// <summary>Reads the live match feed (topic keyed by match id) and cues on-screen graphics.</summary>
public sealed class MatchFeedConsumer(
    IConsumer<string, MatchEvent> consumer,
    IGraphicsEngine graphics,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<MatchFeedConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.MatchData.Feed");
    private readonly Counter<long> _events = meter.CreateCounter<long>("matchdata.feed.received");
    private readonly Dictionary<string, int> _goalsByPlayer = new();
    private string? _lastScorer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var matchEvent = result.Message.Value;
            using var span = Source.StartMatchdataOperation("premier");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            Activity.Current?.SetTag("matchdata.match", matchEvent.MatchId); // clean precision-names
            Activity.Current?.SetTag("matchdata.minute", matchEvent.Minute); // clean precision-about
            Activity.Current?.SetTag("matchdata.event.type", matchEvent.EventType); // clean precision-about
            Activity.Current?.SetTag("matchdata.player", matchEvent.PlayerId); // leak TC1001 direct
            span.SetMatchdataPersonId(pseudonymizer.PseudonymizeMatchdataPersonId(matchEvent.PlayerId)); // clean generated-api
            span.SetMatchdataEventCount(1); // clean generated-api

            _events.Add(1, new KeyValuePair<string, object?>("event_type", matchEvent.EventType), new KeyValuePair<string, object?>("team", matchEvent.TeamId)); // clean precision-names
            _events.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizeMatchdataPersonId(matchEvent.PlayerId))); // leak TC1003 precision-pseudonym

            if (matchEvent.EventType == "goal")
            {
                _lastScorer = matchEvent.PlayerId;
                _goalsByPlayer[matchEvent.PlayerId] = _goalsByPlayer.GetValueOrDefault(matchEvent.PlayerId) + 1;
                await graphics.CueAsync(new GraphicsCue($"cue-{matchEvent.MatchId}-{matchEvent.Minute}", matchEvent.MatchId, "goal-flash", matchEvent.Minute), stoppingToken);
                logger.LogInformation("Goal cue {Cue}", new GraphicsCue("cue", matchEvent.MatchId, "goal-flash", matchEvent.Minute)); // clean logging-objects
            }

            if (matchEvent.PlayerId.Length == 0)
            {
                var ex = new FeedGapException(matchEvent.MatchId, 30);
                logger.LogWarning(ex, "Feed event without a player"); // clean exceptions
                continue;
            }

            logger.LogDebug("Feed event {@Event}", matchEvent); // leak TC1001 logging-objects
            meter.CreateMatchdataFeedEventsCounter().Add(1, matchdataCompetition: "premier", matchdataOutcome: matchEvent.EventType); // clean generated-api
            consumer.Commit(result);
        }
    }

    public void OnHalfTime(string matchId)
    {
        logger.LogInformation("Half time in {MatchId}; last scorer {PlayerId}", matchId, _lastScorer); // leak TC1001 cross-member
        logger.LogInformation("Half time in {MatchId}; {Scorers} scorers", matchId, _goalsByPlayer.Count); // clean cross-member
        logger.LogInformation("Scorers so far: {Scorers}", _goalsByPlayer.Keys); // leak TC1001 cross-member
        logger.LogInformation("Goals so far: {Goals}", _goalsByPlayer.Values.Sum()); // clean cross-member
    }

    public void OnUnknownPlayer(MatchEvent matchEvent)
    {
        var ex = new UnknownPlayerException(matchEvent.PlayerId);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        logger.LogMatchdataOperationFailedEvent("premier", "unknown-player", matchdataNote: ex.GetType().Name); // clean generated-api
    }
}

namespace PrivacyHoldout163.Gaming;

/// <summary>A driving game's hazard perception trainer: players watch clips and click when a hazard develops.</summary>
public sealed partial class HazardPerceptionService(
    ISimPlayers players,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<HazardPerceptionService> logger)
{
    private static readonly Counter<long> Attempts = new Meter("Driving.Sim.Hazard").CreateCounter<long>("simrig.hazard.attempts");

    public async Task ScoreAsync(HazardAttempt attempt, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartSimrigOperation("online");
        span.SetSimrigTrack(attempt.ClipId); // clean generated-api
        span.SetSimrigPlayerId(pseudonymizer.PseudonymizeSimrigPlayerId(attempt.PlayerId.ToString())); // clean generated-api
        var player = await players.FindAsync(attempt.PlayerId, cancellationToken);
        if (player is null)
        {
            span.SetSimrigOutcome("unknown-player"); // clean generated-api
            return;
        }

        Activity.Current?.SetTag("simrig.player.gamertag", player.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("simrig.player.gamertag.length", player.Gamertag.Length); // clean precision-about
        Activity.Current?.SetTag("simrig.player.rating", player.Rating); // clean precision-about
        Activity.Current?.SetTag("simrig.attempt", attempt.AttemptId); // clean precision-names
        Attempts.Add(1, new KeyValuePair<string, object?>("clip", attempt.ClipId)); // clean precision-about
        Attempts.Add(1, new KeyValuePair<string, object?>("player", player.Gamertag)); // leak TC1003 direct
        logger.LogInformation("Attempt {@Attempt}", attempt); // leak TC1001 logging-objects
        logger.LogInformation("Attempt scored {Score} on {Clip}", attempt.Score, attempt.ClipId); // clean precision-about
        Scored(logger, attempt.ClipId, attempt.Score, player.Email); // clean logging-objects
        ScoredBy(logger, attempt.ClipId, player.Gamertag); // leak TC1001 logging-objects
        logger.LogSimrigOperationFailedEvent("online", attempt.Score < 44 ? "below-pass" : "pass", simrigNote: $"{player.Gamertag} scored {attempt.Score}"); // leak TC1001 generated-api
        meter.CreateSimrigSessionsCounter().Add(1, "online", simrigOutcome: "scored"); // clean generated-api
        meter.CreateSimrigSessionDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "online"); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clip {ClipId} scored {Score} by {Email}")]
    private static partial void Scored(ILogger logger, string clipId, int score, [PrivateData] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clip {ClipId} scored by {Gamertag}")]
    private static partial void ScoredBy(ILogger logger, string clipId, string gamertag);
}

namespace PrivacyHoldout154.Gaming;

/// <summary>Players who fit the brand's telematics box in their own car earn in-game credits for smooth driving; the box uploads a weekly score.</summary>
public sealed class TelematicsScoreIngest(
    ILogger<TelematicsScoreIngest> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source)
{
    private static readonly Meter ScoreMeter = new("RacePromo.Telematics");
    private static readonly Histogram<int> Scores = ScoreMeter.CreateHistogram<int>("telematics.score");

    private readonly ConcurrentDictionary<Guid, int> _bestScoreByPlayer = new();
    private TelematicsScore? _lastRejected;

    public void Ingest(TelematicsScore score, string platform)
    {
        using var span = source.StartRacepromoOperation(platform).SetRacepromoPlayerId(pseudonymizer.PseudonymizeRacepromoPlayerId(score.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("telematics.box_imei", score.BoxImei); // leak TC1001 direct
        Activity.Current?.SetTag("telematics.box_tac", score.BoxImei[..8]); // clean precision-about
        Activity.Current?.SetTag("telematics.miles", score.Miles); // clean precision-about
        Activity.Current?.SetTag("telematics.box_hash", HashCode.Combine(score.BoxImei)); // leak TC1002 hashes
        Scores.Record(score.Score, new KeyValuePair<string, object?>("player.platform", platform)); // clean precision-about
        Scores.Record(score.Score, new KeyValuePair<string, object?>("player.shard", HMACSHA256.HashData(secrets.ShardKey, score.PlayerId.ToByteArray())[0] % 32)); // clean hashes
        if (score.Miles < 10)
        {
            _lastRejected = score;
            logger.LogInformation("Score rejected: too few miles ({Miles})", score.Miles); // clean precision-about
            return;
        }

        _bestScoreByPlayer.AddOrUpdate(score.PlayerId, score.Score, (_, best) => Math.Max(best, score.Score));
        logger.LogInformation("Score {Score}", score); // leak TC1001 logging-objects
        logger.LogInformation("Score {Value} over {Miles} miles", score.Score, score.Miles); // clean precision-about
    }

    public void LogWeek()
    {
        var best = _bestScoreByPlayer.OrderByDescending(kv => kv.Value).FirstOrDefault();
        logger.LogInformation("Best player this week {PlayerId} with {Score}", best.Key, best.Value); // leak TC1001 cross-member
        logger.LogInformation("Best score this week {Score} of {Players} players", best.Value, _bestScoreByPlayer.Count); // clean cross-member
        logger.LogInformation("Last rejected upload {Upload}", _lastRejected); // leak TC1001 cross-member
        logger.LogInformation("Last rejected upload had {Miles} miles", _lastRejected?.Miles); // clean cross-member
    }
}

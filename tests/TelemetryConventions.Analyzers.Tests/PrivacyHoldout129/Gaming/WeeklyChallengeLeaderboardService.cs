namespace PrivacyHoldout129.Gaming;

public sealed record PlayerCard(Guid PlayerId, string Gamertag, string Email, string Region, string Platform);

public interface IPlayerDirectory
{
    Task<IReadOnlyDictionary<Guid, PlayerCard>> CardsAsync(IEnumerable<Guid> playerIds, CancellationToken cancellationToken);
}

/// <summary>The weekly calorie-burn challenge: closes the week, posts the regional boards and hands out badges.</summary>
public sealed partial class WeeklyChallengeLeaderboardService(
    ILeaderboardStore store,
    IPlayerDirectory players,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<WeeklyChallengeLeaderboardService> logger)
{
    private static readonly ActivitySource Source = new("BeatFit.Challenges");
    private static readonly Meter Meter = new("BeatFit.Challenges");
    private static readonly Counter<long> Badges = Meter.CreateCounter<long>("beatfit.badges.awarded");

    private Guid _lastChampion;

    [LoggerMessage(Level = LogLevel.Information, Message = "Champion of {Challenge} is {Gamertag}")]
    private static partial void LogChampion(ILogger logger, string challenge, string gamertag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Badge {Badge} to {Email}")]
    private static partial void LogBadgeMail(ILogger logger, string badge, [PrivateData] string email);

    public async Task CloseWeekAsync(string challengeId, CancellationToken cancellationToken)
    {
        using var span = Source.StartBeatfitSync(beatfitSource: "leaderboard");
        span.SetBeatfitChallenge(challengeId); // clean precision-names
        var board = await store.TopAsync(challengeId, 100, cancellationToken);
        span.SetBeatfitSampleCount(board.Size); // clean precision-about
        logger.LogInformation("Closing {Board}", board); // clean logging-objects

        var ids = board.Entries.Select(e => Guid.Parse(e.ParticipantId)).ToList();
        var cards = await players.CardsAsync(ids, cancellationToken);

        var byRegion = board.Entries.GroupBy(e => cards[Guid.Parse(e.ParticipantId)].Region).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Finishers by region {Regions}", byRegion); // clean logging-objects

        var champion = board.Entries.FirstOrDefault();
        if (champion is not null)
        {
            var card = cards[Guid.Parse(champion.ParticipantId)];
            _lastChampion = card.PlayerId;
            LogChampion(logger, challengeId, card.Gamertag); // leak TC1001 logging-objects
            LogBadgeMail(logger, "weekly-champion", card.Email); // clean logging-objects
            span.Activity?.SetTag("champion.value", champion.Value); // clean precision-about
            span.Activity?.SetTag("champion", champion); // leak TC1001 logging-objects
            Badges.Add(1, new KeyValuePair<string, object?>("badge", "weekly-champion"), new KeyValuePair<string, object?>("platform", card.Platform)); // clean precision-names
        }

        var podium = board.Entries.Take(3).Select(e => cards[Guid.Parse(e.ParticipantId)]).ToList();
        span.Activity?.SetTag("podium", string.Join(" / ", podium.Select(c => c.Gamertag))); // leak TC1001 strings
        span.Activity?.SetTag("podium.platforms", string.Join(" / ", podium.Select(c => c.Platform))); // clean precision-names
        span.Activity?.SetTag("podium.buckets", string.Join(",", podium.Select(c => HashCode.Combine(c.PlayerId) & 0xFF))); // leak TC1002 hashes
        span.Activity?.SetTag("podium.keyed_buckets", string.Join(",", podium.Select(c => HMACSHA256.HashData(secrets.ShardKey, c.PlayerId.ToByteArray())[0]))); // clean hashes
        Meter.CreateBeatfitActivitiesCounter().Add(board.Size, beatfitSport: "vr-workout", beatfitOutcome: "week-closed"); // clean generated-api
    }

    public void AnnounceLastChampion()
    {
        Activity.Current?.SetTag("last_champion", _lastChampion); // leak TC1001 cross-member
        Activity.Current?.SetTag("last_champion.pseudonym", pseudonymizer.PseudonymizeBeatfitPlayerId(_lastChampion.ToString()).Value); // clean precision-pseudonym
        Meter.CreateBeatfitActivitiesCounter().Add(1, beatfitSport: "vr-workout", beatfitOutcome: $"champion:{_lastChampion}"); // leak TC1003 generated-api
    }
}

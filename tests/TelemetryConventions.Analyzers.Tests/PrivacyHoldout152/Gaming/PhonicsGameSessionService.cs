namespace PrivacyHoldout152.Gaming;

/// <summary>Starts and ends game sessions of the phonics and counting games, at home or on a nursery's shared tablet, and applies the screen-time limit.</summary>
public sealed partial class PhonicsGameSessionService(
    IProfileStore profiles,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    NurseryOptions options,
    Meter meter,
    ILogger<PhonicsGameSessionService> logger)
{
    private static readonly ActivitySource Source = new("TinyPlay.Sessions");

    private readonly Dictionary<Guid, TimeSpan> playedToday = new();
    private Guid? longestPlayer;
    private NurseryTablet? lastTablet;

    public async Task<bool> StartAsync(Guid profileId, string game, NurseryTablet? tablet, CancellationToken cancellationToken)
    {
        using var span = Source.StartTinyplayOperation(game);
        span.SetTinyplayChildId(pseudonymizer.PseudonymizeTinyplayChildId(profileId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("play.profile_id", profileId); // leak TC1001 direct
        Activity.Current?.SetTag("play.game", game);

        if (tablet is not null)
        {
            lastTablet = tablet;
            Activity.Current?.SetTag("play.tablet", tablet.AssetTag); // clean precision-about
            logger.LogInformation("Session on {Tablet}", tablet); // clean logging-objects
        }

        var profile = await profiles.FindAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return false;
        }

        Activity.Current?.SetTag("play.age_months", profile.AgeMonths); // clean precision-about
        Activity.Current?.SetTag("play.avatar", profile.AvatarId); // clean precision-names
        Activity.Current?.SetBaggage("play.parent", profile.ParentAccountId); // leak TC1001 direct
        Activity.Current?.SetBaggage("play.parent", pseudonymizer.ComputeTinyplayParentId(profile.ParentAccountId)); // clean precision-pseudonym
        LogSessionStarted(logger, game, profile.Nickname); // leak TC1001 logging-objects
        LogSessionStartedRedacted(logger, game, profile.Nickname); // clean logging-objects

        var minutes = await profiles.MinutesTodayAsync(profileId, cancellationToken);
        if (minutes >= options.ScreenTimeMinutesPerDay)
        {
            var limit = new ScreenTimeLimitException(profileId, minutes);
            span.RecordException(limit); // clean exceptions
            logger.LogInformation(limit, "Screen time reached"); // leak TC1001 exceptions
            logger.LogTinyplayOperationFailedEvent(game, "screen-time", tinyplayChildId: pseudonymizer.PseudonymizeTinyplayChildId(profileId.ToString()), tinyplayNote: $"{minutes} minutes today"); // clean generated-api
            return false;
        }

        return true;
    }

    public void End(GameSession session)
    {
        playedToday[session.ProfileId] = playedToday.GetValueOrDefault(session.ProfileId) + session.Played;
        if (longestPlayer is null || playedToday[session.ProfileId] > playedToday[longestPlayer.Value])
        {
            longestPlayer = session.ProfileId;
        }

        meter.CreateTinyplaySessionDurationHistogram().Record(session.Played.TotalSeconds, session.Game); // clean generated-api
        meter.CreateTinyplaySessionsCounter().Add(1, session.Game, $"level-{session.Level}"); // clean generated-api
        logger.LogInformation("Session ended: {Level}", new GameLevel(session.Game, session.Level, Stars: 3)); // clean logging-objects
        Activity.Current?.SetTag("play.sample", SampledIn(session.ProfileId)); // clean hashes
        Activity.Current?.SetTag("play.profile_hash", session.ProfileId.GetHashCode()); // leak TC1002 hashes
    }

    public void LogDay()
    {
        logger.LogInformation("{Profiles} profiles played today", playedToday.Count); // clean cross-member
        logger.LogInformation("Longest player today: {ProfileId}", longestPlayer); // leak TC1001 cross-member
        logger.LogInformation("Last nursery tablet used: {AssetTag}", lastTablet?.AssetTag); // clean cross-member
    }

    private bool SampledIn(Guid profileId) =>
        HMACSHA256.HashData(secrets.ShardKey, profileId.ToByteArray())[0] < 26;

    [LoggerMessage(EventId = 5501, Level = LogLevel.Information, Message = "{Game} started by {Nickname}")]
    private static partial void LogSessionStarted(ILogger logger, string game, string nickname);

    [LoggerMessage(EventId = 5502, Level = LogLevel.Information, Message = "{Game} started by {Nickname}")]
    private static partial void LogSessionStartedRedacted(ILogger logger, string game, [PrivateData] string nickname);
}

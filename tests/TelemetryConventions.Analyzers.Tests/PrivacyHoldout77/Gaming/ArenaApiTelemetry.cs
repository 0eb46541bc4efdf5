namespace PrivacyHoldout77.Gaming;

internal static partial class ArenaLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Profile {Profile} served in contract {Version}")]
    public static partial void ProfileServed(ILogger logger, PlayerProfileDto profile, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gamertag of {PlayerId} changed from {Old} to {New}")]
    public static partial void GamertagChanged(ILogger logger, Guid playerId, string old, string @new);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Leaderboard {Region} page {Page} served with {Rows} rows")]
    public static partial void LeaderboardServed(ILogger logger, string region, int page, int rows);
}

public sealed class ArenaApiTelemetry(ILogger<ArenaApiTelemetry> logger)
{
    public void Served(PlayerProfileDto profile, ApiVersion version)
    {
        ArenaLog.ProfileServed(logger, profile, version.ToString()); // leak TC1001 logging-objects
        Activity.Current?.SetTag(ArenaapiAttributes.PlayerGamertag, profile.Gamertag); // leak TC1001 generated-api
        Activity.Current?.SetTag("arenaapi.profile.region", profile.Region); // clean precision-about
    }

    public void Renamed(PlayerAccount account, string previous)
    {
        ArenaLog.GamertagChanged(logger, account.PlayerId, previous, account.Gamertag); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("gamertag.changed", tags: new ActivityTagsCollection { ["gamertag.length.old"] = previous.Length, ["gamertag.length.new"] = account.Gamertag.Length })); // clean precision-about
    }

    public void Leaderboard(string region, int page, IReadOnlyList<LeaderboardRowDto> rows)
    {
        ArenaLog.LeaderboardServed(logger, region, page, rows.Count); // clean precision-about
        Activity.Current?.SetTag("arenaapi.leaderboard.top", rows.FirstOrDefault()?.ToString()); // clean logging-objects
    }
}

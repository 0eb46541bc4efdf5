namespace PrivacyHoldout77.Gaming;

public sealed class PlayerAccount
{
    public Guid PlayerId { get; init; }

    public required string Gamertag { get; set; }

    public required string Email { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public int Level { get; init; }

    public required string Region { get; init; }

    public string? PlatformAccountId { get; init; }

    public long LifetimeSpendCents { get; init; }
}

public sealed record PlayerProfileDto(Guid PlayerId, string Gamertag, int Level, string Region);

public sealed record LeaderboardRowDto(int Rank, int Score, string Region, string Season);

public sealed record PlayerProfileV2(string Handle, int Level, string Region, string? AvatarUrl);

[Mapper]
public static partial class PlayerMapper
{
    [MapperIgnoreSource(nameof(PlayerAccount.Email))]
    [MapperIgnoreSource(nameof(PlayerAccount.DateOfBirth))]
    public static partial PlayerProfileDto ToProfile(this PlayerAccount account);

    public static partial PlayerProfileV2 ToProfileV2(this PlayerProfileDto profile);
}

// The source generator writes this part; it is checked in beside the declarations so reviews see it.
public static partial class PlayerMapper
{
    public static partial PlayerProfileDto ToProfile(this PlayerAccount account) =>
        new(account.PlayerId, account.Gamertag, account.Level, account.Region);

    public static partial PlayerProfileV2 ToProfileV2(this PlayerProfileDto profile) =>
        new(profile.Gamertag, profile.Level, profile.Region, null);
}

public interface IPlayerStore
{
    IQueryable<PlayerAccount> Players { get; }
}

public sealed class ProfileEndpoints(IPlayerStore store, ILogger<ProfileEndpoints> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _served = meter.CreateCounter<long>("arenaapi.profiles.served", "{profile}");
    private readonly Counter<long> _views = meter.CreateCounter<long>("arenaapi.profiles.views_by_player", "{view}");

    public ActionResult GetProfile(ApiCall call, Guid playerId)
    {
        var span = Activity.Current.EnrichArenaapiRequest(call.RouteTemplate); // clean precision-about
        span.SetArenaapiPlayerId(pseudonymizer.PseudonymizeArenaapiPlayerId(playerId.ToString())); // clean precision-pseudonym
        var account = store.Players.SingleOrDefault(p => p.PlayerId == playerId);
        if (account is null)
        {
            logger.LogInformation("No profile for {PlayerId}", playerId); // leak TC1001 direct
            return new NotFoundResult(null);
        }

        var profile = account.ToProfile();
        var started = Stopwatch.GetTimestamp();
        object body = call.RequestedVersion.Major >= 2 ? profile.ToProfileV2() : profile;
        meter.CreateArenaapiMappingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, arenaapiContractVersion: call.RequestedVersion.ToString()); // clean precision-about

        logger.LogDebug("Serving profile {Profile}", body); // leak TC1001 logging-objects
        _served.Add(1, new TagList { { "region", profile.Region }, { "version", call.RequestedVersion.ToString() } }); // clean precision-about
        _views.Add(1, new TagList { { "player", pseudonymizer.ComputeArenaapiPlayerId(playerId.ToString()) } }); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("arenaapi.profile.level", profile.Level); // clean precision-about
        return new OkResult(body);
    }

    public ActionResult Leaderboard(string region, string season, int top)
    {
        var rows = store.Players
            .Where(p => p.Region == region)
            .OrderByDescending(p => p.Level)
            .Take(top)
            .Select((p, i) => new LeaderboardRowDto(i + 1, p.Level * 100, p.Region, season))
            .ToList();

        logger.LogDebug("Leaderboard rows {Rows}", rows); // clean logging-objects
        logger.LogInformation("Top of {Region} {Season}: {Top}", region, season, rows.FirstOrDefault()); // clean logging-objects

        var handles = store.Players.Where(p => p.Region == region).OrderByDescending(p => p.Level).Take(3).Select(p => p.Gamertag).ToList();
        logger.LogInformation("Podium for {Region}: {Handles}", region, handles); // leak TC1001 logging-objects
        return new OkResult(rows);
    }
}

namespace PrivacyHoldout111.Gaming;

public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Region, int Level, IReadOnlyList<string> Cosmetics);

public interface IProfileService
{
    Task<PlayerProfile> LoadAsync(Guid playerId, CancellationToken cancellationToken);
}

/// <summary>Profiles behind HybridCache: the lobby asks for every member's profile at once, so fills stampede.</summary>
public sealed class PlayerProfileCache(HybridCache cache, IProfileService profiles, Pseudonymizer pseudonymizer, ILogger<PlayerProfileCache> logger)
{
    private static readonly ActivitySource Source = new("Studio.Profiles.Cache");
    private static readonly Meter Meter = new("Studio.Profiles.Cache");
    private static readonly Counter<long> FactoryRuns = Meter.CreateCounter<long>("profiles.cache.factory_runs");
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromMinutes(30), LocalCacheExpiration = TimeSpan.FromMinutes(2) };

    private int _concurrentFills;
    private readonly PlaystateCacheFillDurationHistogram _fillDuration = Meter.CreatePlaystateCacheFillDurationHistogram();

    public async Task<PlayerProfile> GetAsync(Guid playerId, CancellationToken cancellationToken)
    {
        var key = $"profile:{playerId:N}";
        using var span = Source.StartPlaystateCacheFill("hybrid").SetPlaystatePlayerId(pseudonymizer.PseudonymizePlaystatePlayerId(playerId.ToString())); // clean precision-pseudonym
        var started = Stopwatch.GetTimestamp();
        var ran = false;
        var profile = await cache.GetOrCreateAsync(key, (profiles, playerId), async (state, ct) =>
        {
            ran = true;
            var concurrent = Interlocked.Increment(ref _concurrentFills);
            try
            {
                Activity.Current?.SetTag("profiles.fill.concurrent", concurrent); // clean precision-about
                return await state.profiles.LoadAsync(state.playerId, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _concurrentFills);
            }
        }, Entry, new[] { $"player:{playerId:N}", "profiles" }, cancellationToken);

        if (ran)
        {
            FactoryRuns.Add(1, new KeyValuePair<string, object?>("region", profile.Region)); // clean precision-names
            _fillDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "hybrid", "filled"); // clean direct
        }
        span.SetPlaystateCacheOutcome(ran ? "filled" : "hit").SetPlaystateEntries(profile.Cosmetics.Count); // clean precision-about
        span.Activity?.SetTag("profile.level", profile.Level); // clean precision-about
        span.Activity?.SetTag("profile.gamertag", profile.Gamertag); // leak TC1001 direct
        logger.LogDebug("Profile {CacheKey} served", key); // leak TC1001 strings
        return profile;
    }

    public async Task<IReadOnlyList<PlayerProfile>> LobbyAsync(Guid lobbyId, IReadOnlyList<Guid> members, CancellationToken cancellationToken)
    {
        var loaded = await Task.WhenAll(members.Select(m => GetAsync(m, cancellationToken)));
        logger.LogInformation("Lobby {LobbyId} profiles loaded for {Count} members", lobbyId, loaded.Length); // clean precision-names
        logger.LogDebug("Lobby {LobbyId} members {Members}", lobbyId, members); // leak TC1001 logging-objects
        logger.LogDebug("Lobby {LobbyId} tags {Gamertags}", lobbyId, string.Join(", ", loaded.Select(p => p.Gamertag))); // leak TC1001 strings
        Activity.Current?.SetTag("lobby.profile.regions", string.Join(",", loaded.Select(p => p.Region).Distinct())); // clean strings
        return loaded;
    }

    public async Task OnProfileChangedAsync(Guid playerId, string changedBy, CancellationToken cancellationToken)
    {
        await cache.RemoveByTagAsync($"player:{playerId:N}", cancellationToken);
        logger.LogPlaystateCacheEvictedEvent("hybrid", "removed", $"player:{playerId:N}"); // leak TC1001 generated-api
        logger.LogPlaystateCacheEvictedEvent("hybrid", "removed", "profiles", pseudonymizer.PseudonymizePlaystatePlayerId(playerId.ToString()), playstateNote: "profile changed"); // clean generated-api
        var lane = (playerId.GetHashCode() & 0x7fffffff) % 16;
        Activity.Current?.SetTag("profiles.invalidation.lane", lane); // leak TC1002 hashes
    }
}

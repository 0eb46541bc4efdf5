namespace PrivacyHoldout96.Gaming;

/// <summary>A document of the players index.</summary>
public sealed record PlayerDoc(Guid PlayerId, string Gamertag, string Platform, string Region, int Level);

/// <summary>The friend finder: gamertag autocomplete as the player types, recent searches, friend requests sent from a result.</summary>
public sealed class FriendFinderService(
    ISearchClient players,
    IRecentSearches recent,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<FriendFinderService> logger)
{
    private static readonly ActivitySource Source = new("Arena.FriendFinder");
    private readonly ArenarecSearchDurationHistogram _duration = meter.CreateArenarecSearchDurationHistogram();
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("arena.friend_finder.lookups");

    public async Task<IReadOnlyList<PlayerDoc>> SuggestAsync(Guid searcherId, string prefix, string platform, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartArenarecPlayerSearch();
        span.SetArenarecPlayerId(pseudonymizer.PseudonymizeArenarecPlayerId(searcherId.ToString())); // clean precision-pseudonym
        span.SetArenarecPrefixLength(prefix.Length); // clean precision-about
        span.SetArenarecPlatform(platform); // clean precision-names
        span.Activity?.SetTag(ArenarecAttributes.PlayerGamertag, prefix); // leak TC1001 generated-api

        var suggestions = await players.SuggestAsync<PlayerDoc>(prefix, "sg-gamertag", cancellationToken);
        span.SetArenarecResultCount(suggestions.Results.Count);
        span.SetArenarecNote(string.Join(",", suggestions.Results.Select(s => s.Text))); // leak TC1001 generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, platform); // clean generated-api
        logger.LogDebug("Friend suggestions for {Searcher}: {Count}", searcherId, suggestions.Results.Count); // leak TC1001 direct
        logger.LogTrace(string.Format(CultureInfo.InvariantCulture, "{0} searched '{1}' on {2}", searcherId, prefix, platform)); // leak TC1001 strings
        span.Activity?.SetTag("arena.friend_finder.request", $"platform={platform};len={prefix.Length};hits={suggestions.Results.Count}"); // clean strings
        _lookups.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("searcher_shard", KeyedBuckets.Of(secrets, searcherId.ToString(), 16))); // clean hashes

        var recentSearches = await recent.GetAsync(searcherId.ToString(), cancellationToken);
        logger.LogTrace("Recent friend searches {Recent}", recentSearches); // leak TC1001 logging-objects
        logger.LogTrace("{RecentCount} recent searches kept", recentSearches.Count); // clean precision-about
        await recent.PushAsync(searcherId.ToString(), prefix, cancellationToken);
        return suggestions.Results.Select(s => s.Document).ToList();
    }

    public void OnFriendRequestFromSearch(Guid fromPlayer, Guid toPlayer, string toGamertag, int position)
    {
        Activity.Current?.AddEvent(new ActivityEvent("friend_finder.request", tags: new ActivityTagsCollection { ["position"] = position, ["to"] = toGamertag })); // leak TC1001 direct
        Activity.Current?.SetTag("friend_finder.pair", HashCode.Combine(fromPlayer, toPlayer)); // leak TC1002 hashes
        Activity.Current?.SetTag("friend_finder.position", position);
        Activity.Current?.SetTag("friend_finder.gamertag_length", toGamertag.Length); // clean precision-about
    }
}

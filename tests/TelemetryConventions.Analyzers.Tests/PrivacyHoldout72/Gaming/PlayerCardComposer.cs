using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;

namespace PrivacyHoldout72.Gaming;

public sealed record ProfilePart(Guid PlayerId, string Gamertag, int Level, string Region);

public sealed record InventoryPart(int Items, int Skins, string FeaturedSkinId);

public sealed record MatchPart(string MatchId, string Mode, bool Won);

public sealed record FriendPart(Guid PlayerId, string Gamertag, bool Online);

/// <summary>The player card the lobby shows: profile, inventory, last matches and online friends.</summary>
public sealed record PlayerCard(ProfilePart Profile, InventoryPart Inventory, IReadOnlyList<MatchPart> LastMatches, IReadOnlyList<FriendPart> Friends);

/// <summary>
/// Composes the player card for <c>GET /players/{playerId}/card</c> from four services. A failed
/// part becomes an empty part; a failed profile fails the card. Cards are cached for 30 seconds.
/// </summary>
public sealed class PlayerCardComposer(HttpClient profiles, HttpClient inventory, HttpClient matches, HttpClient friends, IMemoryCache cache, Pseudonymizer pseudonymizer, Meter meter, ILogger<PlayerCardComposer> logger)
{
    private readonly EdgeRequestsCounter _requests = meter.CreateEdgeRequestsCounter();
    private readonly Histogram<int> _friendsOnline = meter.CreateHistogram<int>("edge.card.friends_online");
    private readonly List<string> _failedParts = [];

    public async Task<PlayerCard> ComposeAsync(Guid playerId, CancellationToken ct)
    {
        var playerRef = pseudonymizer.PseudonymizeEdgePlayerId(playerId.ToString());
        var span = Activity.Current.EnrichEdgeRequest("edge-card").SetEdgePlayerId(playerRef); // clean precision-pseudonym
        var key = ("card", playerId);

        if (cache.TryGetValue(key, out var hit))
        {
            logger.LogDebug("Card served from cache entry {Key}", key); // leak TC1001 logging-objects
            return (PlayerCard)hit!;
        }

        ProfilePart profile;
        try
        {
            profile = (await profiles.GetFromJsonAsync<ProfilePart>($"/profiles/{playerId}", ct))!;
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            span.SetEdgeOutcome("profile:not-found"); // clean precision-about
            throw new DownstreamException("profiles", 404, $"No profile for player {playerId}", ex);
        }

        var inventoryTask = PartAsync(() => inventory.GetFromJsonAsync<InventoryPart>($"/inventories/{playerId}", ct), new InventoryPart(0, 0, string.Empty), "inventory");
        var matchesTask = PartAsync(() => matches.GetFromJsonAsync<List<MatchPart>>($"/players/{playerId}/matches?take=5", ct), [], "matches");
        var friendsTask = PartAsync(() => friends.GetFromJsonAsync<List<FriendPart>>($"/players/{playerId}/friends?online=true", ct), [], "friends");
        await Task.WhenAll(inventoryTask, matchesTask, friendsTask);

        var card = new PlayerCard(profile, inventoryTask.Result, matchesTask.Result, friendsTask.Result);
        cache.Set(key, card, TimeSpan.FromSeconds(30));

        span.SetEdgeParts(4 - _failedParts.Count).SetEdgeMatchId(card.LastMatches.FirstOrDefault()?.MatchId ?? "none"); // clean precision-names
        _requests.Add(1, "edge-card", EdgeUpstream.Profiles, _failedParts.Count == 0 ? "ok" : "partial"); // clean precision-about
        _friendsOnline.Record(card.Friends.Count, new KeyValuePair<string, object?>("region", profile.Region)); // clean precision-about
        _friendsOnline.Record(card.Friends.Count, new KeyValuePair<string, object?>("player", profile.Gamertag)); // leak TC1003 direct
        logger.LogInformation("Card for {PlayerRef}: level {Level}, {Matches} matches, failed parts {FailedParts}", playerRef, profile.Level, card.LastMatches.Count, _failedParts); // clean precision-about
        logger.LogDebug("Online friends {Friends}", card.Friends.Select(f => f.Gamertag)); // leak TC1001 cross-member
        logger.LogDebug("Featured skin {SkinId}, modes {Modes}", card.Inventory.FeaturedSkinId, card.LastMatches.Select(m => m.Mode)); // clean precision-names
        Activity.Current?.SetTag("edge.card.profile", profile.ToString()); // leak TC1001 logging-objects
        return card;
    }

    private async Task<T> PartAsync<T>(Func<Task<T?>> call, T fallback, string part)
    {
        try
        {
            return await call() ?? fallback;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _failedParts.Add(part);
            logger.LogEdgeDownstreamFailedEvent("edge-card", part + ":" + ex.GetType().Name); // clean exceptions
            return fallback;
        }
    }
}

/// <summary>The gateway's exception handler for the card and profile routes.</summary>
public sealed class EdgeErrorMapper(ILogger<EdgeErrorMapper> logger)
{
    public GatewayProblem Map(HttpContext http, Exception exception)
    {
        var correlationId = Correlation.For(http);
        if (exception is DownstreamException { Service: "profiles" } missing)
        {
            Activity.Current?.AddException(missing); // leak TC1001 exceptions
            logger.LogInformation("Profile missing ({CorrelationId}); status {Status}", correlationId, missing.StatusCode); // clean exceptions
            return new GatewayProblem(404, "Player not found", missing.Message, correlationId);
        }

        logger.LogError(exception, "Card failed ({CorrelationId}) on {Path}", correlationId, http.Request.Path); // leak TC1001 strings
        return new GatewayProblem(502, "Try again shortly", null, correlationId);
    }
}

namespace PrivacyHoldout74.Gaming;

public sealed record MatchDoc(string MatchId, Guid PlayerId, Guid OpponentId, string Map, string Mode, DateTimeOffset EndedAt, bool Won);

/// <summary>The cursor of the match history list: the point in time and the last hit's sort values.</summary>
public sealed record MatchCursor(string PitId, long EndedAtMs, string MatchId);

/// <summary>The cursor the v1 app still sends: an offset and the player it was issued for.</summary>
public sealed record LegacyMatchCursor(Guid PlayerId, int Offset);

/// <summary>GET /players/{playerId}/matches: the match history list over a point in time, with map and opponent facets.</summary>
public sealed class MatchHistoryList(ISearchClient search, ActivitySource source, Meter meter, ILogger<MatchHistoryList> logger)
{
    private readonly Counter<long> _pages = meter.CreateCounter<long>("match_history.pages", "{page}");

    public async Task<Page<MatchDoc>> PageAsync(Guid playerId, string? cursor, string? mode, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayersearchQuery("matches");
        var after = cursor is null ? null : Cursor.Decode<MatchCursor>(cursor);
        Expression<Func<MatchDoc, bool>> mine = m => m.PlayerId == playerId && (mode == null || m.Mode == mode);
        logger.LogDebug("Match filter {Filter}", mine); // clean logging-objects

        var query = new
        {
            size = 25,
            pit = after is null ? null : new { id = after.PitId, keep_alive = "2m" },
            query = new { @bool = new { filter = new object[] { new { term = new { player_id = playerId } } } } },
            sort = new object[] { new { ended_at = "desc" }, new { match_id = "asc" } },
            search_after = after is null ? null : new object[] { after.EndedAtMs, after.MatchId },
            aggs = new { maps = new { terms = new { field = "map" } }, opponents = new { terms = new { field = "opponent_id", size = 5 } } },
        };
        logger.LogDebug("Match history query {Query}", QueryDsl.ToJson(query)); // leak TC1001 strings
        var response = await search.SearchAsync<MatchDoc>("matches", query, cancellationToken);
        span.SetPlayersearchCursorKind(after is null ? "first" : "pit");
        span.SetPlayersearchSort("ended_at desc, match_id asc"); // clean generated-api
        logger.LogDebug("Resumed at {EndedAt} after match {MatchId}", after?.EndedAtMs, after?.MatchId); // clean precision-about

        logger.LogDebug("Maps {Maps}", response.Aggregations["maps"]); // clean logging-objects
        var opponents = response.Aggregations["opponents"];
        logger.LogDebug("Frequent opponents {Opponents}", opponents.Select(b => b.Key)); // leak TC1001 logging-objects
        span.SetPlayersearchNote($"{opponents.Count} frequent opponents, most games {opponents.Select(b => b.DocCount).DefaultIfEmpty().Max()}"); // clean generated-api

        var last = response.Hits.Count == 0 ? null : response.Hits[^1];
        var next = last is null ? null : Cursor.Encode(new MatchCursor(response.PitId!, (long)last.Sort[0], (string)last.Sort[1]));
        Activity.Current?.SetTag("page.cursor", next); // clean hashes
        logger.LogDebug("Last hit sort values {Sort}", last?.Sort); // clean logging-objects
        _pages.Add(1, new KeyValuePair<string, object?>("mode", mode ?? "all"), new KeyValuePair<string, object?>("first_page", after is null)); // clean precision-about
        _pages.Add(1, new KeyValuePair<string, object?>("player", playerId)); // leak TC1003 direct
        return new Page<MatchDoc> { Items = response.Hits.Select(h => h.Source).ToList(), NextCursor = next, Total = response.Total };
    }

    public Page<MatchDoc> LegacyPage(string legacyCursor)
    {
        LegacyMatchCursor state;
        try
        {
            state = Cursor.Decode<LegacyMatchCursor>(legacyCursor);
        }
        catch (InvalidCursorException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return new Page<MatchDoc> { Items = Array.Empty<MatchDoc>() };
        }
        logger.LogInformation("Legacy cursor {Cursor} at offset {Offset}", legacyCursor, state.Offset); // leak TC1001 hashes
        logger.LogInformation("Legacy cursor at offset {Offset}", state.Offset); // clean precision-about
        Activity.Current?.SetTag("legacy.cursor.player", state.PlayerId); // leak TC1001 direct
        return new Page<MatchDoc> { Items = Array.Empty<MatchDoc>(), NextCursor = null };
    }
}

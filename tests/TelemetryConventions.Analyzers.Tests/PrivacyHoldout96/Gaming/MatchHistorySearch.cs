namespace PrivacyHoldout96.Gaming;

/// <summary>A document of the match history index: one player's side of a match.</summary>
public sealed record MatchDoc(string MatchId, Guid PlayerId, Guid OpponentId, string OpponentGamertag, string Map, string Mode, bool Won);

/// <summary>The "my matches" screen: a player searches their own history by opponent and map.</summary>
public sealed class MatchHistorySearch(ISearchClient matches, ILogger<MatchHistorySearch> logger)
{
    public async Task<IReadOnlyList<MatchDoc>> SearchAsync(Guid playerId, string? opponent, string? map, CancellationToken cancellationToken)
    {
        var clauses = new List<string> { $"playerId eq '{playerId}'" };
        if (map is not null)
        {
            clauses.Add($"map eq '{map}'");
        }
        var filter = string.Join(" and ", clauses);
        Activity.Current?.SetTag("history.filter", filter); // leak TC1001 strings
        Activity.Current?.SetTag("history.filter.clauses", clauses.Count); // clean precision-about
        Activity.Current?.SetTag("history.map", map); // clean precision-names
        Activity.Current?.SetTag("history.by_opponent", opponent is not null);
        try
        {
            var results = await matches.SearchAsync<MatchDoc>(opponent ?? "*", new SearchOptions { Filter = filter, Size = 50 }, cancellationToken);
            var docs = results.Results.Select(r => r.Document).ToList();
            logger.LogDebug("Opponents {Opponents}", docs.Select(d => d.OpponentGamertag).Distinct()); // leak TC1001 logging-objects
            logger.LogDebug("Maps {Maps}", docs.GroupBy(d => d.Map).Select(g => $"{g.Key}:{g.Count()}")); // clean strings
            logger.LogDebug("Win rate {WinRate:P0} over {Matches} matches", docs.Count == 0 ? 0 : docs.Count(d => d.Won) / (double)docs.Count, docs.Count); // clean precision-about
            logger.LogDebug("Most played opponent {Opponent}", docs.GroupBy(d => d.OpponentId).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key); // leak TC1001 direct
            logger.LogDebug("Match ids {Matches}", docs.Select(d => d.MatchId).Take(10)); // clean precision-names
            return docs;
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("History search refused: {Status} {Code}", ex.Status, ex.ErrorCode); // clean exceptions
            return Array.Empty<MatchDoc>();
        }
    }
}

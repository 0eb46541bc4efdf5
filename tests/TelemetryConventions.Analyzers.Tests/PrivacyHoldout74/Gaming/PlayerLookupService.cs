namespace PrivacyHoldout74.Gaming;

public sealed record PlayerDoc(Guid PlayerId, string Gamertag, string Platform, string Region, int SkillTier);

/// <summary>Friend search: gamertag search-as-you-type over the players index, and the support tool's advanced search.</summary>
public sealed partial class PlayerLookupService(
    ISearchClient search,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PlayerLookupService> logger)
{
    private const string Index = "players-v12";

    public async Task<IReadOnlyList<PlayerDoc>> FindAsync(Guid searcher, string typed, string? platform, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayersearchQuery(Index);
        span.SetPlayersearchPlayerId(pseudonymizer.PseudonymizePlayersearchPlayerId(searcher.ToString())); // clean precision-pseudonym
        span.SetPlayersearchQueryKind(typed.Length < 3 ? "prefix" : "fuzzy");
        GamertagTyped(logger, searcher, typed.Length); // leak TC1001 direct
        var lane = (uint)typed.ToLowerInvariant().GetHashCode() % 16;
        Activity.Current?.SetTag("search.lane", lane); // leak TC1002 hashes
        var sampled = HMACSHA256.HashData(secrets.ShardKey, searcher.ToByteArray())[0] < 26;
        Activity.Current?.SetTag("search.sampled", sampled); // clean hashes

        var query = new Dictionary<string, object>
        {
            ["size"] = 10,
            ["query"] = new
            {
                @bool = new
                {
                    should = new object[]
                    {
                        new { prefix = new { gamertag_lower = typed.ToLowerInvariant() } },
                        new { fuzzy = new { gamertag = new { value = typed, fuzziness = "AUTO" } } },
                    },
                },
            },
        };
        if (platform is not null)
        {
            query["post_filter"] = new { term = new { platform } };
        }
        logger.LogTrace("Player query {Query}", QueryDsl.ToJson(query)); // leak TC1001 strings
        logger.LogTrace("Player query sections {Sections}", query.Keys); // clean logging-objects

        var started = Stopwatch.GetTimestamp();
        var response = await search.SearchAsync<PlayerDoc>(Index, query, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        meter.CreatePlayersearchQueryDurationHistogram().Record(elapsed, Index, playersearchQueryKind: "prefix"); // clean precision-about
        meter.CreatePlayersearchQueryDurationHistogram().Record(elapsed, Index, playersearchPlayerId: pseudonymizer.PseudonymizePlayersearchPlayerId(searcher.ToString())); // leak TC1003 precision-pseudonym
        span.SetPlayersearchResultCount(response.Hits.Count);
        Activity.Current?.SetTag("players.found", string.Join(",", response.Hits.Select(h => h.Source.Gamertag))); // leak TC1001 direct
        Activity.Current?.SetTag("players.found.platforms", string.Join(",", response.Hits.Select(h => h.Source.Platform).Distinct())); // clean precision-about
        if (response.Hits.Count == 0)
        {
            span.AddPlayersearchZeroResultsEvent(Index, playersearchNote: $"no gamertag like '{typed}'"); // leak TC1001 generated-api
            span.AddPlayersearchZeroResultsEvent(Index, playersearchQueryKind: "prefix", playersearchNote: $"{typed.Length} characters, platform {platform ?? "any"}"); // clean generated-api
        }
        return response.Hits.Select(h => h.Source).ToList();
    }

    /// <summary>Support agents write Lucene query strings (gamertag:..., region:...) against the players index.</summary>
    public async Task<IReadOnlyList<PlayerDoc>> AdvancedAsync(string luceneQuery, CancellationToken cancellationToken)
    {
        try
        {
            var response = await search.SearchAsync<PlayerDoc>(Index, new { query = new { query_string = new { query = luceneQuery, default_field = "gamertag" } } }, cancellationToken);
            logger.LogInformation("Advanced search matched {Total} players in {TookMs} ms", response.Total, response.TookMs); // clean precision-about
            logger.LogInformation("Advanced search matched {Players}", response.Hits.Select(h => h.Source)); // leak TC1001 logging-objects
            return response.Hits.Select(h => h.Source).ToList();
        }
        catch (QueryParseException ex)
        {
            logger.LogWarning(ex, "Advanced player search rejected"); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.ErrorType); // clean exceptions
            return Array.Empty<PlayerDoc>();
        }
        catch (SearchTimeoutException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return Array.Empty<PlayerDoc>();
        }
    }

    [LoggerMessage(EventId = 7430, Level = LogLevel.Debug, Message = "Player {Searcher} typed {Length} characters")]
    private static partial void GamertagTyped(ILogger logger, Guid searcher, int length);
}

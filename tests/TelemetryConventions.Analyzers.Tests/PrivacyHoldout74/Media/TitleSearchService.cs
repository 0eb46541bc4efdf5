namespace PrivacyHoldout74.Media;

public sealed record TitleDoc(string TitleId, string Name, string Genre, int Year, string Rating);

/// <summary>Title search and autocomplete of the streaming apps, with a per-profile search history and click feedback.</summary>
public sealed partial class TitleSearchService(
    ISearchClient search,
    ISearchHistory history,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TitleSearchService> logger)
{
    private const string Index = "titles-gb-v5";
    private readonly Dictionary<string, IReadOnlyList<TitleDoc>> _results = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> SuggestAsync(Guid subscriberId, string profileId, string prefix, CancellationToken cancellationToken)
    {
        using var span = source.StartTitlesearchQuery("titles-suggest");
        span.SetTitlesearchSubscriberId(pseudonymizer.PseudonymizeTitlesearchSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        span.SetTitlesearchQueryKind("prefix");
        Activity.Current?.SetTag(TitlesearchAttributes.QueryText, prefix); // leak TC1001 generated-api
        Activity.Current?.AddEvent(new ActivityEvent("suggest", tags: new ActivityTagsCollection { ["prefix.length"] = prefix.Length, ["profile.kids"] = profileId.StartsWith("k-", StringComparison.Ordinal) })); // clean precision-about
        var suggestions = await search.CompleteAsync(Index, "name.suggest", prefix, 6, cancellationToken);
        Activity.Current?.SetTag("suggest.titles", string.Join("|", suggestions)); // clean precision-about
        return suggestions;
    }

    public async Task<IReadOnlyList<TitleDoc>> SearchAsync(Guid subscriberId, string profileId, string text, CancellationToken cancellationToken)
    {
        var normalised = string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var cacheKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
        Activity.Current?.SetTag("search.cache_key", cacheKey); // leak TC1002 hashes
        if (_results.TryGetValue(normalised, out var cached))
        {
            logger.LogDebug("Result cache hit for {Query}", normalised); // leak TC1001 strings
            logger.LogDebug("Result cache hit ({Entries} entries)", _results.Count); // clean precision-about
            return cached;
        }

        using var scope = logger.BeginScope("Profile {ProfileId}", profileId); // leak TC1001 direct
        var query = new
        {
            size = 40,
            query = new { multi_match = new { query = normalised, fields = new[] { "name^4", "cast", "synopsis" }, type = "bool_prefix" } },
            aggs = new { genres = new { terms = new { field = "genre" } } },
        };
        SearchResponse<TitleDoc> response;
        try
        {
            response = await search.SearchAsync<TitleDoc>(Index, query, cancellationToken);
        }
        catch (QueryParseException ex)
        {
            logger.LogError(ex, "Title search rejected by {Index}", ex.Index); // leak TC1001 exceptions
            return Array.Empty<TitleDoc>();
        }
        logger.LogDebug("{Debug}", response.DebugInformation); // leak TC1001 cross-member
        logger.LogInformation("Title search took {TookMs} ms, {Total} hits, genres {Genres}", response.TookMs, response.Total, response.Aggregations["genres"]); // clean logging-objects
        await history.AppendAsync(profileId, normalised, cancellationToken);
        if (response.Total == 0)
        {
            logger.LogTitlesearchZeroResultsEvent(Index, titlesearchSubscriberId: pseudonymizer.PseudonymizeTitlesearchSubscriberId(subscriberId.ToString()), titlesearchNote: $"{normalised.Split(' ').Length} terms"); // clean generated-api
            logger.LogWarning("Zero results for subscriber {Subscriber}: {Query}", subscriberId, normalised); // leak TC1001 direct
        }
        meter.CreateTitlesearchQueriesCounter().Add(1, Index, titlesearchOutcome: response.Total == 0 ? "zero_results" : "ok"); // clean precision-about
        var titles = response.Hits.Select(h => h.Source).ToList();
        _results[normalised] = titles;
        return titles;
    }

    public async Task LogRecentAsync(string profileId, CancellationToken cancellationToken)
    {
        var recent = await history.RecentAsync(profileId, 20, cancellationToken);
        logger.LogDebug("Recent searches of the profile: {Recent}", recent); // leak TC1001 logging-objects
        logger.LogDebug("{Count} recent searches, {Distinct} distinct", recent.Count, recent.Distinct().Count()); // clean precision-about
        logger.LogDebug("Cached queries: {Queries}", _results.Keys); // leak TC1001 cross-member
    }

    public void Clicked(Guid searchId, Guid subscriberId, string titleId, int position, double score)
    {
        TitleClicked(logger, searchId, titleId, position, score); // clean precision-about
        ClickedBy(logger, subscriberId, titleId); // leak TC1001 direct
        OpenTelemetry.Baggage.SetBaggage("subscriber.ref", pseudonymizer.PseudonymizeTitlesearchSubscriberId(subscriberId.ToString()).Value); // clean precision-pseudonym
        meter.CreateTitlesearchQueriesCounter().Add(1, Index, titlesearchOutcome: $"click:{pseudonymizer.PseudonymizeTitlesearchSubscriberId(subscriberId.ToString())}"); // leak TC1003 precision-pseudonym
    }

    [LoggerMessage(EventId = 7440, Level = LogLevel.Information, Message = "Search {SearchId}: title {TitleId} clicked at {Position} (score {Score})")]
    private static partial void TitleClicked(ILogger logger, Guid searchId, string titleId, int position, double score);

    [LoggerMessage(EventId = 7441, Level = LogLevel.Information, Message = "Subscriber {SubscriberId} opened {TitleId} from search")]
    private static partial void ClickedBy(ILogger logger, Guid subscriberId, string titleId);
}

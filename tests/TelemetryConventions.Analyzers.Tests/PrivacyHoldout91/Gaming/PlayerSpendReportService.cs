using ReportKit.Caching;

namespace PrivacyHoldout91.Gaming;

/// <summary>A player's spend over a report window.</summary>
public sealed record PlayerSpend(Guid PlayerId, string Gamertag, string Platform, string Country, decimal Spend, int Purchases);

/// <summary>The parameters the spend report reads from its query string. Prints its members.</summary>
public sealed record SpendReportQuery(string Title, DateOnly From, DateOnly To, Guid? PlayerId, string? Platform);

/// <summary>
/// The monetisation team's spend reports: a title's spend by platform and the top spenders list, and one
/// player's purchase history for the player-support console; with drill-through links from a top spender
/// to their history and a result cache keyed by the report's parameters.
/// </summary>
public sealed class PlayerSpendReportService(
    IReportDataSource data,
    IReportCache cache,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<PlayerSpendReportService> logger)
{
    private readonly Histogram<double> _queryDuration = meter.CreateHistogram<double>("spendrpt.query.duration", "s");

    public static SpendReportQuery Parse(QueryCollection query) =>
        new(query["title"], DateOnly.Parse(query["from"], CultureInfo.InvariantCulture), DateOnly.Parse(query["to"], CultureInfo.InvariantCulture),
            Guid.TryParse(query["player"], out var player) ? player : null, query.TryGetValue("platform", out var platform) ? platform : null);

    public async Task<IReadOnlyList<PlayerSpend>> TopSpendersAsync(ReportHttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = Parse(request.Query) with { PlayerId = null };
        using var span = source.StartSpendrptRender("rpt-top-spenders", "html");
        logger.LogInformation("Top spenders {Query}", parameters); // clean logging-objects
        Activity.Current?.SetTag("url.query", request.QueryString); // clean strings

        var query = new ReportQuery("top-spenders", "SELECT TOP (@n) player_id, gamertag, platform, country, SUM(amount), COUNT(*) FROM purchases WHERE title = @title AND day BETWEEN @from AND @to GROUP BY player_id, gamertag, platform, country ORDER BY 5 DESC", options.CommandTimeout)
        {
            Parameters = { ["@n"] = options.TopN, ["@title"] = parameters.Title, ["@from"] = parameters.From, ["@to"] = parameters.To },
        };
        var stopwatch = Stopwatch.StartNew();
        var table = await data.QueryAsync(query, cancellationToken);
        _queryDuration.Record(stopwatch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("query", query.Tag), new KeyValuePair<string, object?>("title", parameters.Title));

        var top = table.Rows.Select(r => new PlayerSpend((Guid)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (decimal)r[4]!, (int)r[5]!)).ToList();
        span.SetSpendrptRowCount(top.Count);
        logger.LogInformation("Top spenders {Gamertags}", string.Join(", ", top.Select(t => t.Gamertag))); // leak TC1001 strings
        logger.LogInformation("Top spend {Top} to {Cutoff} over {Purchases} purchases", top[0].Spend, top[^1].Spend, top.Sum(t => t.Purchases)); // clean precision-about
        logger.LogInformation("Top spenders by platform {Platforms}", top.CountBy(t => t.Platform)); // clean logging-objects
        Activity.Current?.SetTag("report.top.player", top[0].PlayerId); // leak TC1001 direct
        span.SetSpendrptPlayerId(pseudonymizer.PseudonymizeSpendrptPlayerId(top[0].PlayerId.ToString())); // clean precision-pseudonym

        foreach (var spender in top.Take(3))
        {
            var link = DrillThrough.Link(options.PortalBaseUrl, "/Spend/PlayerHistory", new Dictionary<string, string> { ["player"] = spender.PlayerId.ToString(), ["title"] = parameters.Title });
            Activity.Current?.AddEvent(new ActivityEvent("report.drillthrough", tags: new ActivityTagsCollection { ["url.full"] = link })); // leak TC1001 strings
        }

        return top;
    }

    public async Task<ReportTable> PlayerHistoryAsync(SpendReportQuery parameters, CancellationToken cancellationToken)
    {
        using var span = source.StartSpendrptRender("rpt-player-history", "html");
        var values = new Dictionary<string, string> { ["player"] = parameters.PlayerId!.Value.ToString(), ["title"] = parameters.Title, ["from"] = parameters.From.ToString("O", CultureInfo.InvariantCulture) };
        var key = ReportCacheKey.For("rpt-player-history", values);
        span.SetSpendrptCacheKey(key); // leak TC1001 generated-api
        logger.LogDebug("History cache key has {Parts} parts, {Length} chars", values.Count, key.Length); // clean precision-about

        if (cache.TryGet(key, out var cached) && cached is not null)
        {
            span.SetSpendrptOutcome("cached");
            return ReportTable.FromCsv(cached);
        }

        var query = new ReportQuery("player-history", "SELECT day, sku, amount, store FROM purchases WHERE player_id = @player AND title = @title AND day >= @from", options.CommandTimeout)
        {
            Parameters = { ["@player"] = parameters.PlayerId, ["@title"] = parameters.Title, ["@from"] = parameters.From },
        };
        logger.LogDebug("History query {Text}", query.CommandText); // clean precision-names
        try
        {
            return await data.QueryAsync(query, cancellationToken);
        }
        catch (QueryTimeoutException ex)
        {
            logger.LogSpendrptReportFailedEvent("rpt-player-history", "timeout", pseudonymizer.PseudonymizeSpendrptPlayerId(parameters.PlayerId.Value.ToString()), ex.Message); // clean generated-api
            logger.LogWarning("History for {Player} timed out after {Timeout}", parameters.PlayerId, ex.Message); // leak TC1001 direct
            throw;
        }
    }
}

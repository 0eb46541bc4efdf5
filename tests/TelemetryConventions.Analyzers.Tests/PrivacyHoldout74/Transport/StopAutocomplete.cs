namespace PrivacyHoldout74.Transport;

public sealed record StopDoc(string StopId, string Name, string Zone, double Lat, double Lon);

/// <summary>The journey planner's place box over the stops index, its advanced query box, and the disruption search by route.</summary>
public sealed partial class StopAutocomplete(
    ISearchClient search,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<StopAutocomplete> logger)
{
    private const string Index = "stops-v4";
    private readonly Queue<string> _unanswered = new();

    public async Task<IReadOnlyList<StopDoc>> CompleteAsync(string typed, string? zone, CancellationToken cancellationToken)
    {
        using var span = source.StartTripsearchQuery(Index);
        span.SetTripsearchQueryKind(typed.Any(char.IsDigit) ? "stop_code" : "name");
        Activity.Current?.SetTag("planner.typed", typed); // leak TC1001 direct
        Activity.Current?.SetTag("planner.typed.length", typed.Length); // clean precision-about
        Activity.Current?.SetTag(TripsearchAttributes.QueryText, typed.Trim()); // leak TC1001 generated-api
        var sampled = SHA1.HashData(Encoding.UTF8.GetBytes(typed.ToLowerInvariant()))[0] < 13;
        Activity.Current?.SetTag("planner.sampled", sampled); // leak TC1002 hashes
        var keyedSample = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(typed.ToLowerInvariant()))[0] < 13;
        Activity.Current?.SetTag("planner.sampled.keyed", keyedSample); // clean hashes

        var query = new
        {
            size = 8,
            query = new
            {
                @bool = new
                {
                    must = new { match_phrase_prefix = new { name = typed } },
                    filter = zone is null ? Array.Empty<object>() : new object[] { new { term = new { zone } } },
                },
            },
        };
        logger.LogDebug("Stop query {Query}", QueryDsl.ToJson(query)); // leak TC1001 strings
        var response = await search.SearchAsync<StopDoc>(Index, query, cancellationToken);
        meter.CreateTripsearchQueryDurationHistogram().Record(response.TookMs, Index, tripsearchQueryKind: "name"); // clean precision-about
        span.SetTripsearchResultCount(response.Hits.Count);
        logger.LogDebug("Stops {Stops}", response.Hits.Select(h => h.Source.StopId)); // clean logging-objects
        logger.LogDebug("Stop hits {Hits}", response.Hits); // clean logging-objects
        if (response.Hits.Count == 0)
        {
            logger.LogTripsearchZeroResultsEvent(Index, tripsearchQueryKind: "name", tripsearchNote: $"nothing for \"{typed}\" in {zone ?? "any zone"}"); // leak TC1001 generated-api
            logger.LogTripsearchZeroResultsEvent(Index, tripsearchQueryKind: "name", tripsearchNote: $"zone {zone ?? "any"}, {typed.Length} characters"); // clean generated-api
            _unanswered.Enqueue(typed);
        }
        return response.Hits.Select(h => h.Source).ToList();
    }

    /// <summary>The planner's advanced box takes a query string a rider writes: name:"…" AND zone:2.</summary>
    public async Task<IReadOnlyList<StopDoc>> AdvancedAsync(string riderQuery, CancellationToken cancellationToken)
    {
        try
        {
            var response = await search.SearchAsync<StopDoc>(Index, new { query = new { query_string = new { query = riderQuery } } }, cancellationToken);
            if (response.Total > 500)
            {
                throw new TooManyResultsException(Index, 500, response.Total);
            }
            return response.Hits.Select(h => h.Source).ToList();
        }
        catch (QueryParseException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            PlannerQueryRejected(logger, ex.ErrorType, riderQuery.Length); // clean precision-about
            return Array.Empty<StopDoc>();
        }
        catch (TooManyResultsException ex)
        {
            logger.LogInformation(ex, "Planner query too broad"); // clean exceptions
            return Array.Empty<StopDoc>();
        }
    }

    /// <summary>Stops affected by disruptions on the given routes; the query string is built from route codes.</summary>
    public async Task<IReadOnlyList<Bucket>> DisruptedStopsAsync(IReadOnlyList<string> routes, CancellationToken cancellationToken)
    {
        var queryText = string.Join(" OR ", routes.Select(r => $"routes:\"{r}\""));
        try
        {
            var response = await search.SearchAsync<StopDoc>(Index, new { size = 0, query = new { query_string = new { query = queryText } }, aggs = new { by_zone = new { terms = new { field = "zone" } } } }, cancellationToken);
            logger.LogInformation("Disrupted stops by zone {Zones}", response.Aggregations["by_zone"]); // clean logging-objects
            return response.Aggregations["by_zone"];
        }
        catch (QueryParseException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return Array.Empty<Bucket>();
        }
    }

    /// <summary>Every hour the places nobody found are sent to the gazetteer team's log stream.</summary>
    public void FlushUnanswered()
    {
        while (_unanswered.TryDequeue(out var place))
        {
            logger.LogInformation("Unanswered place search {Place}", place); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 7470, Level = LogLevel.Warning, Message = "Planner query rejected ({ErrorType}, {Length} characters)")]
    private static partial void PlannerQueryRejected(ILogger logger, string errorType, int length);
}

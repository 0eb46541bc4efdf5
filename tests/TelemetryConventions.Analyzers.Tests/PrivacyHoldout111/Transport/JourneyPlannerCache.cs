namespace PrivacyHoldout111.Transport;

public sealed record SavedJourney(Guid RiderId, string Label, string FromStop, string ToStop);

public sealed record Departures(string StopId, string Route, IReadOnlyList<DateTimeOffset> Times);

/// <summary>
/// The journey planner: departure boards output-cached per stop, a rider's saved journeys in IDistributedCache,
/// and the planner's session remembering the rider and the last search.
/// </summary>
public sealed class JourneyPlannerCache(IDistributedCache cache, IMemoryCache boards, Pseudonymizer pseudonymizer, ILogger<JourneyPlannerCache> logger)
{
    private static readonly ActivitySource Source = new("Transit.Planner");
    private static readonly Meter Meter = new("Transit.Planner");
    private static readonly Counter<long> BoardHits = Meter.CreateCounter<long>("planner.boards.hits");

    public Departures Board(string stopId, string route, Func<Departures> load)
    {
        var key = $"departures:{stopId}:{route}";
        if (boards.TryGetValue<Departures>(key, out var cached) && cached is not null)
        {
            BoardHits.Add(1, new KeyValuePair<string, object?>("stop", stopId), new KeyValuePair<string, object?>("route", route)); // clean precision-names
            return cached;
        }
        var fresh = boards.Set(key, load(), TimeSpan.FromSeconds(30));
        using var span = Source.StartFarestateCacheFill("memory").SetFarestateCacheKey(key).SetFarestateRoute(route); // clean generated-api
        span.SetFarestateEntries(fresh.Times.Count); // clean precision-about
        logger.LogDebug("Board {Board} filled", fresh); // clean logging-objects
        return fresh;
    }

    public async Task<IReadOnlyList<SavedJourney>> SavedAsync(StateHttpContext http, Guid riderId, CancellationToken cancellationToken)
    {
        var key = $"saved-journeys:{riderId:N}";
        http.Session.SetString("rider", riderId.ToString("N"));
        var json = await cache.GetStringAsync(key, cancellationToken);
        using var span = Source.StartFarestateSession(json is null ? "miss" : "hit");
        span.Activity?.SetTag(FarestateAttributes.RiderId, pseudonymizer.ComputeFarestateRiderId(riderId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag(FarestateAttributes.RiderId, riderId.ToString()); // leak TC1001 direct
        var saved = json is null ? new List<SavedJourney>() : JsonSerializer.Deserialize<List<SavedJourney>>(json)!;
        span.Activity?.SetTag("planner.saved.count", saved.Count); // clean precision-about
        logger.LogDebug("Saved journeys {Labels}", string.Join(" | ", saved.Select(s => s.Label))); // leak TC1001 strings
        logger.LogDebug("Saved journey stops {Stops}", string.Join(",", saved.Select(s => $"{s.FromStop}>{s.ToStop}"))); // clean strings
        return saved;
    }

    public void RememberSearch(StateHttpContext http, string fromStop, string toStop)
    {
        http.Session.SetString("last-search", $"{fromStop}>{toStop}");
        var rider = http.Session.GetString("rider");
        Activity.Current?.SetTag("planner.search", http.Session.GetString("last-search")); // clean cross-member
        Activity.Current?.SetTag("planner.rider.signed_in", rider is not null); // clean precision-about
        logger.LogDebug("Planner search by {Rider}", rider); // leak TC1001 cross-member
        Activity.Current?.SetTag("planner.remote", http.Request.RemoteIpAddress); // leak TC1001 direct
    }
}

namespace PrivacyHoldout102.Transport;

public sealed record JourneyRow(string CardNumber, string FromStop, string ToStop, DateTime StartedAt, decimal Fare);

/// <summary>Journey history and route loads over Dapper, timed by one wrapper that logs what ran when it is slow.</summary>
public sealed class JourneyDapperQueries(IDbConnection connection, IDatabase redis, ILogger<JourneyDapperQueries> logger, DataAccessOptions options, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Journeys");
    private static readonly Meter Meter = new("Transit.Fares.Journeys");

    public async Task<IReadOnlyList<JourneyRow>> JourneysForRiderAsync(Guid riderId, string cardNumber, CancellationToken ct)
    {
        var rows = await TimedAsync("journeys-by-card", "SELECT CardNumber, FromStop, ToStop, StartedAt, Fare FROM Journeys WHERE CardNumber = @cardNumber", new { cardNumber }, ct);
        Activity.Current?.SetTag("journeys.rider", riderId.ToString()); // leak TC1001 direct
        Activity.Current?.SetTag("journeys.count", rows.Count); // clean precision-about
        Activity.Current?.SetTag("journeys.spent", rows.Sum(r => r.Fare)); // clean precision-about
        logger.LogInformation("Journeys {Journeys}", rows); // leak TC1001 logging-objects
        return rows;
    }

    public async Task<int> RouteLoadAsync(string routeCode, DateOnly day, CancellationToken ct)
    {
        var rows = await TimedAsync("route-load", "SELECT CardNumber, FromStop, ToStop, StartedAt, Fare FROM Journeys WHERE RouteCode = @routeCode AND CAST(StartedAt AS date) = @day", new { routeCode, day }, ct);
        logger.LogInformation("Route {Route} carried {Journeys} journeys on {Day}", routeCode, rows.Count, day); // clean precision-about
        logger.LogDebug("Busiest boarding stop {Stop}", rows.GroupBy(r => r.FromStop).MaxBy(g => g.Count())?.Key); // clean precision-names
        var regulars = rows.GroupBy(r => r.CardNumber).Where(g => g.Count() > 2).Select(g => g.Key).ToList();
        logger.LogDebug("Regulars on {Route}: {Cards}", routeCode, string.Join(",", regulars)); // leak TC1001 strings
        logger.LogDebug("Regular card buckets {Buckets}", string.Join(",", regulars.Select(c => KeyedShard.Of(secrets.ShardKey, c, 100)))); // clean hashes
        return rows.Count;
    }

    public async Task<long> TapCounterAsync(string readerId, CancellationToken ct)
    {
        var key = $"taps:{readerId}:{DateTime.UtcNow:yyyyMMddHH}";
        var count = await redis.StringIncrementAsync(key);
        Activity.Current?.SetTag("reader.counter_key", key); // clean precision-names
        Activity.Current?.SetTag("reader.taps_this_hour", count); // clean precision-about
        return count;
    }

    private async Task<IReadOnlyList<JourneyRow>> TimedAsync(string name, string sql, object parameters, CancellationToken ct)
    {
        using var span = Source.StartFarestoreQuery(name).SetFarestoreDbOperation("select");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var rows = (await connection.QueryAsync<JourneyRow>(sql, parameters, commandTimeout: options.CommandTimeoutSeconds)).ToList();
            Meter.CreateFarestoreQueryDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, name, "Journey"); // clean generated-api
            return rows;
        }
        catch (SqlServerException ex) when (ex.Number == -2)
        {
            span.RecordException(ex, includeMessage: true).SetFarestoreOutcome("timeout"); // clean exceptions
            logger.LogError(ex, "Journey query {Name} timed out", name); // clean exceptions
            throw;
        }
    }
}

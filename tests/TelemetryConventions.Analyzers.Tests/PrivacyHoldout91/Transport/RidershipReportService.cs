using ReportKit.Caching;

namespace PrivacyHoldout91.Transport;

/// <summary>A journey as the ticketing data set holds it.</summary>
public sealed record Journey(string CardNumber, Guid? RiderId, string Route, string OriginStop, string DestinationStop, DateTimeOffset TapOn, decimal Fare);

/// <summary>
/// Ridership reporting: boardings by route and hour, the origin-destination matrix published to the
/// council with small cells suppressed, and a card's journey report for the refunds team.
/// </summary>
public sealed class RidershipReportService(
    IReportDataSource data,
    IReportCache cache,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ReportingOptions options,
    ILogger<RidershipReportService> logger)
{
    private readonly Counter<long> _boardings = meter.CreateCounter<long>("ridershiprpt.boardings.reported", "{boarding}");

    public async Task<SuppressionResult> OriginDestinationAsync(string week, CancellationToken cancellationToken)
    {
        using var span = source.StartRidershiprptRender("rpt-od-matrix", "csv");
        var journeys = await JourneysAsync("od-week", "SELECT card_number, rider_id, route, origin, destination, tap_on, fare FROM journeys WHERE iso_week = @week", new() { ["@week"] = week }, cancellationToken); // clean precision-names
        foreach (var route in journeys.GroupBy(j => j.Route))
        {
            _boardings.Add(route.Count(), new KeyValuePair<string, object?>("route", route.Key), new KeyValuePair<string, object?>("week", week));
        }

        var matrix = PivotTable.Build(journeys, "origin", j => j.OriginStop, "destination", j => j.DestinationStop, _ => 1m);
        var result = SmallCellSuppression.Apply(matrix, options.SmallCellThreshold);
        span.SetRidershiprptSuppressedCells(result.SuppressedCells).SetRidershiprptRowCount(matrix.Cells.Count);
        logger.LogInformation("OD matrix {Result}", result); // clean logging-objects

        var regulars = journeys.GroupBy(j => j.CardNumber).Where(g => g.Count() >= 10).Select(g => g.Key).ToList();
        logger.LogInformation("{Count} regular cards this week", regulars.Count); // clean precision-about
        logger.LogDebug("Regular cards {Cards}", regulars); // leak TC1001 logging-objects
        var sampled = regulars.Where(c => (c.GetHashCode() & 0x3F) == 0).ToList();
        logger.LogDebug("Sampled regulars {Keys}", string.Join(",", sampled.Select(c => c.GetHashCode().ToString("x8", CultureInfo.InvariantCulture)))); // leak TC1002 hashes
        var lanes = regulars.Select(c => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(c))[0] % 4).CountBy(l => l);
        logger.LogDebug("Regular cards per keyed lane {Lanes}", lanes); // clean hashes
        return result;
    }

    public async Task<IReadOnlyList<Journey>> CardJourneysAsync(string cardNumber, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        using var span = source.StartRidershiprptRender("rpt-card-journeys", "pdf");
        var key = ReportCacheKey.For("rpt-card-journeys", cardNumber, from.ToString("O", CultureInfo.InvariantCulture), to.ToString("O", CultureInfo.InvariantCulture));
        span.SetRidershiprptCacheKey(key); // leak TC1001 generated-api
        if (cache.TryGet(key, out _))
        {
            logger.LogDebug("Card report served from cache for {Key}", key); // leak TC1001 strings
        }

        var journeys = await JourneysAsync("card-journeys", "SELECT card_number, rider_id, route, origin, destination, tap_on, fare FROM journeys WHERE card_number = @card AND tap_on >= @from AND tap_on < @to", new() { ["@card"] = cardNumber, ["@from"] = from, ["@to"] = to.AddDays(1) }, cancellationToken); // leak TC1001 cross-member
        if (journeys.FirstOrDefault()?.RiderId is { } riderId)
        {
            span.SetRidershiprptRiderId(pseudonymizer.PseudonymizeRidershiprptRiderId(riderId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetBaggage("rider.id", riderId.ToString()); // leak TC1001 direct
        }

        Activity.Current?.SetTag("card.last4", cardNumber[^4..]); // clean precision-about
        logger.LogInformation("Card report {Journeys} journeys, {Fares} in fares", journeys.Count, journeys.Sum(j => j.Fare));
        logger.LogInformation("Card report first journey {Journey}", journeys.FirstOrDefault()); // leak TC1001 logging-objects
        logger.LogInformation("Card report stops {Stops}", string.Join(" > ", journeys.Select(j => j.OriginStop))); // clean precision-names
        return journeys;
    }

    private async Task<List<Journey>> JourneysAsync(string tag, string text, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var query = new ReportQuery(tag, text, options.CommandTimeout) { Parameters = parameters };
        try
        {
            var table = await data.QueryAsync(query, cancellationToken);
            return table.Rows.Select(r => new Journey((string)r[0]!, (Guid?)r[1], (string)r[2]!, (string)r[3]!, (string)r[4]!, (DateTimeOffset)r[5]!, (decimal)r[6]!)).ToList();
        }
        catch (QueryTimeoutException ex)
        {
            logger.LogRidershiprptReportFailedEvent(tag, "timeout", ridershiprptNote: ex.Message); // clean generated-api
            logger.LogWarning("Query {Tag} timed out with {Parameters}", tag, string.Join(",", parameters.Select(p => $"{p.Key}={p.Value}"))); // leak TC1001 strings
            throw;
        }
    }
}

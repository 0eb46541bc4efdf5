namespace PrivacyHoldout74.Energy;

public sealed record SupplyPoint(string Mpan, string MeterSerial, string Postcode, string Feeder, string Region);

public sealed class PostcodeFormatException(string postcode)
    : FormatException($"'{postcode}' is not a UK postcode.");

public static class PostcodeFormat
{
    public static void Ensure(string postcode)
    {
        var parts = postcode.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0].Length is < 2 or > 4 || parts[1].Length != 3 || !char.IsDigit(parts[1][0]))
        {
            throw new PostcodeFormatException(postcode);
        }
    }
}

public sealed record OutageDoc(string IncidentId, string Feeder, string Region, string Status, int CustomersAffected);

/// <summary>The outage map's postcode box, and the operations reports over the outage and call indexes.</summary>
public sealed class OutageMapSearch(
    ISearchClient search,
    IReadStore<SupplyPoint> supplyPoints,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<OutageMapSearch> logger)
{
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("outage.lookups", "{lookup}");
    private readonly Gauge<long> _callsByFeeder = meter.CreateGauge<long>("outage.calls", "{call}");

    public async Task<IReadOnlyList<OutageDoc>> ByPostcodeAsync(string postcode, CancellationToken cancellationToken)
    {
        var normalised = postcode.Trim().ToUpperInvariant();
        try
        {
            PostcodeFormat.Ensure(normalised);
        }
        catch (PostcodeFormatException ex)
        {
            logger.LogInformation(ex, "Outage lookup refused"); // leak TC1001 exceptions
            Activity.Current?.SetTag("outage.lookup.refused", ex.GetType().Name); // clean exceptions
            return Array.Empty<OutageDoc>();
        }
        var district = normalised.Split(' ')[0];
        logger.LogInformation("Outage lookup for {Postcode}", normalised); // leak TC1001 direct
        logger.LogInformation("Outage lookup in {District}", district); // clean precision-about
        _lookups.Add(1, new KeyValuePair<string, object?>("district", district)); // clean precision-about
        var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(normalised)));
        Activity.Current?.SetTag("outage.lookup.fingerprint", fingerprint); // leak TC1002 hashes

        Expression<Func<SupplyPoint, bool>> atPostcode = sp => sp.Postcode == normalised;
        logger.LogDebug("Supply point predicate {Predicate}", atPostcode); // clean logging-objects
        var points = await supplyPoints.WhereAsync(atPostcode, 200, cancellationToken);
        var feeders = points.Select(p => p.Feeder).Distinct().ToList();
        Activity.Current?.SetTag("outage.feeders", string.Join(",", feeders)); // clean precision-about
        var queryText = string.Join(" OR ", feeders.Select(f => $"feeder:{f}"));
        try
        {
            var response = await search.SearchAsync<OutageDoc>("outages", new { query = new { query_string = new { query = queryText } } }, cancellationToken);
            logger.LogDebug("Outage search {Debug}", response.DebugInformation); // clean precision-about
            return response.Hits.Select(h => h.Source).ToList();
        }
        catch (QueryParseException ex)
        {
            logger.LogError(ex, "Outage query over {Feeders} feeders rejected", feeders.Count); // clean exceptions
            return Array.Empty<OutageDoc>();
        }
    }

    public async Task ReportCallHotspotsAsync(CancellationToken cancellationToken)
    {
        var query = new
        {
            size = 0,
            aggs = new
            {
                by_feeder = new { terms = new { field = "feeder", size = 50 } },
                by_account = new { terms = new { field = "account_number", size = 10, min_doc_count = 2 } },
            },
        };
        var response = await search.SearchAsync<object>("outage-calls", query, cancellationToken);
        var byFeeder = response.Aggregations["by_feeder"];
        var byAccount = response.Aggregations["by_account"];
        logger.LogInformation("Calls by feeder {Buckets}", byFeeder); // clean logging-objects
        foreach (var bucket in byFeeder)
        {
            _callsByFeeder.Record(bucket.DocCount, new KeyValuePair<string, object?>("feeder", bucket.Key)); // clean precision-about
        }
        logger.LogInformation("Repeat callers {Buckets}", byAccount); // leak TC1001 logging-objects
        if (byAccount.Count > 0)
        {
            logger.LogInformation("Top repeat caller {Account} with {Calls} calls", byAccount[0].Key, byAccount[0].DocCount); // leak TC1001 direct
        }
        logger.LogInformation("{Accounts} accounts called more than once", byAccount.Count); // clean precision-about
    }

    public async Task<int> CountAffectedAsync(IReadOnlyCollection<string> mpans, CancellationToken cancellationToken)
    {
        var predicate = Predicates.In<SupplyPoint, string>(nameof(SupplyPoint.Mpan), mpans);
        logger.LogDebug("Affected predicate {Predicate}", predicate.ToString()); // leak TC1001 strings
        logger.LogDebug("Affected predicate reads {Members} for {Count} MPANs", Predicates.Describe(predicate), mpans.Count); // clean precision-names
        logger.LogDebug("Affected distributors {Distributors}", mpans.Select(m => m[..2]).Distinct()); // clean logging-objects
        var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(mpans.First()))) % 32;
        Activity.Current?.SetTag("affected.shard", shard); // clean hashes
        return await supplyPoints.CountAsync(predicate, cancellationToken);
    }
}

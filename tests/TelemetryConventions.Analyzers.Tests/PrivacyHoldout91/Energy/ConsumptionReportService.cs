using ReportKit.Caching;

namespace PrivacyHoldout91.Energy;

/// <summary>A household's supply as the account service knows it.</summary>
public sealed record SupplyPoint(string AccountNumber, string Mpan, string MeterSerial, string Region, string Tariff);

/// <summary>
/// The household consumption report behind the customer portal's "My usage" page and the agents' account
/// view: half-hourly consumption per month, filtered by row-level security to the signed-in household,
/// cached per supply and month.
/// </summary>
public sealed class ConsumptionReportService(
    IReportDataSource data,
    IReportCache cache,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ReportingOptions options,
    ILogger<ConsumptionReportService> logger)
{
    private readonly Counter<long> _queries = meter.CreateCounter<long>("usagerpt.queries", "{query}");

    public async Task<ReportTable?> MonthlyAsync(SupplyPoint supply, int year, int month, CancellationToken cancellationToken)
    {
        using var span = source.StartUsagerptRender("rpt-household-consumption", "html");
        span.SetUsagerptHouseholdId(pseudonymizer.PseudonymizeUsagerptHouseholdId(supply.AccountNumber)); // clean precision-pseudonym
        span.SetUsagerptRegion(supply.Region); // clean precision-names

        var rls = $"account_number = '{supply.AccountNumber}'";
        span.SetUsagerptFilter(rls); // leak TC1001 generated-api
        Activity.Current?.SetTag("rls.column", "account_number");

        var cacheKey = ReportCacheKey.For("rpt-household-consumption", supply.Mpan, $"{year}-{month:00}");
        logger.LogDebug("Consumption cache key {Key}", cacheKey); // leak TC1001 strings
        var bucket = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(supply.Mpan)))[..2];
        Activity.Current?.SetTag("report.cache.bucket", bucket); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(supply.Mpan))[0] % 8;
        Activity.Current?.SetTag("report.cache.lane", lane); // clean hashes

        var query = new ReportQuery("hh-consumption", "SELECT settlement_date, period, kwh FROM hh_reads WHERE mpan = @mpan AND settlement_date >= @from AND settlement_date < @to", options.CommandTimeout)
        {
            Parameters = { ["@mpan"] = supply.Mpan, ["@from"] = new DateTime(year, month, 1), ["@to"] = new DateTime(year, month, 1).AddMonths(1) },
        };
        logger.LogDebug("Running {Query}", query); // clean logging-objects
        logger.LogDebug("Parameters {Values}", string.Join(", ", query.Parameters.Values)); // leak TC1001 strings
        logger.LogDebug("Parameter names {Names}", string.Join(", ", query.Parameters.Keys)); // clean precision-names

        try
        {
            var table = await data.QueryAsync(query, cancellationToken);
            span.SetUsagerptRowCount(table.RowCount);
            _queries.Add(1, new KeyValuePair<string, object?>("query", query.Tag), new KeyValuePair<string, object?>("outcome", "ok"));
            return table;
        }
        catch (QueryTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            _queries.Add(1, new KeyValuePair<string, object?>("query", ex.Tag), new KeyValuePair<string, object?>("outcome", "timeout"));
            return null;
        }
        catch (DataSourceException ex) when (ex.Number == 245)
        {
            // Legacy MPANs with a letter prefix fail the cast in the reads view.
            logger.LogUsagerptReportFailedEvent("rpt-household-consumption", "conversion", pseudonymizer.PseudonymizeUsagerptHouseholdId(supply.AccountNumber), ex.Message); // leak TC1001 generated-api
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"conversion failed ({ex.Number})"); // clean exceptions
            return null;
        }
    }

    /// <summary>The agents' tool still runs the legacy billing report, whose SQL is built as text.</summary>
    public async Task<ReportTable> LegacyBillingAsync(SupplyPoint supply, CancellationToken cancellationToken)
    {
        var text = $"EXEC billing.usage_statement @account = '{supply.AccountNumber}', @meter = '{supply.MeterSerial}'";
        var query = new ReportQuery("legacy-billing", text, TimeSpan.FromSeconds(90));
        logger.LogInformation("Legacy billing report {Query}", query); // leak TC1001 logging-objects
        Activity.Current?.SetTag("db.query.summary", query.Tag);
        Activity.Current?.SetTag("db.query.timeout_s", query.Timeout.TotalSeconds);
        Activity.Current?.SetTag("meter.model", supply.MeterSerial[..3]); // clean precision-about
        return await data.QueryAsync(query, cancellationToken);
    }
}

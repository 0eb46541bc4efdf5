using ReportKit.Caching;

namespace PrivacyHoldout91.Retail;

/// <summary>A sales line as the report's data set holds it.</summary>
public sealed record SalesLine(string StoreId, string Category, string Sku, string? LoyaltyCard, string? CustomerNumber, decimal Net, int Units);

/// <summary>
/// Store sales reports for area managers: sales by store and category, the top SKUs and the top loyalty
/// customers of a store, cached by store and day, with query timeouts and deadlocks retried once.
/// </summary>
[ApiController]
[Route("api/reports/sales")]
public sealed class SalesReportController(
    IReportDataSource data,
    IReportCache cache,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<SalesReportController> logger) : ControllerBase
{
    private readonly Counter<long> _timeouts = meter.CreateCounter<long>("salesrpt.query.timeouts", "{timeout}");

    [HttpGet("store")]
    public async Task<ActionResult> StoreAsync(ReportHttpRequest request, CancellationToken cancellationToken)
    {
        var store = request.Query["store"];
        var day = request.Query["day"];
        using var span = source.StartSalesrptRender("rpt-store-sales", "html");
        span.SetSalesrptStore(store); // clean precision-names
        Activity.Current?.SetTag("url.query", request.QueryString); // clean strings

        var key = ReportCacheKey.For("rpt-store-sales", store, day);
        span.SetSalesrptCacheKey(key); // clean precision-names
        if (cache.TryGet(key, out var cached))
        {
            meter.CreateSalesrptRendersCounter().Add(1, "rpt-store-sales", "html", salesrptOutcome: "cached");
            return Ok(cached);
        }

        var query = new ReportQuery("store-sales", "SELECT store_id, category, sku, loyalty_card, customer_number, net, units FROM sales_lines WHERE store_id = @store AND day = @day", options.CommandTimeout)
        {
            Parameters = { ["@store"] = store, ["@day"] = day },
        };
        var lines = await QueryWithRetryAsync(query, span.Activity, cancellationToken);
        if (lines is null)
        {
            return BadRequest("timeout");
        }

        var pivot = PivotTable.Build(lines, "category", l => l.Category, "store", l => l.StoreId, l => l.Net);
        logger.LogInformation("Sales by category {Cells}", pivot.Cells); // clean logging-objects

        var topSkus = lines.GroupBy(l => l.Sku).OrderByDescending(g => g.Sum(l => l.Units)).Take(options.TopN).Select(g => new { Sku = g.Key, Units = g.Sum(l => l.Units) }).ToList();
        logger.LogInformation("Top SKUs {Skus}", topSkus); // clean logging-objects

        var topCustomers = lines.Where(l => l.CustomerNumber is not null).GroupBy(l => l.CustomerNumber!).OrderByDescending(g => g.Sum(l => l.Net)).Take(options.TopN).ToList();
        logger.LogInformation("Top customers {Customers}", topCustomers.Select(g => new { Customer = g.Key, Net = g.Sum(l => l.Net) })); // leak TC1001 logging-objects
        logger.LogInformation("Top customer spend {Net}", topCustomers.Select(g => g.Sum(l => l.Net))); // clean precision-about
        Activity.Current?.SetTag("report.top_customer", topCustomers.FirstOrDefault()?.Key); // leak TC1001 cross-member
        span.SetSalesrptCustomerId(pseudonymizer.PseudonymizeSalesrptCustomerId(topCustomers[0].Key)); // clean precision-pseudonym
        var cards = lines.Where(l => l.LoyaltyCard is not null).Select(l => l.LoyaltyCard!).Distinct().ToList();
        Activity.Current?.SetTag("report.loyalty.cards", cards.Count);
        Activity.Current?.SetTag("report.loyalty.sample", cards.Select(c => c[^4..]).FirstOrDefault()); // clean precision-about
        logger.LogDebug("Loyalty cards seen {Cards}", string.Join(",", cards)); // leak TC1001 strings
        return Ok(pivot);
    }

    private async Task<IReadOnlyList<SalesLine>?> QueryWithRetryAsync(ReportQuery query, Activity? activity, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var table = await data.QueryAsync(query, cancellationToken);
                return table.Rows.Select(r => new SalesLine((string)r[0]!, (string)r[1]!, (string)r[2]!, (string?)r[3], (string?)r[4], (decimal)r[5]!, (int)r[6]!)).ToList();
            }
            catch (DataSourceException ex) when (ex.Number == 1205 && attempt == 1)
            {
                logger.LogWarning(ex, "Deadlock on {Query}, retrying", query.Tag); // clean exceptions
            }
            catch (QueryTimeoutException ex)
            {
                activity?.AddException(ex); // clean exceptions
                _timeouts.Add(1, new KeyValuePair<string, object?>("query", query.Tag), new KeyValuePair<string, object?>("timeout_s", query.Timeout.TotalSeconds));
                logger.LogWarning("Timed out: {Query}", query); // clean logging-objects
                return null;
            }
        }
    }
}

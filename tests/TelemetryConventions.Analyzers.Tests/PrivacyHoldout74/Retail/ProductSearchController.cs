namespace PrivacyHoldout74.Retail;

public sealed record ProductDoc(string Sku, string Name, string Brand, string Category, decimal Price, bool InStock);

public sealed record ProductCursor(int From);

/// <summary>The shop's product search: text, brand and category filters, facets, sort options, offset paging and click feedback.</summary>
[ApiController]
[Route("api/products")]
public sealed partial class ProductSearchController(
    ISearchClient search,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ProductSearchController> logger) : ControllerBase
{
    private const string Index = "products-uk-v9";
    private const int PageSize = 24;
    private const int MaxWindow = 10_000;
    private static readonly QueryPlanCache<string> Templates = new();
    private readonly Histogram<double> _took = meter.CreateHistogram<double>("product_search.took", "ms");

    [HttpGet("search")]
    public async Task<ActionResult> Search(string q, string? brand, string? category, string sort = "relevance", string? cursor = null, CancellationToken cancellationToken = default)
    {
        using var span = source.StartShopsearchQuery(Index);
        var from = cursor is null ? 0 : Cursor.Decode<ProductCursor>(cursor).From;
        span.SetShopsearchCursorKind(from == 0 ? "first" : "offset");
        span.SetShopsearchSort(sort); // clean generated-api
        var sortClause = sort switch
        {
            "price_asc" => new object[] { new { price = "asc" }, new { sku = "asc" } },
            "price_desc" => new object[] { new { price = "desc" }, new { sku = "asc" } },
            _ => new object[] { new { _score = "desc" }, new { sku = "asc" } },
        };
        var filters = new List<object>();
        if (brand is not null)
        {
            filters.Add(new { term = new { brand } });
        }
        if (category is not null)
        {
            filters.Add(new { term = new { category } });
        }
        var query = new
        {
            from,
            size = PageSize,
            query = new { @bool = new { must = new { match = new { name = new { query = q, @operator = "and" } } }, filter = filters } },
            sort = sortClause,
            aggs = new
            {
                brands = new { terms = new { field = "brand", size = 30 } },
                categories = new { terms = new { field = "category" } },
                price_bands = new { range = new { field = "price", ranges = new object[] { new { to = 10 }, new { from = 10, to = 50 }, new { from = 50 } } } },
            },
        };
        var template = $"products:match:{(brand is null ? "-" : "brand")}:{(category is null ? "-" : "category")}:{sort}";
        Templates.GetOrAdd(template, t => t);
        logger.LogDebug("Query template {Template} ({Templates} cached)", template, Templates.Count); // clean precision-about
        logger.LogDebug("Product query {Query}", query); // leak TC1001 logging-objects
        TagQuery(Activity.Current, q); // leak TC1001 cross-member

        SearchResponse<ProductDoc> response;
        try
        {
            response = await search.SearchAsync<ProductDoc>(Index, query, cancellationToken);
        }
        catch (SearchTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return Ok(new Page<ProductDoc> { Items = Array.Empty<ProductDoc>() });
        }

        _took.Record(response.TookMs, new KeyValuePair<string, object?>("index", Index), new KeyValuePair<string, object?>("sort", sort)); // clean precision-about
        if (response.TookMs > 800)
        {
            logger.LogWarning("Slow product search ({TookMs} ms) for {Query}", response.TookMs, q); // leak TC1001 direct
        }
        if (response.Total > MaxWindow)
        {
            var tooMany = new TooManyResultsException(Index, MaxWindow, response.Total);
            span.SetShopsearchNote(tooMany.Message); // clean generated-api
        }
        logger.LogInformation("Brand facet {Brands}", response.Aggregations["brands"]); // clean logging-objects
        logger.LogInformation("Price bands {Bands}", string.Join(", ", response.Aggregations["price_bands"].Select(b => $"{b.Key}:{b.DocCount}"))); // clean precision-about
        span.SetShopsearchResultCount(response.Hits.Count);
        if (response.Total == 0)
        {
            ZeroResults(logger, q, brand, category); // leak TC1001 direct
            span.AddShopsearchZeroResultsEvent(Index, shopsearchQueryKind: brand is null ? "text" : "text+brand", shopsearchNote: $"{q.Length} characters"); // clean generated-api
            meter.CreateShopsearchQueriesCounter().Add(1, Index, shopsearchOutcome: "zero_results"); // clean precision-about
            meter.CreateShopsearchQueriesCounter().Add(1, Index, shopsearchOutcome: $"zero:{q.ToLowerInvariant()}"); // leak TC1003 strings
        }
        var next = response.Total > from + PageSize ? Cursor.Encode(new ProductCursor(from + PageSize)) : null;
        Activity.Current?.SetTag("page.next", next); // clean hashes
        return Ok(new Page<ProductDoc> { Items = response.Hits.Select(h => h.Source).ToList(), NextCursor = next, Total = response.Total });
    }

    [HttpPost("search/click")]
    public ActionResult Click(Guid searchId, string sku, int position, string? customerNumber)
    {
        Activity.Current?.AddEvent(new ActivityEvent("search.click", tags: new ActivityTagsCollection { ["search.id"] = searchId, ["product.sku"] = sku, ["search.position"] = position })); // clean precision-about
        if (customerNumber is not null)
        {
            logger.LogInformation("Customer {Customer} clicked {Sku} at {Position}", customerNumber, sku, position); // leak TC1001 direct
            Activity.Current?.SetTag("shopsearch.customer.id", pseudonymizer.PseudonymizeShopsearchCustomerId(customerNumber).Value); // clean precision-pseudonym
        }
        return Ok();
    }

    private static void TagQuery(Activity? activity, string query) =>
        activity?.SetTag("search.query", query); // leak TC1001 direct

    [LoggerMessage(EventId = 7450, Level = LogLevel.Information, Message = "No products for {Query} (brand {Brand}, category {Category})")]
    private static partial void ZeroResults(ILogger logger, string query, string? brand, string? category);
}

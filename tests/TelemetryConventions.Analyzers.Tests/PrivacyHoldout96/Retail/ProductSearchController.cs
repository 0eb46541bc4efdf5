namespace PrivacyHoldout96.Retail;

/// <summary>A document of the products index.</summary>
public sealed record ProductDoc(string Sku, string Name, string Brand, string Category, decimal Price);

/// <summary>A signed-in customer as the storefront holds them.</summary>
public sealed record Customer(string CustomerNumber, string Email, string FirstName, string Postcode, IReadOnlyList<string> FavouriteBrands, string LoyaltyTier);

/// <summary>Product search, boosted by the customer's favourite brands when they are signed in, with the query log and click beacons.</summary>
[ApiController]
[Route("api/products/search")]
public sealed class ProductSearchController(
    ISearchClient products,
    IQueryLogStore queryLog,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ProductSearchController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.Search");
    private readonly ShoprankSearchesCounter _searches = meter.CreateShoprankSearchesCounter();
    private readonly Counter<long> _boosted = meter.CreateCounter<long>("shop.search.boosted");

    [HttpGet]
    public async Task<ActionResult> Search(string q, string? category, Customer? customer, CancellationToken cancellationToken)
    {
        var searchId = Guid.NewGuid();
        using var span = Source.StartShoprankSearch(searchId.ToString());
        span.SetShoprankCategory(category ?? "all"); // clean precision-names
        var options = new SearchOptions { Size = 48, IncludeTotalCount = true };
        options.Facets.Add("brand");
        options.Facets.Add("price_band");
        if (category is not null)
        {
            options.Filter = $"category eq '{category}'";
        }
        if (customer is not null)
        {
            options.ScoringProfile = "personal-boost";
            options.ScoringParameters.Add($"brands-{string.Join(',', customer.FavouriteBrands)}");
            options.SessionId = customer.CustomerNumber;
            span.SetShoprankCustomerId(pseudonymizer.PseudonymizeShoprankCustomerId(customer.CustomerNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("shop.search.scoring_parameters", string.Join(";", options.ScoringParameters)); // clean precision-names
            span.Activity?.SetTag("shop.search.session", options.SessionId); // leak TC1001 cross-member
            _boosted.Add(1, new KeyValuePair<string, object?>("tier", customer.LoyaltyTier)); // clean precision-about
        }
        span.SetShoprankScoringProfile(options.ScoringProfile ?? "default"); // clean precision-names
        span.Activity?.SetTag(ShoprankAttributes.QueryText, q); // leak TC1001 generated-api
        try
        {
            var results = await products.SearchAsync<ProductDoc>(q, options, cancellationToken);
            span.SetShoprankResultCount(results.Results.Count);
            _searches.Add(1, options.ScoringProfile ?? "default", results.Results.Count == 0 ? "zero_results" : "ok"); // clean generated-api
            var entry = new QueryLogEntry(searchId, products.IndexName, q, results.Results.Count, customer?.CustomerNumber, DateTimeOffset.UtcNow);
            await queryLog.AppendAsync(entry, cancellationToken);
            logger.LogInformation("Query logged {Entry}", entry); // leak TC1001 logging-objects
            logger.LogInformation("Search {SearchId} in {Category}: {Total} products, brands {Brands}", searchId, category, results.TotalCount, results.Facets["brand"].Select(f => f.Value)); // clean precision-names
            if (results.Results.Count == 0)
            {
                logger.LogInformation("Zero results for {Customer} searching {Query}", customer?.FirstName, q); // leak TC1001 direct
                span.SetShoprankNote($"zero results; {QueryText.Terms(q)} terms in {category ?? "all"}"); // clean generated-api
            }
            return Ok(results.Results.Select(r => r.Document));
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && ex.Message.Contains("$filter", StringComparison.Ordinal))
        {
            logger.LogWarning(ex, "Category filter refused for {Category}", category); // clean exceptions
            return BadRequest("Unknown category.");
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return BadRequest("Check the search text.");
        }
    }

    [HttpPost("click")]
    public async Task<ActionResult> Click([FromBody] ClickEvent click, CancellationToken cancellationToken)
    {
        await queryLog.AppendClickAsync(click, cancellationToken);
        logger.LogInformation("Product click at {Position}: {Sku}", click.Position, click.DocumentId); // clean precision-names
        Activity.Current?.SetTag("shop.click.customer", click.UserKey); // leak TC1001 direct
        Activity.Current?.SetTag("shop.click.customer_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(click.UserKey ?? string.Empty)))[..12]); // leak TC1002 hashes
        return Ok();
    }
}

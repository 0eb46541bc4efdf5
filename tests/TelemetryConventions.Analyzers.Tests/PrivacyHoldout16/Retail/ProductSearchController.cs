using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Retail;

public sealed record ProductDoc(string Sku, string Name, string Brand, decimal Price, bool InStock);

internal static class ShopperQuery
{
    public static SearchQueryKind Classify(string text) =>
        text.Contains('@') ? SearchQueryKind.Email
        : text.All(c => char.IsDigit(c) || c == ' ') ? SearchQueryKind.Number
        : SearchQueryKind.FreeText;
}

[ApiController]
[Route("api/search")]
public sealed class ProductSearchController(
    ISearchClient search,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ProductSearchController> logger) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult> Get(string q, string? brand, string? size, string sort = "relevance", int page = 1, CancellationToken cancellationToken = default)
    {
        var customerId = HttpContext.User.SubjectId;
        var kind = ShopperQuery.Classify(q);

        var span = Activity.Current.EnrichSearchRequest("products");
        span.SetSearchQueryKind(kind); // clean precision-about
        span.SetSearchPage(page);
        Activity.Current?.SetTag("search.sort", sort);
        Activity.Current?.SetTag(SearchAttributes.QueryText, q); // leak TC1001 generated-api

        if (customerId is not null)
        {
            Baggage.SetBaggage("customer.id", customerId); // leak TC1001 direct
            span.SetSearchUserId(pseudonymizer.PseudonymizeSearchUserId(customerId)); // clean precision-pseudonym
        }

        if (kind == SearchQueryKind.Email)
        {
            logger.LogWarning("Shopper typed an email address into product search: {Query}", q); // leak TC1001 direct
        }

        // Trending searches are counted per keyed digest of the text, so raw queries never reach the dashboard.
        Activity.Current?.SetTag("search.trending.key", TrendingKey(q)); // clean hashes

        var filters = new Dictionary<string, string>();
        if (brand is not null)
        {
            filters["brand"] = brand;
        }

        if (size is not null)
        {
            filters["size"] = size;
        }

        SearchResponse<ProductDoc> response;
        try
        {
            response = await search.SearchAsync<ProductDoc>(new SearchRequest("products", q) { Filters = filters, From = (page - 1) * 24, Size = 24 }, cancellationToken);
        }
        catch (SearchQueryParseException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Search rejected ({ErrorType}) for a query of {Length} characters", ex.ErrorType, q.Length); // clean exceptions
            return BadRequest("Try fewer special characters.");
        }

        span.SetSearchResultCount(response.Total); // clean precision-about
        span.SetSearchFacetCount(filters.Count);
        Activity.Current?.SetTag("search.filters", string.Join(',', filters.Keys)); // clean precision-about

        if (response.Total == 0)
        {
            logger.LogInformation("No products for {@Search}", new { Query = q, Brand = brand, Size = size }); // leak TC1001 logging-objects
            span.AddSearchZeroResultsEvent("products", q.Length, kind); // clean generated-api
        }

        return Ok(response.Hits.Select(h => h.Source).ToList());
    }

    private string TrendingKey(string query) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(query.Trim().ToLowerInvariant())))[..20];
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Media;

/// <summary>A viewing profile of a subscription; each one is one viewer.</summary>
public sealed record ViewingProfile(string ProfileId, string Name, string SubscriberId, string MaturityRating);

public sealed record TitleDoc(string TitleId, string Name, string Genre, int Year);

public sealed record SearchOutcome(string Index, long Total, int TookMs, bool TimedOut);

/// <summary>Title search for the TV and web apps.</summary>
public sealed class CatalogSearchService(ISearchClient search, Pseudonymizer pseudonymizer, ILogger<CatalogSearchService> logger)
{
    private static readonly ActivitySource Source = new("Stream.Catalog.Search");

    public async Task<SearchResponse<TitleDoc>> SearchAsync(ViewingProfile profile, string query, string? genre, CancellationToken cancellationToken)
    {
        using var span = Source.StartSearchRequest("titles");
        span.SetSearchUserId(pseudonymizer.PseudonymizeSearchUserId(profile.ProfileId)); // clean precision-pseudonym
        span.SetSearchQueryKind(SearchQueryKind.FreeText); // clean generated-api
        span.SetSearchNote(query); // leak TC1001 generated-api

        // Results are cached per query text for a minute.
        var cacheKey = "search:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query.ToLowerInvariant())));
        span.Activity?.SetTag("search.cache.key", cacheKey); // leak TC1002 hashes
        span.Activity?.SetTag("search.genre", genre ?? "all"); // clean precision-about
        logger.LogInformation("Title search from profile {ProfileName}", profile.Name); // leak TC1001 cross-member

        try
        {
            var filters = genre is null ? new() : new Dictionary<string, string> { ["genre"] = genre };
            var response = await search.SearchAsync<TitleDoc>(new SearchRequest("titles", query) { Filters = filters, Fuzzy = true }, cancellationToken);
            span.SetSearchResultCount(response.Total); // clean precision-about
            span.Activity?.SetTag("search.took_ms", response.TookMs);
            logger.LogInformation("Search finished {Outcome}", new SearchOutcome("titles", response.Total, response.TookMs, response.TimedOut)); // clean logging-objects
            span.Activity?.SetTag("search.top_title", response.Hits.FirstOrDefault()?.Source.TitleId); // clean precision-about
            return response;
        }
        catch (SearchQueryParseException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(ViewingProfile profile, string typed, CancellationToken cancellationToken)
    {
        var titles = await search.SuggestAsync("titles", typed, 8, cancellationToken);
        Activity.Current?.SetTag("autocomplete.prefix", typed); // leak TC1001 direct
        Activity.Current?.SetTag("autocomplete.titles", string.Join('|', titles)); // clean precision-about
        Activity.Current?.SetTag("autocomplete.profile.maturity", profile.MaturityRating);
        return titles;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Transport;

public sealed record StopDoc(string StopId, string Name, double Lat, double Lon);

/// <summary>
/// "From" and "To" boxes of the journey planner: riders type a stop name, a street or their own home
/// address, and get stops to pick from.
/// </summary>
public sealed class PlaceAutocomplete(ISearchClient search, Pseudonymizer pseudonymizer, ILogger<PlaceAutocomplete> logger)
{
    public async Task<IReadOnlyList<StopDoc>> SuggestAsync(string riderAccountId, string text, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichSearchRequest("places");
        span.SetSearchQueryLength(text.Length); // clean precision-about
        span.SetSearchUserId(pseudonymizer.PseudonymizeSearchUserId(riderAccountId)); // clean precision-pseudonym
        Activity.Current?.SetTag(SearchAttributes.QueryText, pseudonymizer.Compute("search.query", text)); // leak TC1001 precision-pseudonym

        var response = await search.SearchAsync<StopDoc>(new SearchRequest("stops", text) { Size = 6, Fuzzy = true }, cancellationToken);
        var stops = response.Hits.Select(h => h.Source).ToList();
        span.SetSearchResultCount(stops.Count);
        Activity.Current?.SetTag("places.suggestions", string.Join('|', stops.Select(s => s.StopId))); // clean precision-about

        if (stops.Count == 0)
        {
            Activity.Current?.AddEvent(new ActivityEvent("places.no_match", tags: new ActivityTagsCollection { ["text"] = text })); // leak TC1001 direct
            logger.LogSearchZeroResultsEvent("places", text.Length, SearchQueryKind.FreeText); // clean generated-api
            return stops;
        }

        var nearest = stops[0];
        Activity.Current?.SetTag("places.first.area", $"{Math.Round(nearest.Lat, 1)},{Math.Round(nearest.Lon, 1)}");
        logger.LogDebug("Rider {Rider} typed {Text} and was offered {First}", riderAccountId, text, nearest.Name); // leak TC1001 direct
        return stops;
    }
}

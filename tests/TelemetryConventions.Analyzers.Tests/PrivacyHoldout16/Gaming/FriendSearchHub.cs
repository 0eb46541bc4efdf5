using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Gaming;

/// <summary>The realtime hub method behind "add a friend": gamertag autocomplete as the player types.</summary>
public sealed class FriendSearchHub(ISearchClient search, ILogger<FriendSearchHub> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    public async Task<IReadOnlyList<string>> Autocomplete(string connectionId, Guid callerId, string prefix)
    {
        var span = Activity.Current.EnrichSearchRequest("gamertags");
        span.SetSearchQueryLength(prefix.Length); // clean precision-about
        span.SetSearchUserId(pseudonymizer.PseudonymizeSearchUserId(callerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("signalr.connection_id", connectionId); // clean precision-names
        Activity.Current?.SetTag("friends.caller", callerId); // leak TC1001 direct

        IReadOnlyList<string> suggestions;
        try
        {
            suggestions = await search.SuggestAsync("gamertags", prefix, 10);
        }
        catch (SearchQueryParseException ex)
        {
            logger.LogWarning(ex, "Gamertag autocomplete failed on connection {ConnectionId}", connectionId); // leak TC1001 exceptions
            return [];
        }

        span.SetSearchResultCount(suggestions.Count); // clean precision-about
        if (suggestions.Count == 0)
        {
            logger.LogSearchZeroResultsEvent("gamertags", prefix.Length, SearchQueryKind.Name, searchNote: prefix); // leak TC1001 generated-api
            return suggestions;
        }

        logger.LogDebug("Autocomplete {Prefix} -> {Suggestions}", prefix, string.Join(",", suggestions)); // leak TC1001 direct
        meter.CreateSearchRequestsCounter().Add(1, "gamertags", SearchQueryKind.Name); // clean generated-api
        meter.CreateSearchResultsHistogram().Record(suggestions.Count, "gamertags");
        return suggestions;
    }
}

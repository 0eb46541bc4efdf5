namespace PrivacyHoldout96.Transport;

/// <summary>A document of the places index: stops, stations, points of interest and street addresses.</summary>
public sealed record PlaceDoc(string PlaceId, string Name, string Kind, double Lat, double Lon);

/// <summary>The journey planner's "from" and "to" boxes: places near the rider as they type, and their recent places.</summary>
public sealed class PlaceAutocompleteService(
    ISearchClient places,
    IRecentSearches recent,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<PlaceAutocompleteService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Places");
    private readonly TripfindAutocompleteRequestsCounter _requests = meter.CreateTripfindAutocompleteRequestsCounter();

    public async Task<IReadOnlyList<PlaceDoc>> SuggestAsync(Guid riderId, string text, double lat, double lon, CancellationToken cancellationToken)
    {
        using var span = Source.StartTripfindAutocomplete();
        span.SetTripfindPrefixLength(text.Length); // clean precision-about
        span.SetTripfindRiderId(pseudonymizer.PseudonymizeTripfindRiderId(riderId.ToString())); // clean precision-pseudonym

        var options = new SearchOptions { Size = 8, ScoringProfile = "nearby" };
        options.ScoringParameters.Add(FormattableString.Invariant($"here--{lon:0.00000},{lat:0.00000}"));
        span.Activity?.SetTag("tripfind.scoring", string.Join(";", options.ScoringParameters)); // leak TC1001 strings
        span.Activity?.SetTag("tripfind.area", FormattableString.Invariant($"{lat:0.0},{lon:0.0}")); // clean precision-about

        var results = await places.SearchAsync<PlaceDoc>(text, options, cancellationToken);
        var top = results.Results.FirstOrDefault()?.Document;
        span.SetTripfindResultCount(results.Results.Count);
        span.SetTripfindPlaceKind(top?.Kind ?? "none"); // clean precision-about
        _requests.Add(1, top?.Kind, results.Results.Count == 0 ? "zero_results" : "ok"); // clean generated-api
        if (top is { Kind: "address" })
        {
            span.SetTripfindNote($"address match {top.Name}"); // leak TC1001 generated-api
            logger.LogDebug("Address suggestion {Place}", top); // leak TC1001 logging-objects
        }
        else if (top is not null)
        {
            span.SetTripfindNote($"{top.Kind} match {top.Name}"); // clean generated-api
        }
        span.Activity?.SetTag(TripfindAttributes.QueryText, text.Trim()); // leak TC1001 generated-api
        logger.LogInformation("Autocomplete for rider {Rider}: '{Text}'", pseudonymizer.ComputeTripfindRiderId(riderId.ToString()), text); // leak TC1001 direct

        await recent.PushAsync(riderId.ToString(), text, cancellationToken);
        var history = await recent.GetAsync(riderId.ToString(), cancellationToken);
        logger.LogDebug("Recent places {History}", string.Join(" / ", history)); // leak TC1001 strings
        logger.LogDebug("{Count} recent places, longest {Longest}", history.Count, history.Count == 0 ? 0 : history.Max(h => h.Length)); // clean precision-about
        span.Activity?.SetTag("tripfind.prefix.fingerprint", BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToLowerInvariant())), 0, 6)); // leak TC1002 hashes
        span.Activity?.SetTag("tripfind.prefix.shard", KeyedBuckets.Of(secrets, text.ToLowerInvariant(), 32)); // clean hashes
        return results.Results.Select(r => r.Document).ToList();
    }
}

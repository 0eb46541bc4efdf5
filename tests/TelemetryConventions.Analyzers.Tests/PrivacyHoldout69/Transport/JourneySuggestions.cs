namespace PrivacyHoldout69.Transport;

public sealed record Rider(Guid AccountId, string Email, string TravelCardNumber, string HomeMode);

public sealed record SuggestionQuery(string Typed, string OriginStop, DateTimeOffset DepartAfter);

public sealed record JourneyOption(string RouteId, string FirstStop, int Minutes, int Changes);

public interface IJourneyRanker
{
    Task<IReadOnlyList<JourneyOption>> RankAsync(IReadOnlyDictionary<string, object?> inputs, CancellationToken cancellationToken);
}

public interface ITimetablePlanner
{
    IReadOnlyList<JourneyOption> Plan(string originStop, string typed, DateTimeOffset departAfter);
}

/// <summary>
/// Personalised journey suggestions in the rider app: the rider's travel pattern features (keyed by
/// travel card) and what they typed go to the ranking model; the timetable planner answers when the
/// model takes longer than 300 ms.
/// </summary>
public sealed class JourneySuggestions(
    IOnlineFeatureStore features,
    IJourneyRanker ranker,
    ITimetablePlanner timetable,
    Pseudonymizer pseudonymizer,
    ILogger<JourneySuggestions> logger)
{
    private const string ModelVersion = "eta-gnn-12";
    private static readonly ActivitySource Source = new("Transit.App.Suggestions");
    private static readonly Meter Meter = new("Transit.App.Suggestions");
    private readonly JourneymlSuggestionsCounter _suggestions = Meter.CreateJourneymlSuggestionsCounter();
    private static readonly Counter<long> CardLookups = Meter.CreateCounter<long>("journeyml.card_lookups");

    public async Task<IReadOnlyList<JourneyOption>> SuggestAsync(Rider rider, SuggestionQuery query, CancellationToken ct)
    {
        using var span = Source.StartJourneymlSuggest(ModelVersion)
            .SetJourneymlRiderId(pseudonymizer.PseudonymizeJourneymlRiderId(rider.AccountId.ToString())) // clean precision-pseudonym
            .SetJourneymlStop(query.OriginStop) // clean precision-about
            .SetJourneymlMode(rider.HomeMode); // clean precision-about
        span.Activity?.SetTag(JourneymlAttributes.RiderEmail, rider.Email); // leak TC1001 generated-api
        span.Activity?.SetTag("journeyml.query", query.Typed); // leak TC1001 direct
        span.Activity?.SetTag("journeyml.query_length", query.Typed.Length); // clean precision-about
        span.Activity?.SetTag("journeyml.card_mask", rider.TravelCardNumber[..6] + "******" + rider.TravelCardNumber[^4..]); // clean precision-about

        var inputs = new Dictionary<string, object?> { ["typed"] = query.Typed, ["origin"] = query.OriginStop, ["depart_hour"] = query.DepartAfter.Hour };
        try
        {
            var pattern = await features.GetOnlineFeaturesAsync("rider_travel_pattern_v3", rider.TravelCardNumber, ct);
            foreach (var (name, value) in pattern.Values)
            {
                inputs[name] = value;
            }
            CardLookups.Add(1, new KeyValuePair<string, object?>("card", pseudonymizer.Compute("transit.card", rider.TravelCardNumber))); // leak TC1003 precision-pseudonym
        }
        catch (FeatureRowMissingException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("No travel pattern yet (new card); ranking without it"); // clean precision-about
        }

        IReadOnlyList<JourneyOption> options;
        try
        {
            options = await ranker.RankAsync(inputs, ct).WaitAsync(TimeSpan.FromMilliseconds(300), ct);
            span.SetJourneymlOutcome("suggested"); // clean generated-api
        }
        catch (TimeoutException ex)
        {
            span.RecordException(ex).SetJourneymlOutcome("fallback:timetable"); // clean exceptions
            span.Activity?.AddJourneymlFallbackEvent("fallback:timetable", query.OriginStop, $"ranker > 300 ms at {query.DepartAfter:HH:mm}"); // clean generated-api
            span.Activity?.AddJourneymlFallbackEvent("fallback:timetable", journeymlNote: $"planned '{query.Typed}' from the timetable"); // leak TC1001 generated-api
            options = timetable.Plan(query.OriginStop, query.Typed, query.DepartAfter);
        }

        _suggestions.Add(options.Count, rider.HomeMode, options.Count == 0 ? "none" : "suggested"); // clean generated-api
        logger.LogInformation("Served {Count} suggestions to rider {RiderAccount}", options.Count, rider.AccountId); // leak TC1001 direct
        logger.LogInformation("Suggested routes {Routes} from {Stop}", options.Select(o => o.RouteId), query.OriginStop); // clean precision-about
        logger.LogDebug("Ranker inputs {Inputs}", inputs); // leak TC1001 logging-objects
        return options;
    }
}

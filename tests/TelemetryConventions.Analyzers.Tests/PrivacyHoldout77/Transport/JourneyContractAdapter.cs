namespace PrivacyHoldout77.Transport;

/// <summary>Contract 1.0 of a journey search: free text and the rider's card for fare capping.</summary>
public sealed record JourneySearchV1(string From, string To, string? DepartAt, string? CardNumber);

/// <summary>Contract 2.0: stop ids, a time, and the rider by id for capping.</summary>
public sealed record JourneySearchV2(string FromStopId, string ToStopId, DateTimeOffset DepartAt, Guid? RiderId, string Source);

public sealed record JourneyOptionDto(string RouteId, string FromStopId, string ToStopId, DateTimeOffset Departs, DateTimeOffset Arrives, int Changes, decimal FarePence);

public interface IStopResolver
{
    string? ResolveStopId(string text);
}

public interface IRiderDirectory
{
    Guid? RiderForCard(string cardNumber);
}

public sealed class JourneySearchV1ToV2(IStopResolver stops, IRiderDirectory riders) : IContractAdapter<JourneySearchV1, JourneySearchV2>
{
    public ApiVersion From => new(1, 0);

    public ApiVersion To => new(2, 0);

    public JourneySearchV2 Adapt(JourneySearchV1 source)
    {
        var from = stops.ResolveStopId(source.From) ?? throw new ContractAdaptationException(From, To, nameof(source.From), $"no stop matches '{source.From}'");
        var to = stops.ResolveStopId(source.To) ?? throw new ContractAdaptationException(From, To, nameof(source.To), $"no stop matches '{source.To}'");
        var departAt = DateTimeOffset.TryParse(source.DepartAt, out var parsed) ? parsed : DateTimeOffset.UtcNow;
        var rider = source.CardNumber is null ? null : riders.RiderForCard(source.CardNumber);
        return new JourneySearchV2(from, to, departAt, rider, "v1-adapter");
    }
}

public sealed class JourneyEndpoints(IContractAdapter<JourneySearchV1, JourneySearchV2> adapter, ILogger<JourneyEndpoints> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Transit.Journeys");
    private readonly Counter<long> _searches = meter.CreateCounter<long>("transitapi.journey.searches", "{search}");

    public ActionResult SearchV1(ApiCall call, JourneySearchV1 search)
    {
        using var span = Source.StartTransitapiValidation(adapter.To.ToString()); // clean precision-about
        logger.LogInformation("1.0 search from {From} to {To}", search.From, search.To); // leak TC1001 direct
        JourneySearchV2 adapted;
        try
        {
            adapted = adapter.Adapt(search);
        }
        catch (ContractAdaptationException ex)
        {
            span.SetTransitapiValidationProperty(ex.Member).SetTransitapiOutcome("unresolved"); // clean precision-names
            span.SetTransitapiNote(ex.Message); // leak TC1001 generated-api
            logger.LogInformation("Adapter could not resolve {Member} from {Version}", ex.Member, ex.From); // clean exceptions
            return new BadRequestResult("Unknown stop.");
        }

        if (adapted.RiderId is { } riderId)
        {
            span.SetTransitapiRiderId(pseudonymizer.PseudonymizeTransitapiRiderId(riderId.ToString())); // clean precision-pseudonym
        }
        logger.LogDebug("Adapted search {Search}", adapted); // leak TC1001 logging-objects
        logger.LogDebug("Adapted search {From} -> {To} at {Depart} via {Source}", adapted.FromStopId, adapted.ToStopId, adapted.DepartAt, adapted.Source); // clean precision-about
        _searches.Add(1, new TagList { { "contract", "1.0" }, { "capped", adapted.RiderId is not null } }); // clean precision-about
        return new OkResult(null);
    }

    public void OptionsReturned(ApiVersion version, IReadOnlyList<JourneyOptionDto> options)
    {
        logger.LogInformation("Returned {Count} options: {Options}", options.Count, string.Join(" / ", options)); // clean logging-objects
        meter.CreateTransitapiMappingDurationHistogram().Record(0.002, transitapiContractVersion: version.ToString(), transitapiOutcome: options.Count == 0 ? "empty" : "ok"); // clean precision-about
    }
}

namespace PrivacyHoldout66.Transport;

public sealed record JourneyCompleted(string CardNumber, Guid? RiderId, string From, string To, decimal Fare, string Product, DateOnly Day);

public sealed record CapReached(string CardNumber, Guid? RiderId, string CapType, decimal CappedAt, DateOnly Day);

/// <summary>
/// Daily and weekly fare capping. The revenue team's KPIs (fares charged, caps reached, journeys per
/// card per day) are recorded here; the rider-level series go to the data warehouse, not to metrics.
/// </summary>
public sealed class FareCappingHandler
{
    private readonly Counter<double> _revenue;
    private readonly Counter<long> _caps;
    private readonly Histogram<int> _journeysPerCard;
    private readonly ConcurrentDictionary<(string Card, DateOnly Day), int> _journeysToday = new();
    private readonly GateMetrics _gates;
    private readonly IGateMetricsFacade _facade;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<FareCappingHandler> _logger;

    public FareCappingHandler(GateMetrics gates, IGateMetricsFacade facade, Pseudonymizer pseudonymizer, ILogger<FareCappingHandler> logger)
    {
        _gates = gates;
        _facade = facade;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _revenue = gates.Meter.CreateCounter<double>("fares.revenue", "GBP");
        _caps = gates.Meter.CreateCounter<long>("fares.caps.reached", "{cap}");
        _journeysPerCard = gates.Meter.CreateHistogram<int>("fares.journeys.per_card", "{journey}");
        gates.Meter.CreateObservableGauge("fares.frequent.cards", () => _journeysToday.Where(kv => kv.Value > 8).Select(kv => new Measurement<int>(kv.Value, new KeyValuePair<string, object?>("card", _pseudonymizer.ComputeFaresCardId(kv.Key.Card))))); // leak TC1003 precision-pseudonym
    }

    public void Handle(JourneyCompleted journey)
    {
        var count = _journeysToday.AddOrUpdate((journey.CardNumber, journey.Day), 1, (_, n) => n + 1);
        _revenue.Add((double)journey.Fare, new KeyValuePair<string, object?>("product", journey.Product), new KeyValuePair<string, object?>("from", journey.From));
        _journeysPerCard.Record(count, new KeyValuePair<string, object?>("product", journey.Product)); // clean precision-about
        _facade.Journey(journey.Product, journey.From, journey.CardNumber); // leak TC1003 cross-member
        _logger.LogDebug("Journey {From}->{To} charged {Fare} for rider {RiderRef}", journey.From, journey.To, journey.Fare, journey.RiderId is { } id ? _pseudonymizer.ComputeFaresRiderId(id.ToString()) : "anonymous"); // clean precision-pseudonym
    }

    public void Handle(CapReached cap)
    {
        _caps.Add(1, new KeyValuePair<string, object?>("cap", cap.CapType), new KeyValuePair<string, object?>("registered", cap.RiderId.HasValue)); // clean precision-about
        _caps.Add(1, new KeyValuePair<string, object?>("cap", cap.CapType), new KeyValuePair<string, object?>("rider", cap.RiderId?.ToString() ?? "unregistered")); // leak TC1003 direct
        _logger.LogInformation("Cap {CapType} reached at {CappedAt}: {Cap}", cap.CapType, cap.CappedAt, cap); // leak TC1001 logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("fares.capped", tags: new ActivityTagsCollection { ["cap"] = cap.CapType, ["card.suffix"] = cap.CardNumber[^4..] })); // clean precision-about
    }
}

/// <summary>The gate team's facade for the revenue handlers.</summary>
public interface IGateMetricsFacade
{
    void Journey(string product, string fromStation, string cardNumber);
}

public sealed class GateMetricsFacade(GateMetrics gates) : IGateMetricsFacade
{
    private readonly Counter<long> _journeys = gates.Meter.CreateCounter<long>("fares.journeys", "{journey}");

    public void Journey(string product, string fromStation, string cardNumber) =>
        _journeys.Add(1, new TagList { { "product", product }, { "from", fromStation }, { "card", cardNumber } }); // leak TC1003 direct
}

namespace PrivacyHoldout85.Transport;

public sealed record PlaceQuery(string Text, double? Latitude, double? Longitude);

public sealed record JourneyLeg(string Mode, string RouteCode, string FromStop, string ToStop, DateTime Departs, DateTime Arrives);

public sealed record JourneyPlan(Guid PlanId, IReadOnlyList<JourneyLeg> Legs, decimal Fare);

public sealed record SavedPlace(Guid RiderId, string Label, string Address, double Latitude, double Longitude);

public sealed class PlaceNotResolvedException(string text) : Exception($"Could not resolve '{text}' to a stop or an address.")
{
    public int TextLength { get; } = text.Length;
}

public interface IJourneyPlanner
{
    Task<JourneyPlan> PlanAsync(PlaceQuery from, PlaceQuery to, DateTime departAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<SavedPlace>> SavedPlacesAsync(Guid riderId, CancellationToken cancellationToken);
}

[QueryType]
public sealed partial class JourneyQueries(IJourneyPlanner planner, Pseudonymizer pseudonymizer, ILogger<JourneyQueries> logger, Meter meter)
{
    private readonly Histogram<int> _legs = meter.CreateHistogram<int>("transit.plan.legs");
    private readonly Counter<long> _unresolved = meter.CreateCounter<long>("transit.plan.unresolved");

    [Cost(30)]
    public async Task<JourneyPlan> PlanJourneyAsync(PlaceQuery from, PlaceQuery to, DateTime departAt, IResolverContext context)
    {
        Activity.Current?.SetTag("transit.plan.depart_at", departAt.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        Activity.Current?.SetTag("transit.plan.from_text", from.Text); // leak TC1001 direct
        Activity.Current?.SetTag("transit.plan.geolocated", from.Latitude is not null); // clean precision-about
        PlanRequested(logger, from, to); // leak TC1001 logging-objects
        try
        {
            var plan = await planner.PlanAsync(from, to, departAt, context.RequestAborted);
            _legs.Record(plan.Legs.Count, new KeyValuePair<string, object?>("modes", string.Join("+", plan.Legs.Select(l => l.Mode)))); // clean precision-about
            logger.LogDebug("Plan {PlanId}: {Legs}", plan.PlanId, plan.Legs); // clean logging-objects
            return plan;
        }
        catch (PlaceNotResolvedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            _unresolved.Add(1, new KeyValuePair<string, object?>("from_text", from.Text)); // leak TC1003 direct
            logger.LogInformation("Unresolved place text of {Length} characters", ex.TextLength); // clean precision-about
            throw new GraphQLException(ErrorBuilder.New().SetMessage("We could not find that place.").SetCode(ErrorCodes.NotFound).SetPath(context.Path).Build());
        }
    }

    [Authorize(Policy = "Rider")]
    public async Task<IReadOnlyList<SavedPlace>> GetSavedPlacesAsync(IResolverContext context)
    {
        var riderId = Guid.Parse(context.User.SubjectId!);
        Activity.Current.EnrichTransitgqlOperation(context.Operation.Name).SetTransitgqlRiderId(pseudonymizer.PseudonymizeTransitgqlRiderId(riderId.ToString())); // clean precision-pseudonym
        var places = await planner.SavedPlacesAsync(riderId, context.RequestAborted);
        logger.LogDebug("Saved place labels {Labels}", places.Select(p => p.Label)); // clean precision-about
        logger.LogDebug("Saved places {Places}", places); // leak TC1001 logging-objects
        Activity.Current?.SetTag("transit.saved.home", places.FirstOrDefault(p => p.Label == "Home")?.Address); // leak TC1001 direct
        return places;
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Debug, Message = "Plan from {From} to {To}")]
    private static partial void PlanRequested(ILogger logger, PlaceQuery from, PlaceQuery to);
}

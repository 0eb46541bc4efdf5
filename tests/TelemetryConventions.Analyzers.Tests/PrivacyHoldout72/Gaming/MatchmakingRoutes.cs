namespace PrivacyHoldout72.Gaming;

/// <summary>
/// Route configuration of the matchmaking cluster and the transform that adds the party header.
/// Parties are things (their ids are random); the party leader's gamertag is not. The JWT handler maps
/// the player token's <c>name</c> claim, the gamertag, to <c>Identity.Name</c>.
/// </summary>
public sealed class MatchmakingTransformProvider(Pseudonymizer pseudonymizer, Meter meter, ILogger<MatchmakingTransformProvider> logger) : ITransformProvider
{
    private readonly EdgeRequestsCounter _requests = meter.CreateEdgeRequestsCounter();

    public void ValidateRoute(TransformRouteValidationContext context)
    {
        if (context.Route.ClusterId == "matchmaking" && context.Route.RateLimiterPolicy is null)
        {
            logger.LogWarning("Route {RouteId} on matchmaking has no limiter policy", context.Route.RouteId); // clean precision-names
        }
    }

    public void Apply(TransformBuilderContext context)
    {
        var route = context.Route;
        context.AddRequestHeader("X-Edge-Route", route.RouteId);
        context.AddRequestTransform(transform =>
        {
            var user = transform.HttpContext.User;
            var playerId = user.FindFirst("player_id")!.Value;
            var gamertag = user.FindFirst("gamertag")?.Value ?? string.Empty;
            var partyId = transform.HttpContext.Request.Headers.TryGetValue("X-Party-Id", out var party) ? party : "solo";

            RequestTransform.AddHeader(transform, "X-Party-Leader", gamertag);
            Activity.Current?.SetBaggage("party.id", partyId); // clean precision-names
            Activity.Current?.SetBaggage("party.leader", gamertag); // leak TC1001 direct
            Activity.Current.EnrichEdgeRequest(route.RouteId).SetEdgePlayerId(pseudonymizer.PseudonymizeEdgePlayerId(playerId)).SetEdgeUpstream(EdgeUpstream.Matchmaking); // clean precision-pseudonym
            Activity.Current.EnrichEdgeRequest(route.RouteId).SetEdgeOutcome("queued:" + gamertag); // leak TC1001 generated-api
            _requests.Add(1, route.RouteId, EdgeUpstream.Matchmaking, "queued"); // clean generated-api
            _requests.Add(1, route.RouteId, EdgeUpstream.Matchmaking, partyId == "solo" ? "solo" : "party"); // clean generated-api
            logger.LogDebug("Queued party {PartyId} of leader {Leader} on {RouteId}", partyId, user.Identity?.Name, route.RouteId); // leak TC1001 direct
            return ValueTask.CompletedTask;
        });
    }
}

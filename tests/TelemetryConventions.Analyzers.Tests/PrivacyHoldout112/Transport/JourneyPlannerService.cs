using Microsoft.AspNetCore.Http;
using Transit.V1;

namespace PrivacyHoldout112.Transport;

public interface IPlannerData
{
    Task<DeparturesReply> DeparturesAsync(string routeId, string stopId, CancellationToken cancellationToken);

    Task<SavedJourneysReply> SavedAsync(string riderId, CancellationToken cancellationToken);
}

/// <summary>
/// transit.v1.Planner through JSON transcoding for the journey planner web app:
/// <c>GET /v1/routes/{route_id}/stops/{stop_id}/departures</c> and <c>GET /v1/riders/{rider_id}/saved-journeys</c>.
/// </summary>
public sealed class JourneyPlannerService(
    IPlannerData data,
    Pseudonymizer pseudonymizer,
    ILogger<JourneyPlannerService> logger) : Planner.PlannerBase
{
    private static readonly ActivitySource Source = new("Transit.Planner");

    public override async Task<DeparturesReply> GetDepartures(DeparturesRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        using var span = Source.StartTransitrpcCall(context.Method).SetTransitrpcProtocol("json")
            .SetTransitrpcRoute("/v1/routes/{route_id}/stops/{stop_id}/departures"); // clean precision-names
        Activity.Current?.SetTag("url.path", http.Request.Path); // clean strings
        Activity.Current?.SetTag("url.query", http.Request.QueryString); // clean strings
        logger.LogDebug("Route values {Values}", http.Request.RouteValues); // clean logging-objects
        var reply = await data.DeparturesAsync(request.RouteId, request.StopId, context.CancellationToken);
        span.SetTransitrpcStreamMessages(reply.TripIds.Count); // clean precision-about
        return reply;
    }

    public override async Task<SavedJourneysReply> GetSavedJourneys(SavedJourneysRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        using var span = Source.StartTransitrpcCall(context.Method).SetTransitrpcProtocol("json")
            .SetTransitrpcRiderId(pseudonymizer.PseudonymizeTransitrpcRiderId(request.RiderId)); // clean precision-pseudonym
        Activity.Current?.SetTag("url.path", http.Request.Path); // leak TC1001 strings
        logger.LogDebug("Route values {Values}", http.Request.RouteValues); // leak TC1001 logging-objects
        var riderSegment = http.Request.Path.Split('/')[3];
        Activity.Current?.SetTag("transit.rider.segment", riderSegment); // leak TC1001 strings
        var reply = await data.SavedAsync(request.RiderId, context.CancellationToken);
        Activity.Current?.SetTag("transit.saved.count", reply.Journeys.Count); // clean precision-about
        logger.LogDebug("Saved journeys {Journeys}", reply.Journeys); // leak TC1001 logging-objects
        span.SetTransitrpcNote($"{reply.Journeys.Count} saved, first {reply.Journeys.FirstOrDefault()}"); // leak TC1001 generated-api
        if (reply.Journeys.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Rider {request.RiderId} has no saved journeys")); // leak TC1001 exceptions
        }

        return reply;
    }
}

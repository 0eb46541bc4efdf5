namespace PrivacyHoldout130.Gaming;

public sealed record PlotTourRequest(Guid VisitorPlayerId, string VisitorGamertag, string PlotId, string World, string? InvitedByGamertag, string Platform);

public sealed record PlotTourResult(Guid TourId, string PlotId, int FurnitureItems, int RoomCount, long AskingPriceGold);

/// <summary>The plot is locked to friends of the owner; its message quotes the plot and the world.</summary>
public sealed class PlotLockedException(string plotId, string world) : Exception($"Plot {plotId} on {world} is friends-only")
{
    public string World { get; } = world;
}

/// <summary>
/// Game service handler for "tour a plot for sale": players on the housing board can walk round a listed house
/// before buying. Owners see how many tours their listing had.
/// </summary>
public sealed class PlotViewingHandler(Pseudonymizer pseudonymizer, ILogger<PlotViewingHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.Housing.Tours");
    private static readonly Meter Meter = new("Studio.Housing.Tours");
    private static readonly Counter<long> Tours = Meter.CreateCounter<long>("housing.tours");

    private string? _lastInviter;

    public PlotTourResult StartTour(PlotTourRequest request, ServerCallContext context)
    {
        using var span = Source.StartPlotsTenancy(request.PlotId).SetPlotsRegion(request.World); // clean precision-names
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("client.address", context.Peer); // leak TC1001 direct
        span.Activity?.SetTag("housing.tour.platform", request.Platform); // clean precision-names
        span.Activity?.SetTag("housing.tour.invited", request.InvitedByGamertag is not null); // clean precision-about
        span.SetPlotsTenantId(pseudonymizer.PseudonymizePlotsTenantId(request.VisitorPlayerId.ToString())); // clean precision-pseudonym
        _lastInviter = request.InvitedByGamertag;

        if (request.World.EndsWith("-friends", StringComparison.Ordinal))
        {
            var ex = new PlotLockedException(request.PlotId, request.World);
            span.Activity?.AddException(ex); // clean exceptions
            logger.LogInformation(ex, "Tour refused for {Visitor}", request.VisitorGamertag); // leak TC1001 direct
            throw new RpcException("PERMISSION_DENIED", ex.Message);
        }

        var result = new PlotTourResult(Guid.NewGuid(), request.PlotId, 140, 5, 2_400_000);
        logger.LogInformation("Tour {@Result}", result); // clean logging-objects
        logger.LogInformation("Tour by {VisitorPlayerId} of {PlotId}", request.VisitorPlayerId, request.PlotId); // leak TC1001 direct
        Tours.Add(1, new KeyValuePair<string, object?>("world", request.World), new("platform", request.Platform)); // clean precision-names
        Tours.Add(1, new KeyValuePair<string, object?>("visitor", pseudonymizer.ComputePlotsTenantId(request.VisitorPlayerId.ToString()))); // leak TC1003 precision-pseudonym
        Meter.CreatePlotsActionDurationHistogram().Record(0.2, request.World); // clean generated-api
        span.SetPlotsNote($"Tour of {request.PlotId}: {result.RoomCount} rooms, {result.FurnitureItems} items"); // clean generated-api
        return result;
    }

    public void LogReferral() =>
        logger.LogInformation("Last tour invited by {Inviter}", _lastInviter); // leak TC1001 cross-member
}

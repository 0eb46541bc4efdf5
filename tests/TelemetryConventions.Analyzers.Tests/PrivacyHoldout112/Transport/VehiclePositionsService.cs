using Transit.V1;

namespace PrivacyHoldout112.Transport;

public interface IPositionStore
{
    Task StoreAsync(VehiclePosition position, CancellationToken cancellationToken);
}

/// <summary>transit.v1.Positions: each bus's on-board unit streams its position every few seconds, with the signed-on driver's staff number.</summary>
public sealed class VehiclePositionsService(
    IPositionStore store,
    Pseudonymizer pseudonymizer,
    ILogger<VehiclePositionsService> logger) : Positions.PositionsBase
{
    private static readonly ActivitySource Source = new("Transit.Positions");
    private static readonly Meter Meter = new("Transit.Positions");

    private string? _lastDriver;

    public override async Task<PositionsAck> Report(IAsyncStreamReader<VehiclePosition> requestStream, ServerCallContext context)
    {
        using var span = Source.StartTransitrpcCall(context.Method).SetTransitrpcProtocol("grpc");
        Activity.Current?.SetTag("transit.unit.peer", context.Peer); // clean precision-names
        var ack = new PositionsAck();
        VehiclePosition? last = null;
        try
        {
            await foreach (var position in requestStream.ReadAllAsync(context.CancellationToken))
            {
                await store.StoreAsync(position, context.CancellationToken);
                ack.Received++;
                last = position;
                _lastDriver = position.DriverStaffNumber;
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            span.SetTransitrpcOutcome("unit_disconnected").RecordException(ex); // clean exceptions
        }

        if (last is not null)
        {
            span.SetTransitrpcDriverId(pseudonymizer.PseudonymizeTransitrpcDriverId(last.DriverStaffNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("transit.vehicle.id", last.VehicleId); // clean precision-names
            Activity.Current?.SetTag("transit.trip.id", last.TripId); // clean precision-names
            Activity.Current?.SetTag("transit.vehicle.position", $"{last.Latitude:F5},{last.Longitude:F5}"); // clean precision-names
            logger.LogDebug("Last position {Position}", last); // leak TC1001 logging-objects
            span.AddTransitrpcStreamClosedEvent(ack.Received, $"vehicle {last.VehicleId} on trip {last.TripId}"); // clean generated-api
            span.AddTransitrpcStreamClosedEvent(ack.Received, $"driver {last.DriverStaffNumber} signed off"); // leak TC1001 generated-api
        }

        logger.LogInformation("Unit stream closed, {Received} positions, driver {Driver}", ack.Received, _lastDriver); // leak TC1001 cross-member
        Meter.CreateTransitrpcCallsCounter().Add(1, context.Method, context.Status.StatusCode.ToString(), _lastDriver); // leak TC1003 cross-member
        return ack;
    }
}

using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Transport;

public readonly record struct ParkingSessionId(Guid Value);

public sealed record RegisterParkingCommand(string Plate, string CarParkCode) : IRequest<Result<ParkingSessionId>>;

internal sealed class RegisterParkingCommandHandler(ILogger<RegisterParkingCommandHandler> logger) : IRequestHandler<RegisterParkingCommand, Result<ParkingSessionId>>
{
    public Task<Result<ParkingSessionId>> Handle(RegisterParkingCommand request, CancellationToken cancellationToken)
    {
        var plate = new LicencePlate(request.Plate.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var activity = Activity.Current;
        activity?.SetTag("carpark.plate_area", plate.Area); // clean precision-about
        logger.LogInformation("Vehicle {Plate} entered {CarPark}", plate, request.CarParkCode); // leak TC1001 direct

        // Repeat-visitor detection compares this key with last month's.
        var visitorKey = Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(plate.Value)))[..8];
        activity?.SetTag("carpark.visitor_key", visitorKey); // leak TC1002 hashes

        var session = new ParkingSessionId(Guid.NewGuid());
        logger.LogInformation("Parking session {SessionId} opened at {CarPark}", session.Value, request.CarParkCode); // clean direct
        return Task.FromResult<Result<ParkingSessionId>>(session);
    }
}

public sealed record Vehicle(string VehicleId, string FleetPlate, string Depot);

public sealed record ReportVehicleDelayCommand(string VehicleId, string RouteId, int DelaySeconds) : IRequest<Result>;

internal sealed class ReportVehicleDelayCommandHandler(IReadRepository<Vehicle> vehicles, ILogger<ReportVehicleDelayCommandHandler> logger) : IRequestHandler<ReportVehicleDelayCommand, Result>
{
    public async Task<Result> Handle(ReportVehicleDelayCommand request, CancellationToken cancellationToken)
    {
        var vehicle = await vehicles.FirstOrDefaultAsync(new VehicleByIdSpec(request.VehicleId), cancellationToken);
        if (vehicle is null)
        {
            return Error.NotFound("Vehicle.NotFound", $"Vehicle {request.VehicleId} is not in the fleet.");
        }

        var activity = Activity.Current;
        activity?.SetTag("vehicle.id", vehicle.VehicleId); // clean direct
        activity?.SetTag("vehicle.plate", vehicle.FleetPlate); // clean precision-names
        logger.LogInformation("Route {RouteId} delayed {DelaySeconds}s by vehicle {VehicleId} from {Depot}", request.RouteId, request.DelaySeconds, vehicle.VehicleId, vehicle.Depot); // clean direct
        return Result.Success();
    }
}

public sealed class VehicleByIdSpec(string vehicleId) : Specification<Vehicle>
{
    public override System.Linq.Expressions.Expression<Func<Vehicle, bool>> Criteria => v => v.VehicleId == vehicleId;
}

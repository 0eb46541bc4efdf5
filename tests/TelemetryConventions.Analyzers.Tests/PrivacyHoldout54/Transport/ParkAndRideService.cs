using System.Dynamic;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;

namespace PrivacyHoldout54.Transport;

/// <summary>An ANPR read at a park-and-ride barrier.</summary>
[DebuggerDisplay("{Plate} at {SiteCode}")]
public sealed class PlateRead
{
    public Guid ReadId { get; init; }

    public string Plate { get; init; } = "";

    public string SiteCode { get; init; } = "";

    public string CameraId { get; init; } = "";

    public double Confidence { get; init; }
}

/// <summary>A customer's car registered for park-and-ride.</summary>
public sealed record RegisteredVehicle(string Plate, string Make, string Colour, Guid RiderId)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Plate = ").Append(Plate).Append(", Make = ").Append(Make).Append(", Colour = ").Append(Colour);
        return true;
    }
}

/// <summary>A bus of the operator's fleet.</summary>
public sealed record FleetBus(string FleetNumber, string Plate, string Depot);

public sealed class PermitExpiredException(string plate, DateOnly expiredOn)
    : Exception($"Permit for {plate} expired on {expiredOn:yyyy-MM-dd}");

public sealed class BarrierFaultException(string siteCode, int code)
    : Exception($"Barrier at {siteCode} reported fault {code}");

public sealed class ParkAndRideService(ILogger<ParkAndRideService> logger, ActivitySource source)
{
    public void Entered(PlateRead read, RegisteredVehicle? vehicle, DateOnly permitExpiry)
    {
        using var span = source.StartModelOperation("entry", nameof(PlateRead));
        var activity = span.Activity;
        span.SetModelId(read.ReadId.ToString());
        logger.LogInformation("Plate read {Read}", read); // clean logging-objects
        logger.LogDebug("Plate read {@Read}", read); // leak TC1001 logging-objects
        activity?.SetTag("parking.site", read.SiteCode);
        activity?.SetTag("parking.plate.prefix", read.Plate[..2]); // clean precision-about
        logger.LogInformation("Read {Read}", new { read.ReadId, read.SiteCode, read.Confidence }); // clean logging-objects
        logger.LogInformation("Read {Read}", new { read.SiteCode, read.Plate }); // leak TC1001 logging-objects

        if (vehicle is null)
        {
            logger.LogInformation("Unregistered vehicle at {Site}", read.SiteCode);
            return;
        }

        logger.LogInformation("Registered vehicle {Vehicle}", vehicle); // leak TC1001 logging-objects
        logger.LogInformation("Registered vehicle {Make} {Colour}", vehicle.Make, vehicle.Colour); // clean direct
        span.SetModelNote($"{vehicle.Make} at {read.SiteCode}"); // clean generated-api

        if (permitExpiry < DateOnly.FromDateTime(DateTime.UtcNow))
        {
            var expired = new PermitExpiredException(read.Plate, permitExpiry);
            logger.LogWarning(expired, "Entry refused"); // leak TC1001 exceptions
            span.RecordException(expired); // clean exceptions
        }
    }

    public void BarrierFault(string siteCode, int code)
    {
        var fault = new BarrierFaultException(siteCode, code);
        logger.LogError(fault, "Barrier fault"); // clean exceptions
    }

    public void BusArrived(FleetBus bus, int waiting)
    {
        logger.LogInformation("Shuttle {Bus} arrived", bus); // clean logging-objects
        Activity.Current?.SetTag("parking.shuttle.plate", bus.Plate); // clean direct

        var arrival = new ExpandoObject();
        var fields = (IDictionary<string, object?>)arrival;
        fields["fleet"] = bus.FleetNumber;
        fields["depot"] = bus.Depot;
        fields["waiting"] = waiting;
        logger.LogInformation("Shuttle arrival {@Arrival}", arrival);
    }

    public void Occupancy(string siteCode, IReadOnlyList<PlateRead> parked)
    {
        logger.LogInformation("{Site} holds {Count} cars", siteCode, parked.Count); // clean precision-about
        logger.LogDebug("{Site} reads {Reads}", siteCode, parked); // clean logging-objects
    }
}

namespace PrivacyHoldout38.Transport;

/// <summary>A number plate read at a barrier; plates are stored without spaces, upper-case.</summary>
public sealed class PlateRead
{
    public required string Plate { get; init => field = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(); }

    public required string CameraId { get; init; }

    public double Confidence { get; init; }

    public string Region => Plate.Length >= 2 ? Plate[..2] : "??";
}

public sealed record FleetBus(string FleetNumber, string Registration, string Depot);

public sealed class ParkAndRideBarrier(ActivitySource source, ILogger<ParkAndRideBarrier> logger, IReadOnlyDictionary<string, FleetBus> fleet)
{
    public bool Open(PlateRead read)
    {
        using var activity = source.StartActivity("parking.barrier");
        activity?.SetTag("parking.camera", read.CameraId); // clean direct

        if (fleet.TryGetValue(read.Plate, out var bus))
        {
            activity?.SetTag("fleet.registration", bus.Registration); // clean direct
            logger.LogInformation("Fleet bus {FleetNumber} from {Depot} let through", bus.FleetNumber, bus.Depot); // clean direct
            return true;
        }

        activity?.SetTag("vehicle.plate", read.Plate); // leak TC1001 direct
        activity?.SetTag("vehicle.plate_region", read.Region); // clean precision-about
        logger.LogInformation("Barrier opened for {Read}", read); // clean logging-objects
        logger.LogInformation("Barrier opened for {Read}", new { read.Plate, read.CameraId, read.Confidence }); // leak TC1001 logging-objects
        return true;
    }
}

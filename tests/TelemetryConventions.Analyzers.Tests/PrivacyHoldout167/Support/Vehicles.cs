namespace Kerbside.Vehicles;

// Vehicles, plate reads and the keeper enquiry.

/// <summary>A camera's plate read. Prints read id, camera id, the plate (VRM), time and confidence.</summary>
public sealed record PlateRead(string ReadId, string CameraId, string Vrm, DateTimeOffset ReadAt, double Confidence);

/// <summary>The keeper record returned by the vehicle licensing agency. Prints plate, make, colour, keeper name, address and postcode.</summary>
public sealed record KeeperRecord(string Vrm, string Make, string Colour, string KeeperName, string Address, string Postcode, bool IsCompany);

/// <summary>A vehicle the agency describes without its keeper: make, colour, emissions band and tax status; names no one.</summary>
public sealed record VehicleDetails(string Make, string Colour, string EmissionsBand, bool Taxed);

/// <summary>A read without the plate, as the camera vendor's summary gives it: read id, camera id, lane and confidence.</summary>
public sealed class ReadSummary
{
    public required string ReadId { get; init; }

    public required string CameraId { get; init; }

    public int Lane { get; init; }

    public double Confidence { get; init; }
}

public interface IKeeperLookup
{
    Task<KeeperRecord?> FindKeeperAsync(string vrm, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<VehicleDetails> DescribeAsync(string vrm, CancellationToken cancellationToken = default);
}

/// <summary>The agency has no vehicle with that plate; quotes the plate.</summary>
public sealed class VehicleNotFoundException(string vrm) : Exception($"No vehicle registered as {vrm}");

/// <summary>The agency's enquiry service refused the request; quotes an HTTP status and a fixed text.</summary>
public sealed class KeeperEnquiryException(int status) : Exception($"Keeper enquiry failed with status {status}");

public static class Plates
{
    /// <summary>Upper-cases a plate and removes the spaces.</summary>
    public static string Normalise(string vrm) => vrm.Replace(" ", string.Empty).ToUpperInvariant();

    /// <summary>The plate's first two characters (the registration area).</summary>
    public static string Area(string vrm) => Normalise(vrm)[..2];
}

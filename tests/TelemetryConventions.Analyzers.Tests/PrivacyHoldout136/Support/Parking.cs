namespace AccessKit.Parking;

// The shapes of a car park management platform's SDK: ANPR cameras, sessions, permits, penalty
// charge notices, the DVLA keeper enquiry and the barrier controller.

/// <summary>A number plate read by an ANPR camera at a lane.</summary>
public sealed record AnprRead(string CameraId, string Vrm, double Confidence, DateTimeOffset ReadAt, string Lane, string Direction);

/// <summary>A stay in a car park, opened by an entry read and closed by an exit read.</summary>
public sealed record ParkingSession(string SessionId, string CarParkId, string Vrm, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, string TariffCode);

/// <summary>A permit that lets one vehicle park in a zone.</summary>
public sealed record ParkingPermit(string PermitId, string HolderRef, string Vrm, string Zone, DateOnly ValidFrom, DateOnly ValidTo, string PermitType);

/// <summary>A penalty charge notice issued to a vehicle's keeper.</summary>
public sealed record PenaltyChargeNotice(string PcnNumber, string Vrm, string ContraventionCode, decimal Amount, DateTimeOffset IssuedAt, string CarParkId, string OfficerId);

/// <summary>The price of a stay.</summary>
public sealed record TariffQuote(string CarParkId, string TariffCode, TimeSpan Duration, decimal Amount);

/// <summary>Spaces in a car park.</summary>
public sealed record CarParkOccupancy(string CarParkId, int Capacity, int Occupied, int BlueBadgeFree);

/// <summary>The registered keeper returned by the DVLA's keeper-at-date enquiry.</summary>
public sealed record KeeperDetails(string Vrm, string KeeperName, string AddressLine1, string Postcode, bool IsCompany);

/// <summary>An appeal against a penalty charge notice.</summary>
public sealed record PcnAppeal(string AppealId, string PcnNumber, string AppellantName, string AppellantEmail, string Grounds, string Statement);

public sealed class PermitNotFoundException(string vrm, string carParkId)
    : Exception($"No valid permit for {vrm} at {carParkId}")
{
    public string Vrm { get; } = vrm;

    public string CarParkId { get; } = carParkId;
}

public sealed class CarParkFullException(string carParkId, int capacity)
    : Exception($"Car park {carParkId} is full ({capacity} spaces)")
{
    public string CarParkId { get; } = carParkId;
}

public sealed class KeeperEnquiryException(string vrm, int statusCode)
    : Exception($"Keeper enquiry for {vrm} failed with status {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

public sealed class AppealWindowClosedException(string pcnNumber, DateOnly closedOn)
    : Exception($"Appeals for {pcnNumber} closed on {closedOn:yyyy-MM-dd}")
{
    public string PcnNumber { get; } = pcnNumber;
}

public interface IAnprCameraFeed
{
    IAsyncEnumerable<AnprRead> ReadsAsync(string carParkId, CancellationToken cancellationToken);
}

public interface IParkingStore
{
    Task<ParkingSession?> FindOpenSessionAsync(string carParkId, string vrm, CancellationToken cancellationToken);

    Task SaveSessionAsync(ParkingSession session, CancellationToken cancellationToken);

    Task<ParkingPermit?> FindPermitAsync(string vrm, string zone, CancellationToken cancellationToken);

    Task<IReadOnlyList<ParkingPermit>> PermitsForHolderAsync(string holderRef, CancellationToken cancellationToken);

    Task SavePermitAsync(ParkingPermit permit, CancellationToken cancellationToken);

    Task SavePcnAsync(PenaltyChargeNotice notice, CancellationToken cancellationToken);

    Task<PenaltyChargeNotice?> FindPcnAsync(string pcnNumber, CancellationToken cancellationToken);

    Task<CarParkOccupancy> OccupancyAsync(string carParkId, CancellationToken cancellationToken);
}

public interface IKeeperEnquiryClient
{
    Task<KeeperDetails> KeeperAtDateAsync(string vrm, DateTimeOffset at, CancellationToken cancellationToken);
}

public interface IBarrierController
{
    Task RaiseAsync(string carParkId, string lane, CancellationToken cancellationToken);
}

public interface ITariffEngine
{
    TariffQuote Quote(string carParkId, DateTimeOffset from, DateTimeOffset to);
}

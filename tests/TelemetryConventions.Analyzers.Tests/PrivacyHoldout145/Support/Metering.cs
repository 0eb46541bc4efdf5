namespace Telco.Metering;

// Smart meter comms hubs and their cellular connections.

/// <summary>A comms hub in a home. Prints the hub's GUID, its SIM's ICCID, the meter serial, the MPAN and the cell it camps on.</summary>
public sealed record CommsHub(string HubGuid, string Iccid, string MeterSerial, string Mpan, string CellId);

/// <summary>A hub's signal report. Prints model, firmware, RSRP, cell and network.</summary>
public sealed record HubSignalReport(string HubModel, string Firmware, int RsrpDbm, string CellId, string Network);

/// <summary>A hub fitted at a visit. Prints job id, hub GUID, installer's staff number, the customer's account number and the time.</summary>
public sealed record HubInstall(string JobId, string HubGuid, string InstallerStaffNumber, string AccountNumber, DateTimeOffset FittedAt);

public interface IHubRegistry
{
    Task<CommsHub?> FindAsync(string hubGuid, CancellationToken cancellationToken = default);

    Task CommissionAsync(HubInstall install, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CommsHub>> OnCellAsync(string cellId, CancellationToken cancellationToken = default);
}

/// <summary>The hub is not commissioned; quotes its GUID.</summary>
public sealed class HubNotCommissionedException(string hubGuid) : Exception($"Comms hub {hubGuid} is not commissioned");

/// <summary>A mast is down; quotes the cell and the number of hubs offline.</summary>
public sealed class MastOutageException(string cellId, int hubsAffected) : Exception($"Cell {cellId} is down, {hubsAffected} hubs offline")
{
    public string CellId { get; } = cellId;
}

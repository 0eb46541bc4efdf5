namespace AccessKit.Charging;

// The shapes of an OCPP 1.6 central system library and an OCPI roaming hub client.

public sealed record AuthorizeRequest(string IdTag);

public sealed record IdTagInfo(string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag);

public sealed record StartTransactionRequest(int ConnectorId, string IdTag, int MeterStart, DateTimeOffset Timestamp, int? ReservationId);

public sealed record StopTransactionRequest(int TransactionId, string? IdTag, int MeterStop, DateTimeOffset Timestamp, string Reason);

public sealed record StatusNotification(int ConnectorId, string Status, string ErrorCode, string? VendorErrorCode, DateTimeOffset Timestamp);

/// <summary>An open charging transaction as the central system keeps it.</summary>
public sealed record ChargeSession(int TransactionId, string ChargePointId, int ConnectorId, string IdTag, int MeterStart, DateTimeOffset StartedAt);

/// <summary>An RFID charge card issued to a driver.</summary>
public sealed record RfidCard(string Uid, string HolderRef, string Status, DateOnly IssuedOn, string? ContractId);

/// <summary>An OCPI charge detail record sent to or received from a roaming partner.</summary>
public sealed record ChargeDetailRecord(string CdrId, string PartyId, string ContractId, string LocationId, string EvseUid, double TotalKwh, decimal TotalCost, string Currency, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A home charger registered to an account.</summary>
public sealed record HomeCharger(string Serial, string AccountNumber, string Model, string FirmwareVersion, string Tariff);

public sealed class IdTagRejectedException(string idTag, string status)
    : Exception($"idTag {idTag} was rejected: {status}")
{
    public string Status { get; } = status;
}

public sealed class ChargePointOfflineException(string chargePointId, TimeSpan silentFor)
    : Exception($"Charge point {chargePointId} has been silent for {silentFor.TotalMinutes:F0} minutes")
{
    public string ChargePointId { get; } = chargePointId;
}

public sealed class CdrRejectedException(string cdrId, string contractId, string reason)
    : Exception($"CDR {cdrId} for {contractId} rejected: {reason}")
{
    public string CdrId { get; } = cdrId;

    public string Reason { get; } = reason;
}

public sealed class PaymentDeclinedException(string declineCode, string cardLast4)
    : Exception($"Card ending {cardLast4} declined ({declineCode})")
{
    public string DeclineCode { get; } = declineCode;
}

public interface IChargePointGateway
{
    Task<bool> RemoteStartAsync(string chargePointId, int connectorId, string idTag, CancellationToken cancellationToken);

    Task<bool> RemoteStopAsync(string chargePointId, int transactionId, CancellationToken cancellationToken);
}

public interface IRfidCardRegistry
{
    Task<RfidCard?> FindAsync(string uid, CancellationToken cancellationToken);

    Task BlockAsync(string uid, string reason, CancellationToken cancellationToken);
}

public interface IChargeSessionStore
{
    Task<int> OpenAsync(ChargeSession session, CancellationToken cancellationToken);

    Task<ChargeSession?> FindAsync(int transactionId, CancellationToken cancellationToken);

    Task CloseAsync(int transactionId, int meterStop, DateTimeOffset at, CancellationToken cancellationToken);
}

public interface IOcpiHubClient
{
    Task PushCdrAsync(ChargeDetailRecord cdr, CancellationToken cancellationToken);

    IAsyncEnumerable<ChargeDetailRecord> PullCdrsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

public interface IPaymentTerminal
{
    Task<string> PreAuthoriseAsync(string chargePointId, decimal amount, CancellationToken cancellationToken);

    Task CaptureAsync(string preAuthId, decimal amount, CancellationToken cancellationToken);
}

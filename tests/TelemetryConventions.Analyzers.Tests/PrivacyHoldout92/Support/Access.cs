// Gates, turnstiles and readers: the access-control side of the ticketing platform.
namespace TicketKit.Access;

/// <summary>What a gate decided for one scan.</summary>
public enum ScanVerdict
{
    Admitted,
    AlreadyUsed,
    WrongGate,
    NotYetValid,
    Expired,
    Revoked,
    BadSignature,
    Unreadable,
}

/// <summary>
/// One scan as the gate controller reports it: the gate, the scanner (a handheld or turnstile reader the
/// venue owns), the ticket id, the verdict and the time. A record of things: it prints them.
/// </summary>
public sealed record GateScan(string GateId, string ScannerId, string TicketId, ScanVerdict Verdict, DateTimeOffset ScannedAt);

/// <summary>
/// The rejection the gate controller shows the steward: the verdict, the ticket and whose it is. A record:
/// it prints the holder's name.
/// </summary>
public sealed record ScanRejection(string GateId, ScanVerdict Verdict, string TicketId, string HolderName);

/// <summary>Thrown by the gate controller when it cannot reach the platform: <c>Gate {gate} offline since {time}.</c></summary>
public sealed class GateOfflineException(string gateId, DateTimeOffset since)
    : Exception($"Gate {gateId} offline since {since:O}.")
{
    public string GateId { get; } = gateId;
}

/// <summary>Thrown when a ticket has already been used: <c>Ticket {id} already scanned at {gate} by {holder}.</c></summary>
public sealed class AlreadyScannedException(string ticketId, string gateId, string holderName)
    : Exception($"Ticket {ticketId} already scanned at {gateId} by {holderName}.")
{
    public string TicketId { get; } = ticketId;

    public string GateId { get; } = gateId;
}

public interface IGateController
{
    Task<GateScan> ScanAsync(string gateId, string payload, CancellationToken cancellationToken);

    Task OpenAsync(string gateId, CancellationToken cancellationToken);
}

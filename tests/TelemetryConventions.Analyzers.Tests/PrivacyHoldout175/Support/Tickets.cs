namespace Festivals.Tickets;

/// <summary>A ticket holder. Prints the holder id, full name, email, mobile, ticket type and the wristband's RFID UID.</summary>
public sealed record TicketHolder(string HolderId, string FullName, string Email, string? Mobile, string TicketType, string WristbandUid);

/// <summary>A ticket: ticket id, event, the holder's id, type, gate and price.</summary>
public sealed record Ticket(string TicketId, string EventId, string HolderId, string TicketType, string Gate, decimal Price);

/// <summary>Sales and scans per event; names no one.</summary>
public sealed record TicketSummary(string EventId, int Sold, int Scanned, int Refunded);

/// <summary>A gate scan as the handheld reports it: gate, ticket id, wristband UID, when, whether admitted.</summary>
public sealed record GateScan(string Gate, string TicketId, string WristbandUid, DateTimeOffset ScannedAt, bool Admitted);

/// <summary>The holder's profile as the box office keeps it (a class without ToString).</summary>
public sealed class HolderProfile
{
    public required string HolderId { get; init; }

    public required string Email { get; init; }

    public int TicketsBought { get; init; }
}

public interface ITicketStore
{
    Task<TicketHolder?> FindHolderAsync(string holderId, CancellationToken cancellationToken = default);

    Task<Ticket?> FindTicketAsync(string ticketId, CancellationToken cancellationToken = default);

    Task<TicketHolder?> FindByWristbandAsync(string wristbandUid, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Ticket>> ForEventAsync(string eventId, CancellationToken cancellationToken = default);
}

/// <summary>No such ticket; quotes the ticket id.</summary>
public sealed class TicketNotFoundException(string ticketId) : Exception($"Ticket {ticketId} does not exist");

/// <summary>The holder is on the venue's ban list; the message quotes their email.</summary>
public sealed class HolderBannedException(string email) : Exception($"{email} is banned from this venue");

/// <summary>A wristband was scanned that no holder registered; quotes the UID.</summary>
public sealed class WristbandNotRegisteredException(string wristbandUid) : Exception($"Wristband {wristbandUid} is not registered");

/// <summary>A gate is closed; quotes the gate and the hour.</summary>
public sealed class GateClosedException(string gate, int hour) : Exception($"Gate {gate} is closed at {hour}:00");

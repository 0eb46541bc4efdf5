namespace Weddings.Guests;

/// <summary>A guest. Prints the guest id, full name, email, mobile, diet code, the dietary note the guest typed and the table.</summary>
public sealed record Guest(string GuestId, string FullName, string Email, string? Mobile, string DietCode, string? DietaryNote, int TableNumber);

/// <summary>An RSVP as the guest sends it: guest id, event id, whether attending, diet code, the guest's own note and party size.</summary>
public sealed record Rsvp(string GuestId, string EventId, bool Attending, string DietCode, string? DietaryNote, int PartySize);

/// <summary>An RSVP tally per event; names no one.</summary>
public sealed record RsvpSummary(string EventId, int Attending, int Declined, int Pending);

/// <summary>A table of a seating plan: number, label and the names of the guests sat at it.</summary>
public sealed record TableAssignment(int TableNumber, string TableLabel, IReadOnlyList<string> GuestNames);

/// <summary>A table's shape: number, label, seats and seats taken; names no one.</summary>
public sealed record TableLayout(int TableNumber, string TableLabel, int Seats, int Taken);

public interface IGuestStore
{
    Task<Guest?> FindAsync(string guestId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Guest>> ForEventAsync(string eventId, CancellationToken cancellationToken = default);

    Task SaveAsync(Rsvp rsvp, CancellationToken cancellationToken = default);
}

/// <summary>No such guest; the message quotes the guest id.</summary>
public sealed class GuestNotFoundException(string guestId) : Exception($"Guest {guestId} is not on the list");

/// <summary>An RSVP was already received from this address; the message quotes it.</summary>
public sealed class DuplicateRsvpException(string email) : Exception($"An RSVP from {email} was already received");

/// <summary>A table is over capacity; quotes the table number and its seats.</summary>
public sealed class TableFullException(int tableNumber, int seats) : Exception($"Table {tableNumber} already has {seats} guests");

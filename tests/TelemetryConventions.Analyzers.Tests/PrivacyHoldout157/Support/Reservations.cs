namespace Stays.Reservations;

// The central reservation system.

/// <summary>A reservation. Prints confirmation number, property, room type, dates, adults, the guest's name and email.</summary>
public sealed record Reservation(string ConfirmationNumber, string PropertyCode, string RoomType, DateOnly Arrival, DateOnly Departure, int Adults, string GuestName, string GuestEmail)
{
    public int Nights => Departure.DayNumber - Arrival.DayNumber;
}

/// <summary>What the booking engine returns. Prints confirmation number, property, nights and total.</summary>
public sealed record ReservationSummary(string ConfirmationNumber, string PropertyCode, int Nights, decimal Total);

/// <summary>A room block for a group. Prints block code, property, rooms and release date.</summary>
public sealed record RoomBlock(string BlockCode, string PropertyCode, int Rooms, DateOnly ReleaseDate);

/// <summary>One line of a rooming list. Prints the room, the guest's name and the arrival.</summary>
public sealed record RoomingEntry(string RoomNumber, string GuestName, DateOnly Arrival);

public interface IReservationStore
{
    Task<Reservation?> FindAsync(string confirmationNumber, CancellationToken cancellationToken = default);

    Task<ReservationSummary> BookAsync(Reservation reservation, CancellationToken cancellationToken = default);

    Task CancelAsync(string confirmationNumber, string reasonCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Reservation>> ArrivalsAsync(string propertyCode, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>The property is full for a night; quotes property and night.</summary>
public sealed class OverbookedException(string propertyCode, DateOnly night) : Exception($"{propertyCode} is overbooked on {night:yyyy-MM-dd}");

/// <summary>No reservation with this confirmation number; quotes it.</summary>
public sealed class ReservationNotFoundException(string confirmationNumber) : Exception($"No reservation {confirmationNumber}");

/// <summary>The guest already holds a booking for the dates; quotes the guest's email.</summary>
public sealed class DuplicateBookingException(string guestEmail, DateOnly arrival) : Exception($"{guestEmail} already has a booking arriving {arrival:yyyy-MM-dd}");

namespace AccessKit.Assist;

/// <summary>A request for assistance on a journey or visit: reference, the person, their mobile, where, when, the assistance types as their list's type name, companions and the free-text notes. Prints its members.</summary>
public sealed record AssistanceBooking(string BookingRef, string PersonRef, string PersonName, string Mobile, string Origin, string Destination, DateTimeOffset When, IReadOnlyList<string> AssistanceTypes, int Companions, string? Notes);

/// <summary>A companion or carer travelling or attending with someone: their name and the concession card that entitles them. Prints its members.</summary>
public sealed record Companion(string Name, string? Mobile, string? CardNumber, bool IsCarer);

/// <summary>A member of staff assigned to meet or help someone: staff number, name, post. Prints its members.</summary>
public sealed record StaffAssignment(string StaffNumber, string StaffName, string Post, DateTimeOffset At);

/// <summary>Accessible seating or space: venue, area, seat or space id, whether it takes a wheelchair. Prints its members.</summary>
public sealed record AccessibleSpace(string Venue, string Area, string SpaceId, bool WheelchairSpace, bool CompanionSeatAdjacent);

/// <summary>The assistance booking platform; not telemetry.</summary>
public interface IAssistancePlatform
{
    Task<AssistanceBooking> CreateAsync(AssistanceBooking booking, CancellationToken cancellationToken = default);

    Task<AssistanceBooking?> FindAsync(string bookingRef, CancellationToken cancellationToken = default);

    Task<StaffAssignment?> AssignAsync(string bookingRef, string post, CancellationToken cancellationToken = default);
}

/// <summary>The booking's notice window closed; quotes the booking and the cut-off.</summary>
public sealed class BookingWindowClosedException(string bookingRef, DateTimeOffset cutOff)
    : Exception($"Booking {bookingRef} missed the cut-off {cutOff:u}")
{
    public string BookingRef { get; } = bookingRef;
}

/// <summary>A concession card was refused; quotes the card number.</summary>
public sealed class ConcessionCardRejectedException(string cardNumber, string scheme)
    : Exception($"{scheme} card {cardNumber} is not valid")
{
    public string Scheme { get; } = scheme;
}

/// <summary>No accessible space is left; quotes the venue, the area and the date.</summary>
public sealed class NoAccessibleSpaceException(string venue, string area, DateOnly day)
    : Exception($"No wheelchair space left in {venue}/{area} on {day:yyyy-MM-dd}");

namespace ClubHub.Bookings;

// The shapes of the club platform's class booking engine. Records print their members.

/// <summary>A scheduled class. Prints class id, code, studio, start, capacity and places booked.</summary>
public sealed record FitnessClass(string ClassId, string Code, string Studio, DateTimeOffset StartsAt, int Capacity, int Booked);

/// <summary>A booking. Prints booking id, class id, the member's membership number, when and status.</summary>
public sealed record ClassBooking(string BookingId, string ClassId, string MembershipNumber, DateTimeOffset BookedAt, string Status);

/// <summary>A place on a waitlist. Prints class id, the membership number, position and when joined.</summary>
public sealed record WaitlistEntry(string ClassId, string MembershipNumber, int Position, DateTimeOffset JoinedAt);

/// <summary>The result of promoting from a waitlist. Prints class id, how many were promoted and how many remain.</summary>
public sealed record WaitlistPromotion(string ClassId, int Promoted, int Remaining);

/// <summary>The instructor who teaches a class. Prints staff id, display name and email.</summary>
public sealed record ClassInstructor(string StaffId, string DisplayName, string Email);

public interface IBookingEngine
{
    Task<FitnessClass> GetClassAsync(string classId, CancellationToken cancellationToken = default);

    Task<ClassBooking> BookAsync(string classId, string membershipNumber, CancellationToken cancellationToken = default);

    Task<WaitlistEntry> JoinWaitlistAsync(string classId, string membershipNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WaitlistEntry>> WaitlistAsync(string classId, CancellationToken cancellationToken = default);

    Task<WaitlistPromotion> PromoteAsync(string classId, int places, CancellationToken cancellationToken = default);

    Task CancelAsync(string bookingId, CancellationToken cancellationToken = default);

    Task<ClassInstructor> InstructorAsync(string classId, CancellationToken cancellationToken = default);
}

/// <summary>The class is full; quotes class and capacity.</summary>
public sealed class ClassFullException(string classId, int capacity) : Exception($"Class {classId} is full ({capacity} places)")
{
    public string ClassId { get; } = classId;
}

/// <summary>The member already holds a place; quotes membership number and class.</summary>
public sealed class AlreadyBookedException(string membershipNumber, string classId) : Exception($"Member {membershipNumber} is already booked on {classId}")
{
    public string ClassId { get; } = classId;
}

/// <summary>Cancelled inside the late window; quotes the booking and the window.</summary>
public sealed class LateCancellationException(string bookingId, TimeSpan window) : Exception($"Booking {bookingId} cancelled inside the {window.TotalHours:0}-hour window")
{
    public string BookingId { get; } = bookingId;
}

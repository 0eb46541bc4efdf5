// Stand-ins for the booking engine the services share: resources and slots, availability searches,
// holds, bookings, waiting lists and the engine's exceptions.
namespace BookingKit
{
    public sealed record Resource(string ResourceId, string Kind, string Site, int Capacity);

    public sealed record Slot(string SlotId, string ResourceId, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Booked)
    {
        public int Remaining => Capacity - Booked;
    }

    public sealed record AvailabilityQuery(string ResourceKind, string Site, DateOnly From, DateOnly To, TimeSpan Duration, string? Band = null);

    public sealed record AvailabilitySearchResult(AvailabilityQuery Query, IReadOnlyList<Slot> Slots, TimeSpan Elapsed, bool FromCache);

    public sealed record SlotHold(string HoldId, string SlotId, DateTimeOffset ExpiresAt, int Seats);

    public enum BookingStatus
    {
        Tentative,
        Confirmed,
        Rescheduled,
        Cancelled,
        Attended,
        NoShow,
    }

    public enum CancellationReason
    {
        ByBooker,
        ByProvider,
        NoShow,
        Duplicate,
        Disruption,
    }

    public sealed record Booking(string BookingId, string SlotId, string BookerRef, BookingStatus Status, DateTimeOffset CreatedAt, int Party = 1);

    public sealed record WaitlistEntry(string EntryId, string ResourceId, string BookerRef, int Position, DateTimeOffset JoinedAt);

    public sealed record AllocationResult(int Requested, int Allocated, IReadOnlyList<string> SlotIds, IReadOnlyList<string> Unallocated);

    public interface IBookingEngine
    {
        Task<AvailabilitySearchResult> SearchAsync(AvailabilityQuery query, CancellationToken cancellationToken = default);

        Task<SlotHold> HoldAsync(string slotId, int seats, TimeSpan ttl, CancellationToken cancellationToken = default);

        Task<Booking> ConfirmAsync(string holdId, string bookerRef, CancellationToken cancellationToken = default);

        Task<Booking> RescheduleAsync(string bookingId, string newSlotId, CancellationToken cancellationToken = default);

        Task CancelAsync(string bookingId, CancellationReason reason, CancellationToken cancellationToken = default);

        Task<WaitlistEntry> JoinWaitlistAsync(string resourceId, string bookerRef, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<WaitlistEntry>> WaitlistAsync(string resourceId, CancellationToken cancellationToken = default);
    }

    /// <summary>The slot was taken or closed between the search and the hold.</summary>
    public sealed class SlotUnavailableException(string slotId, string resourceId)
        : Exception($"Slot {slotId} on {resourceId} is no longer available.")
    {
        public string SlotId { get; } = slotId;
    }

    /// <summary>The hold expired before the booking was confirmed.</summary>
    public sealed class HoldExpiredException(string holdId, DateTimeOffset expiredAt)
        : Exception($"Hold {holdId} expired at {expiredAt:O}.")
    {
        public string HoldId { get; } = holdId;
    }

    /// <summary>The booker already holds a booking that overlaps the slot; the engine quotes the booker's reference.</summary>
    public sealed class DoubleBookingException(string bookerRef, string slotId, string existingBookingId)
        : Exception($"Booker {bookerRef} already has booking {existingBookingId} overlapping slot {slotId}.")
    {
        public string SlotId { get; } = slotId;

        public string ExistingBookingId { get; } = existingBookingId;
    }

    /// <summary>The engine refused a cancellation inside the cut-off.</summary>
    public sealed class CancellationWindowClosedException(string bookingId, TimeSpan cutOff)
        : Exception($"Booking {bookingId} cannot be cancelled within {cutOff.TotalHours:0} hours of its start.")
    {
        public string BookingId { get; } = bookingId;
    }
}

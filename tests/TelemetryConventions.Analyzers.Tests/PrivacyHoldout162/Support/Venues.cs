namespace Food.Venues;

/// <summary>A table booking.</summary>
public sealed record TableBooking(string BookingRef, string RestaurantId, string GuestName, string GuestPhone, string GuestEmail, int Covers, DateTimeOffset At, string? Requests);

/// <summary>A free slot: no guest.</summary>
public sealed record BookingSlot(string RestaurantId, DateTimeOffset At, int Covers);

/// <summary>A diner's review.</summary>
public sealed record Review(string ReviewId, string RestaurantId, Guid AuthorId, string AuthorHandle, int Stars, string Text);

/// <summary>A moderation verdict: no author.</summary>
public sealed record ModerationVerdict(string ReviewId, bool Published, string ReasonCode);

/// <summary>A critic's booked visit.</summary>
public sealed record CriticVisit(string VisitId, string CriticName, string RestaurantId, DateOnly Date);

public sealed class BookingConflictException(string guestPhone, DateTimeOffset at)
    : Exception($"Guest {guestPhone} already holds a table at {at:t}.");

public sealed class ReviewRejectedException(string reviewId, string reasonCode)
    : Exception($"Review {reviewId} rejected: {reasonCode}.");

public sealed class ReviewerBlockedException(string handle)
    : Exception($"Reviewer {handle} is blocked.");

public sealed class NoTablesException(string restaurantId, int covers)
    : Exception($"No table for {covers} at {restaurantId}.");

public interface IBookingBook
{
    Task<string> HoldAsync(TableBooking booking, CancellationToken cancellationToken);
}

public interface IReviewStore
{
    Task SaveAsync(Review review, CancellationToken cancellationToken);
}

namespace CultureHub.Events;

// A bookshop chain's events platform: author talks, tickets, signing queues and book clubs. Records print their members.

/// <summary>An author event. Prints event id, title, store, start, capacity and price.</summary>
public sealed record AuthorEvent(string EventId, string Title, string Store, DateTimeOffset StartsAt, int Capacity, decimal Price);

/// <summary>A ticket request from the website. Prints event id, customer's name, email, loyalty card, seats and whether a signed copy is wanted.</summary>
public sealed record TicketRequest(string EventId, string CustomerName, string Email, string? LoyaltyCard, int Seats, bool WantsSignedCopy);

/// <summary>A booking. Prints booking id, event id, the customer's email, seats and amount paid.</summary>
public sealed record EventBooking(string BookingId, string EventId, string Email, int Seats, decimal Paid);

/// <summary>What the confirmation page shows. Prints booking id, event id, seats and seat block.</summary>
public sealed record BookingConfirmation(string BookingId, string EventId, int Seats, string SeatBlock);

/// <summary>A signing queue ticket. Prints queue number, event id, the name to dedicate to, books and loyalty card.</summary>
public sealed record SigningTicket(int QueueNumber, string EventId, string DedicateTo, int Books, string? LoyaltyCard);

/// <summary>The signing queue's state. Prints event id, issued, signed and average wait.</summary>
public sealed record QueueStatus(string EventId, int Issued, int Signed, TimeSpan AverageWait);

/// <summary>A book club. Prints club id, store, name, members and the current pick's ISBN.</summary>
public sealed record BookClub(string ClubId, string Store, string Name, int Members, string CurrentPickIsbn);

/// <summary>A book club member. Prints customer number, first name, email, club and join date.</summary>
public sealed record ClubMember(string CustomerNumber, string FirstName, string Email, string ClubId, DateOnly JoinedOn);

/// <summary>Feedback after a club meeting. Prints club id, customer number, rating and comment.</summary>
public sealed record ClubMeetingFeedback(string ClubId, string CustomerNumber, int Rating, string? Comment);

public interface IEventBox
{
    Task<AuthorEvent> EventAsync(string eventId, CancellationToken cancellationToken = default);

    Task<EventBooking> BookAsync(TicketRequest request, CancellationToken cancellationToken = default);

    Task<SigningTicket> IssueQueueTicketAsync(string eventId, string dedicateTo, int books, string? loyaltyCard, CancellationToken cancellationToken = default);

    Task<QueueStatus> QueueAsync(string eventId, CancellationToken cancellationToken = default);
}

public interface IBookClubStore
{
    Task<BookClub> ClubAsync(string clubId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ClubMember>> MembersAsync(string clubId, CancellationToken cancellationToken = default);

    Task<ClubMember> JoinAsync(string clubId, string customerNumber, CancellationToken cancellationToken = default);
}

/// <summary>Sends confirmations and reminders to customers; not telemetry.</summary>
public interface ICustomerMailer
{
    Task SendAsync(string templateId, string email, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>The event is sold out; quotes the event.</summary>
public sealed class EventSoldOutException(string eventId) : Exception($"Event {eventId} is sold out")
{
    public string EventId { get; } = eventId;
}

/// <summary>No customer holds the loyalty card; quotes the card number.</summary>
public sealed class LoyaltyCardNotFoundException(string loyaltyCard) : Exception($"Loyalty card {loyaltyCard} not found");

/// <summary>The customer already has tickets; quotes the email and the event.</summary>
public sealed class AlreadyBookedException(string email, string eventId) : Exception($"{email} already holds tickets for {eventId}")
{
    public string EventId { get; } = eventId;
}

/// <summary>The club is full; quotes the club and its capacity.</summary>
public sealed class ClubFullException(string clubId, int capacity) : Exception($"Club {clubId} is full ({capacity} members)");

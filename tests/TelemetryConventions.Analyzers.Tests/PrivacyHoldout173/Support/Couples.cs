namespace Weddings.Couples;

// Couples as the wedding planning platform holds them.

/// <summary>A couple. Prints the couple id, both partners' names, the email, the mobile, the date and the venue.</summary>
public sealed record Couple(string CoupleId, string PartnerOneName, string PartnerTwoName, string Email, string Mobile, DateOnly WeddingDate, string VenueId);

/// <summary>A wedding event: event id, venue, date and guest count; names no one.</summary>
public sealed record WeddingEvent(string EventId, string VenueId, DateOnly Date, int GuestCount, string Package);

/// <summary>A couple as the planning app's API returns it: a class without ToString.</summary>
public sealed class CoupleProfile
{
    public string CoupleId { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Email { get; init; } = "";

    public string Package { get; init; } = "";
}

public interface ICoupleStore
{
    Task<Couple?> FindAsync(string coupleId, CancellationToken cancellationToken = default);

    Task<WeddingEvent?> FindEventAsync(string eventId, CancellationToken cancellationToken = default);
}

/// <summary>Emails and texts to couples and guests (not telemetry).</summary>
public interface IEventMessenger
{
    Task SendAsync(string to, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>No such couple; the message quotes the couple id.</summary>
public sealed class CoupleNotFoundException(string coupleId) : Exception($"Couple {coupleId} not found");

/// <summary>The venue is taken on that date; quotes the venue and the date.</summary>
public sealed class VenueUnavailableException(string venueId, DateOnly date) : Exception($"Venue {venueId} is already booked on {date:yyyy-MM-dd}");

/// <summary>A card payment was declined; quotes the card's last four digits and a reason code.</summary>
public sealed class DepositDeclinedException(string lastFour, string reasonCode) : Exception($"Deposit declined for card ending {lastFour}: {reasonCode}");

namespace Campus.Graduation;

// Graduation: ceremonies, graduands, guest tickets, photos and gowns.

/// <summary>A ceremony. Prints ceremony id, venue, start and capacity; names no one.</summary>
public sealed record Ceremony(string CeremonyId, string Venue, DateTimeOffset Start, int Capacity);

/// <summary>A graduand. Prints student number, name as it is read out, phonetic spelling, award and classification.</summary>
public sealed record Graduand(string StudentNumber, string NameToRead, string? Phonetic, string Award, string Classification);

/// <summary>A guest ticket. Prints ticket id, student number, guests and the guests' names.</summary>
public sealed record GuestTicket(Guid TicketId, string StudentNumber, int Guests, string GuestNames);

/// <summary>A photo order. Prints order id, the buyer's email, the graduand's student number and the package.</summary>
public sealed record PhotoOrder(Guid OrderId, string BuyerEmail, string StudentNumber, string Package);

/// <summary>A gown hire. Prints hire id, student number, gown size, hood and the collection store.</summary>
public sealed record GownHire(Guid HireId, string StudentNumber, string Size, string Hood, string Store);

public interface ICeremonies
{
    Task<Ceremony> CeremonyAsync(string ceremonyId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Graduand>> RunningOrderAsync(string ceremonyId, CancellationToken cancellationToken = default);

    Task<bool> EligibleAsync(string studentNumber, CancellationToken cancellationToken = default);
}

/// <summary>The ceremony is full; quotes the ceremony id.</summary>
public sealed class CeremonyFullException(string ceremonyId) : Exception($"Ceremony {ceremonyId} is full");

/// <summary>The graduand is not eligible; quotes the student number and the reason.</summary>
public sealed class NotEligibleException(string studentNumber, string reason) : Exception($"{studentNumber} cannot graduate: {reason}");

namespace CultureHub.Archives;

// An archive's search room: reader tickets, productions, closures and copy orders. Records print their members.

/// <summary>A registered reader. Prints reader's ticket, full name, email, affiliation and ticket expiry.</summary>
public sealed record Reader(string ReaderTicket, string FullName, string Email, string? Affiliation, DateOnly TicketExpires);

/// <summary>A document asked for in the search room. Prints request id, reader's ticket, reference, room, seat and date.</summary>
public sealed record ProductionRequest(string RequestId, string ReaderTicket, string Reference, string SearchRoom, int Seat, DateOnly RequestedFor);

/// <summary>What the strongroom staff fetch. Prints request id, reference, strongroom, bay and shelf.</summary>
public sealed record ProductionSlip(string RequestId, string Reference, string Strongroom, string Bay, int Shelf);

/// <summary>A closure. Prints reference, the year it opens and the basis.</summary>
public sealed record ClosurePeriod(string Reference, int ClosedUntilYear, string Basis);

/// <summary>A reproduction order. Prints order id, reader's ticket, reference, pages, format and the delivery email.</summary>
public sealed record CopyOrder(string OrderId, string ReaderTicket, string Reference, int Pages, string Format, string DeliveryEmail);

/// <summary>A finished copy order. Prints order id, pages, format and size.</summary>
public sealed record CopyOrderCompleted(string OrderId, int Pages, string Format, long Bytes);

public interface ISearchRoomDesk
{
    Task<Reader?> ReaderAsync(string readerTicket, CancellationToken cancellationToken = default);

    Task<ProductionSlip> ProduceAsync(ProductionRequest request, CancellationToken cancellationToken = default);

    Task<ClosurePeriod?> ClosureAsync(string reference, CancellationToken cancellationToken = default);
}

/// <summary>The reprographics studio; not telemetry.</summary>
public interface ICopyStudio
{
    Task<CopyOrderCompleted> ProduceAsync(CopyOrder order, CancellationToken cancellationToken = default);

    Task DeliverAsync(string orderId, string email, CancellationToken cancellationToken = default);
}

/// <summary>The reader's ticket has expired; quotes the ticket and its expiry.</summary>
public sealed class ReaderTicketExpiredException(string readerTicket, DateOnly expired) : Exception($"Reader's ticket {readerTicket} expired on {expired:yyyy-MM-dd}")
{
    public DateOnly Expired { get; } = expired;
}

/// <summary>The document is closed; quotes the reference and the year it opens.</summary>
public sealed class DocumentClosedException(string reference, int openYear) : Exception($"{reference} is closed until {openYear}")
{
    public int OpenYear { get; } = openYear;
}

/// <summary>No seat is free; quotes the room and the date.</summary>
public sealed class SearchRoomFullException(string room, DateOnly date) : Exception($"{room} is full on {date:yyyy-MM-dd}");

/// <summary>The document is too fragile to produce; quotes the reference and the conservator's code.</summary>
public sealed class UnfitForProductionException(string reference, string conditionCode) : Exception($"{reference} unfit for production ({conditionCode})")
{
    public string ConditionCode { get; } = conditionCode;
}

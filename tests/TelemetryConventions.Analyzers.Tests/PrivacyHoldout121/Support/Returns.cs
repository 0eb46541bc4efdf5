namespace ParcelKit.Returns;

/// <summary>Why something is coming back.</summary>
public enum ReturnReason
{
    NotNeeded,
    Faulty,
    WrongItem,
    Damaged,
    Undeliverable,
    EndOfLoan,
}

/// <summary>A return as the customer asked for it. Prints its members.</summary>
public sealed record ReturnRequest(string Rma, string OrderId, ReturnReason Reason, string? Comment)
{
    public string? CustomerEmail { get; init; }
}

/// <summary>The return label and drop-off. Prints its members.</summary>
public sealed record ReturnLabel(string Rma, string TrackingNumber, Uri LabelUrl, string DropOffPoint);

public interface IReturnsClient
{
    Task<ReturnLabel> CreateReturnAsync(ReturnRequest request, Address from, CancellationToken cancellationToken = default);
}

/// <summary>The returns window has closed; the message names the order and the date.</summary>
public sealed class ReturnWindowClosedException(string orderId, DateOnly closedOn) : Exception($"Returns for order {orderId} closed on {closedOn:yyyy-MM-dd}");

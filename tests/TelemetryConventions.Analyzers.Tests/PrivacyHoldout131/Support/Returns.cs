namespace Settle.Returns;

// A returns portal's client, in the shape of the hosted returns platforms retailers plug into.

public enum ReturnReason
{
    Damaged,
    WrongItem,
    NoLongerNeeded,
    NotAsDescribed,
    ArrivedLate,
}

public sealed record ReturnLine(string Sku, int Quantity, string Condition, decimal UnitPrice);

/// <summary>A return authorisation (RMA). Its printed form carries the customer's number and email.</summary>
public sealed record ReturnAuthorisation(
    string RmaNumber,
    string OrderId,
    string CustomerNumber,
    string CustomerEmail,
    ReturnReason Reason,
    IReadOnlyList<ReturnLine> Lines,
    DateTimeOffset ExpiresAt);

public sealed record ReturnAuthorisationRequest(
    string OrderId,
    string CustomerNumber,
    string CustomerEmail,
    string CollectionPostcode,
    ReturnReason Reason,
    IReadOnlyList<ReturnLine> Lines,
    string? Comment);

public sealed record ReturnLabel(string RmaNumber, string Carrier, string TrackingNumber, Uri LabelUrl);

/// <summary>A parcel received back at the returns centre.</summary>
public sealed record ReturnReceipt(string RmaNumber, string Warehouse, int ItemsReceived, bool Inspected, string Grade);

public interface IReturnsPortal
{
    Task<ReturnAuthorisation> AuthoriseAsync(ReturnAuthorisationRequest request, CancellationToken cancellationToken);

    Task<ReturnLabel> CreateLabelAsync(string rmaNumber, CancellationToken cancellationToken);

    Task<ReturnAuthorisation?> FindAsync(string rmaNumber, CancellationToken cancellationToken);
}

public sealed class ReturnWindowClosedException(string orderId, DateOnly closedOn)
    : Exception($"The return window for order {orderId} closed on {closedOn:yyyy-MM-dd}.")
{
    public string OrderId { get; } = orderId;

    public DateOnly ClosedOn { get; } = closedOn;
}

public sealed class CollectionAddressMismatchException(string rmaNumber, string postcode)
    : Exception($"Collection postcode {postcode} does not match the delivery address of {rmaNumber}.")
{
    public string RmaNumber { get; } = rmaNumber;

    public string Postcode { get; } = postcode;
}

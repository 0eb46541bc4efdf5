namespace LifeEvents.GiftLists;

// A department store's wedding gift lists.

/// <summary>A couple's gift list. Prints list number, the owner's customer number, the partners' names, the couple's email, the wedding date, the delivery postcode and the store.</summary>
public sealed record GiftList(string ListNumber, string CoupleCustomerNumber, string PartnerNames, string CoupleEmail, DateOnly WeddingDate, string DeliveryPostcode, string StoreId);

/// <summary>A line on a list. Prints SKU, category, wanted, bought and price.</summary>
public sealed record GiftListItem(string Sku, string Category, int Wanted, int Bought, decimal Price);

/// <summary>A guest's purchase from a list. Prints purchase id, list number, guest's customer number and name, the gift message, SKU and amount.</summary>
public sealed record GiftPurchase(string PurchaseId, string ListNumber, string GuestCustomerNumber, string GuestName, string GiftMessage, string Sku, decimal Amount);

/// <summary>A delivery to the couple. Prints delivery id, slot, parcels and depot.</summary>
public sealed record DeliveryBooking(string DeliveryId, string Slot, int Parcels, string Depot);

/// <summary>A row of the thank-you export. Prints the guest's name and email, the gift and the message.</summary>
public sealed record ThankYouRow(string GuestName, string GuestEmail, string Gift, string Message);

public interface IGiftListStore
{
    Task<GiftList> GetAsync(string listNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GiftListItem>> ItemsAsync(string listNumber, CancellationToken cancellationToken = default);

    Task<GiftList> CreateAsync(string customerNumber, string partnerNames, DateOnly weddingDate, CancellationToken cancellationToken = default);

    Task RecordPurchaseAsync(GiftPurchase purchase, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ThankYouRow>> ThankYouRowsAsync(string listNumber, CancellationToken cancellationToken = default);
}

/// <summary>The delivery planner and the customer mailer; not telemetry.</summary>
public interface IGiftDelivery
{
    Task<DeliveryBooking> BookAsync(string listNumber, DateOnly after, CancellationToken cancellationToken = default);

    Task EmailAsync(string email, string templateId, string attachment, CancellationToken cancellationToken = default);
}

/// <summary>No list has this number; quotes it.</summary>
public sealed class ListNotFoundException(string listNumber) : Exception($"Gift list {listNumber} not found");

/// <summary>Everyone wanted has been bought; quotes the SKU.</summary>
public sealed class ItemFullyBoughtException(string sku) : Exception($"Item {sku} is fully bought");

/// <summary>A gift card was declined; quotes its last four digits and a reason code.</summary>
public sealed class GiftCardDeclinedException(string lastFour, string reasonCode) : Exception($"Gift card ending {lastFour} declined ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>A guest is blocked from buying; quotes their email.</summary>
public sealed class GuestBlockedException(string guestEmail) : Exception($"Guest {guestEmail} is blocked from gift list purchases");

namespace Dating.Store;

// The dating app's store: subscriptions, boosts, virtual gifts and date night bookings.

/// <summary>A subscription purchase. Prints purchase id, the member's id, email, plan, price and the card's last four.</summary>
public sealed record SubscriptionPurchase(string PurchaseId, Guid MemberId, string Email, string Plan, decimal Price, string CardLastFour);

/// <summary>A virtual gift. Prints gift id, sender's and recipient's ids, SKU, price and the sender's message.</summary>
public sealed record VirtualGift(string GiftId, Guid SenderId, Guid RecipientId, string Sku, decimal Price, string? Message);

/// <summary>A date night booking. Prints booking id, restaurant id, the name on the booking, both members' ids, covers and time.</summary>
public sealed record DateNightBooking(string BookingId, string RestaurantId, string BookingName, Guid HostMemberId, Guid GuestMemberId, int Covers, DateTimeOffset At);

/// <summary>A restaurant. Prints restaurant id, name, city and price band.</summary>
public sealed record Restaurant(string RestaurantId, string Name, string City, string PriceBand);

public interface IBillingGateway
{
    Task<string> ChargeAsync(Guid memberId, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The card was declined; quotes the card's last four and a reason code.</summary>
public sealed class CardDeclinedException(string lastFour, string reasonCode) : Exception($"Card ending {lastFour} declined: {reasonCode}");

/// <summary>The member already holds the plan; quotes the member's email.</summary>
public sealed class AlreadySubscribedException(string email, string plan) : Exception($"{email} already has {plan}");

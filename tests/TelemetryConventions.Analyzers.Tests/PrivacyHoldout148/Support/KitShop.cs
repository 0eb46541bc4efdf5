namespace Sport.KitShop;

// A retailer's club shop: kit personalisation, season tickets, memberships.

/// <summary>A personalised kit order. Prints order, the customer's id and email, the printed name and number, size and SKU.</summary>
public sealed record KitOrder(string OrderId, string CustomerId, string CustomerEmail, string PrintName, int PrintNumber, string Size, string ProductSku);

/// <summary>A season ticket. Prints ticket number, the holder's membership number and name, block, row, seat and tier.</summary>
public sealed record SeasonTicket(string TicketNumber, string HolderMembershipNumber, string HolderName, string Block, string Row, string Seat, string Tier);

/// <summary>A membership renewal. Prints membership number, email, tier and auto-renew.</summary>
public sealed record MembershipRenewal(string MembershipNumber, string Email, string Tier, bool AutoRenew);

/// <summary>A heat-press printer's queue. Prints printer, pending and failed.</summary>
public sealed record PrintQueueStatus(string PrinterId, int Pending, int Failed);

public interface IPrintShop
{
    Task QueueAsync(string orderId, string printName, int printNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PrintQueueStatus>> StatusAsync(CancellationToken cancellationToken = default);
}

public interface ITicketingSystem
{
    Task<IReadOnlyList<SeasonTicket>> DueForRenewalAsync(string season, CancellationToken cancellationToken = default);

    Task<bool> ChargeAsync(string membershipNumber, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The print name was refused; quotes it.</summary>
public sealed class ProfanityRejectedException(string printName) : Exception($"Print name '{printName}' refused by filter");

/// <summary>The size is out of stock; quotes SKU and size.</summary>
public sealed class SizeOutOfStockException(string sku, string size) : Exception($"{sku} out of stock in {size}");

/// <summary>The membership lapsed; quotes the membership number.</summary>
public sealed class MembershipLapsedException(string membershipNumber) : Exception($"Membership {membershipNumber} has lapsed");

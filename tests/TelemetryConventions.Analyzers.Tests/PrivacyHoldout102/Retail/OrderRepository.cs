namespace PrivacyHoldout102.Retail;

public sealed class Customer
{
    public long Id { get; set; }

    public required string CustomerNumber { get; set; }

    public required string Email { get; set; }

    public string? Postcode { get; set; }

    public string? LoyaltyCard { get; set; }
}

public sealed class Order
{
    public long Id { get; set; }

    public required string OrderNumber { get; set; }

    public long CustomerId { get; set; }

    public required string StoreCode { get; set; }

    public decimal Total { get; set; }

    public string Status { get; set; } = "placed";

    public byte[] RowVersion { get; set; } = [];
}

public sealed record OrderSearch(string? CustomerEmail, string? StoreCode, DateOnly? From);

public sealed class ShopDbContext : DbContext
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();
}

/// <summary>Order reads and status changes for the customer service console.</summary>
public sealed partial class OrderRepository(ShopDbContext db, ILogger<OrderRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Orders.Data");
    private static readonly Meter Meter = new("Shop.Orders.Data");

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Order search for {CustomerEmail} returned {Count} orders")]
    private static partial void LogSearchRedacted(ILogger logger, [PrivateData] string customerEmail, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Orders of customer {CustomerNumber}: {Count}")]
    private static partial void LogOrdersOfCustomer(ILogger logger, string customerNumber, int count);

    public async Task<IReadOnlyList<Order>> SearchAsync(OrderSearch search, CancellationToken ct)
    {
        using var span = Source.StartShopstoreQuery("orders-by-customer").SetShopstoreEntity(nameof(Order)); // clean generated-api
        using var scope = logger.BeginScope(search); // leak TC1001 logging-objects
        var query = db.Orders.AsNoTracking().TagWith("orders-by-customer");
        if (search.CustomerEmail is { } email)
        {
            query = query.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.Email == email));
            span.SetShopstoreCustomerId(pseudonymizer.PseudonymizeShopstoreCustomerId(email)); // clean precision-pseudonym
        }
        var orders = await query.ToListAsync(ct);
        LogSearchRedacted(logger, search.CustomerEmail ?? "-", orders.Count); // clean precision-pseudonym
        span.SetShopstoreRows(orders.Count); // clean precision-about
        logger.LogInformation("Search by store {Store} from {From}", search.StoreCode, search.From); // clean precision-names
        logger.LogDebug("Searched with an email at {Domain}", search.CustomerEmail?.Split('@').Last()); // clean precision-about
        return orders;
    }

    public async Task<int> CountForCustomerAsync(string customerNumber, CancellationToken ct)
    {
        var count = await db.Orders.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.CustomerNumber == customerNumber)).CountAsync(ct);
        LogOrdersOfCustomer(logger, customerNumber, count); // leak TC1001 direct
        Meter.CreateShopstoreQueriesCounter().Add(1, "orders-by-customer", count > 0 ? "ok" : "empty"); // clean generated-api
        return count;
    }

    public async Task<bool> CancelAsync(string orderNumber, byte[] rowVersion, CancellationToken ct)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.OrderNumber == orderNumber, ct);
        if (order is null)
        {
            return false;
        }
        db.Entry(order).OriginalValues[nameof(Order.RowVersion)] = rowVersion;
        order.Status = "cancelled";
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Order {Order} cancelled", orderNumber); // clean precision-names
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogShopstoreConcurrencyConflictEvent(nameof(Order), "conflict", shopstoreNote: $"order {orderNumber}, status {order.Status}"); // clean generated-api
            logger.LogWarning(ex, "Order {Order} changed since the agent loaded it (row version {RowVersion})", orderNumber, Convert.ToBase64String(rowVersion)); // clean exceptions
            var customer = await db.Customers.FindAsync(order.CustomerId);
            logger.LogWarning("Tell {CustomerEmail} the cancellation did not go through", customer?.Email); // leak TC1001 cross-member
            return false;
        }
    }
}

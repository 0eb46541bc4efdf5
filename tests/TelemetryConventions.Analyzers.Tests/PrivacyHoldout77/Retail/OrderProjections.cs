namespace PrivacyHoldout77.Retail;

public sealed class Order
{
    public Guid Id { get; init; }

    public required string OrderNumber { get; init; }

    public required string CustomerNumber { get; init; }

    public required string CustomerEmail { get; init; }

    public required string DeliveryPostcode { get; init; }

    public decimal Total { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset PlacedAt { get; init; }

    public List<OrderLine> Lines { get; } = new();
}

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record OrderListItemDto(string OrderNumber, decimal Total, string Status, DateTimeOffset PlacedAt, int Lines);

public sealed record OrderConfirmationDto(string OrderNumber, string CustomerEmail, string DeliveryPostcode, decimal Total);

public sealed record OrderStatusCountDto(string Status, int Orders);

public interface IOrderStore
{
    IQueryable<Order> Orders { get; }
}

public sealed class OrderQueries(IOrderStore store, IMapper mapper, ILogger<OrderQueries> logger, TelemetrySecrets secrets, Meter meter)
{
    private readonly Counter<long> _listed = meter.CreateCounter<long>("shopapi.orders.listed", "{order}");

    public IReadOnlyList<OrderListItemDto> ForCustomer(string customerNumber, int page)
    {
        var items = store.Orders
            .Where(o => o.CustomerNumber == customerNumber)
            .OrderByDescending(o => o.PlacedAt)
            .Skip(page * 20)
            .Take(20)
            .Select(o => new OrderListItemDto(o.OrderNumber, o.Total, o.Status, o.PlacedAt, o.Lines.Count))
            .ToList();

        logger.LogDebug("Order page {Page}: {Items}", page, string.Join("; ", items)); // clean logging-objects
        _listed.Add(items.Count, new TagList { { "page", page } }); // clean precision-about
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var cacheShard = BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(customerNumber)), 0) % 64;
        Activity.Current?.SetTag("shopapi.cache.shard", cacheShard); // clean hashes
        var cacheKey = "orders:" + Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(customerNumber)));
        Activity.Current?.SetTag("shopapi.cache.key", cacheKey); // leak TC1002 hashes
        return items;
    }

    public OrderConfirmationDto Confirm(Order order)
    {
        var dto = mapper.Map<OrderConfirmationDto>(order);
        logger.LogInformation("Order {OrderNumber} confirmed, total {Total}", dto.OrderNumber, dto.Total); // clean precision-about
        logger.LogInformation("Confirmation {Confirmation}", dto); // leak TC1001 logging-objects
        Activity.Current?.SetTag("shopapi.confirmation.sent_to", dto.CustomerEmail); // leak TC1001 direct
        return dto;
    }

    public IReadOnlyList<OrderStatusCountDto> StatusCounts()
    {
        var counts = store.Orders.GroupBy(o => o.Status).Select(g => new OrderStatusCountDto(g.Key, g.Count())).ToList();
        logger.LogInformation("Status counts {Counts}", counts); // clean logging-objects
        var biggestSpender = store.Orders.GroupBy(o => o.CustomerNumber).OrderByDescending(g => g.Sum(o => o.Total)).Select(g => g.Key).FirstOrDefault();
        logger.LogInformation("Biggest spender this period {Customer}", biggestSpender); // leak TC1001 direct
        return counts;
    }
}

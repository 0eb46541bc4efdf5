namespace PrivacyHoldout66.Retail;

public enum FunnelStage
{
    BasketCreated,
    CheckoutStarted,
    PaymentAuthorised,
    OrderPlaced,
}

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice, string Category);

public sealed record Basket(string BasketId, string CustomerNumber, string CustomerEmail, string Channel, string? PromoCode, IReadOnlyList<BasketLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);

    public int Items => Lines.Sum(l => l.Quantity);
}

/// <summary>
/// The e-commerce KPIs: the conversion funnel, basket size and value, promo uptake. Registered once,
/// on the meter of <see cref="IMeterFactory"/>; open baskets are observed from memory.
/// </summary>
public sealed class CheckoutKpis
{
    private readonly Counter<long> _funnel;
    private readonly Histogram<int> _basketItems;
    private readonly Histogram<double> _basketValue;
    private readonly Counter<long> _promos;
    private readonly BasketCheckoutsCounter _checkouts;
    private readonly BasketValueHistogram _value;
    private readonly ConcurrentDictionary<string, Basket> _open = new(StringComparer.Ordinal);
    private readonly AllowList _channels = new(["web", "app", "click-collect", "kiosk"]);

    public CheckoutKpis(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create("Shop.Checkout");
        _funnel = Meter.CreateCounter<long>("shop.funnel", "{basket}", "Baskets reaching each stage of the funnel.");
        _basketItems = Meter.CreateHistogram<int>("shop.basket.items", "{item}");
        _basketValue = Meter.CreateHistogram<double>("shop.basket.value", "GBP", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 25, 50, 100, 250, 500] });
        _promos = Meter.CreateCounter<long>("shop.promo.applied", "{basket}");
        _checkouts = Meter.CreateBasketCheckoutsCounter();
        _value = Meter.CreateBasketValueHistogram();
        Meter.CreateObservableGauge("shop.baskets.open", () => _open.Values.GroupBy(b => _channels.Limit(b.Channel)).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("channel", g.Key)))); // clean direct
        Meter.CreateObservableGauge("shop.baskets.open.value", () => _open.Values.Where(b => b.Total > 500).Select(b => new Measurement<double>((double)b.Total, new KeyValuePair<string, object?>("basket", b.BasketId), new KeyValuePair<string, object?>("customer", b.CustomerNumber)))); // leak TC1003 cross-member
    }

    public Meter Meter { get; }

    public void Reached(Basket basket, FunnelStage stage)
    {
        _open[basket.BasketId] = basket;
        _funnel.Add(1, new KeyValuePair<string, object?>("stage", stage.ToString()), new KeyValuePair<string, object?>("channel", _channels.Limit(basket.Channel))); // clean direct
    }

    public void Converted(Basket basket, string orderId)
    {
        _open.TryRemove(basket.BasketId, out _);
        var tags = new TagList { { "channel", _channels.Limit(basket.Channel) }, { "has_promo", basket.PromoCode is not null } };
        _basketItems.Record(basket.Items, tags); // clean precision-about
        _basketValue.Record((double)basket.Total, tags); // clean precision-about
        _checkouts.Add(1, basket.Channel, basketOutcome: "converted"); // clean generated-api
        _value.Record((double)basket.Total, basket.Channel); // clean generated-api
        if (basket.PromoCode is { } promo)
        {
            _promos.Add(1, new KeyValuePair<string, object?>("promo", promo));
        }
    }

    public void Abandoned(Basket basket, string reason)
    {
        _open.TryRemove(basket.BasketId, out _);
        _checkouts.Add(1, basket.Channel, basketOutcome: $"abandoned:{reason}");
    }

    public void PerCustomer(Basket basket) =>
        _basketValue.Record((double)basket.Total, new KeyValuePair<string, object?>("channel", basket.Channel), new KeyValuePair<string, object?>("customer.email", basket.CustomerEmail)); // leak TC1003 direct
}

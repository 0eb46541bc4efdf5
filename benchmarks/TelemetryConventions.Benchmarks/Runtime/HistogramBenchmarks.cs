using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TelemetryConventions.Benchmarks.Telemetry;
using H = TelemetryConventions.Benchmarks.Runtime.HandWritten;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>
/// Recording to a histogram with 1, 3, 5 and 8 typed tags (string; + enum, boolean; + integer, string; + integer, string, boolean) while a listener is
/// enabled: the generated wrapper against a hand-built <see cref="TagList"/> (the baseline: the same
/// TagList statements the generator writes, so the difference is the wrapper itself) and against the
/// <c>KeyValuePair</c> parameter overloads. The generated
/// types come from conventions/bench.yaml.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class HistogramBenchmarks
{
    private readonly Meter _meter = new("bench.histogram");
    private MetricListenerScope? _listener;
    private ShopRequestDurationHistogram _generated1 = null!;
    private Histogram<double> _handWritten1 = null!;
    private ShopOrderDurationHistogram _generated3 = null!;
    private Histogram<double> _handWritten3 = null!;
    private ShopPaymentDurationHistogram _generated5 = null!;
    private Histogram<double> _handWritten5 = null!;
    private ShopFulfilmentDurationHistogram _generated8 = null!;
    private Histogram<double> _handWritten8 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated1 = _meter.CreateShopRequestDurationHistogram();
        _handWritten1 = _meter.CreateHistogram<double>("shop.request.duration.hand", "s");
        _generated3 = _meter.CreateShopOrderDurationHistogram();
        _handWritten3 = _meter.CreateHistogram<double>("shop.order.duration.hand", "s");
        _generated5 = _meter.CreateShopPaymentDurationHistogram();
        _handWritten5 = _meter.CreateHistogram<double>("shop.payment.duration.hand", "s");
        _generated8 = _meter.CreateShopFulfilmentDurationHistogram();
        _handWritten8 = _meter.CreateHistogram<double>("shop.fulfilment.duration.hand", "s");
        _listener = new MetricListenerScope(_meter);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _meter.Dispose();
    }

    [BenchmarkCategory("1 tag"), Benchmark(Baseline = true)]
    public void TagList1()
    {
        var tags = new TagList();
        tags.Add(H.Region, ShopData.Region);
        _handWritten1.Record(0.25, in tags);
    }

    [BenchmarkCategory("1 tag"), Benchmark]
    public void Generated1() => _generated1.Record(0.25, ShopData.Region);

    [BenchmarkCategory("1 tag"), Benchmark]
    public void KeyValuePairs1() => _handWritten1.Record(
            0.25,
            new KeyValuePair<string, object?>("shop.region", ShopData.Region));

    [BenchmarkCategory("3 tags"), Benchmark(Baseline = true)]
    public void TagList3()
    {
        var tags = new TagList();
        tags.Add(H.Region, ShopData.Region);
        tags.Add(H.PaymentMethodName, H.ToWire(H.PaymentMethod.Card));
        tags.Add(H.Express, true);
        _handWritten3.Record(0.25, in tags);
    }

    [BenchmarkCategory("3 tags"), Benchmark]
    public void Generated3() => _generated3.Record(0.25, ShopData.Region, ShopPaymentMethod.Card, shopExpress: true);

    [BenchmarkCategory("3 tags"), Benchmark]
    public void KeyValuePairs3() => _handWritten3.Record(
            0.25,
            new KeyValuePair<string, object?>("shop.region", ShopData.Region),
            new KeyValuePair<string, object?>("shop.payment.method", H.ToWire(H.PaymentMethod.Card)),
            new KeyValuePair<string, object?>("shop.express", true));

    [BenchmarkCategory("5 tags"), Benchmark(Baseline = true)]
    public void TagList5()
    {
        var tags = new TagList();
        tags.Add(H.Region, ShopData.Region);
        tags.Add(H.PaymentMethodName, H.ToWire(H.PaymentMethod.Card));
        tags.Add(H.Express, true);
        tags.Add(H.LoyaltyTier, ShopData.LoyaltyTier);
        tags.Add(H.Channel, ShopData.Channel);
        _handWritten5.Record(0.25, in tags);
    }

    /// <summary>The same TagList with the boolean and integer boxed once, as the generated code does: the tag building alone.</summary>
    [BenchmarkCategory("5 tags"), Benchmark]
    public void TagListBoxedOnce5()
    {
        var tags = new TagList();
        tags.Add(H.Region, ShopData.Region);
        tags.Add(H.PaymentMethodName, H.ToWire(H.PaymentMethod.Card));
        tags.Add(H.Express, H.BoxedTrue);
        tags.Add(H.LoyaltyTier, H.BoxedLoyaltyTier);
        tags.Add(H.Channel, ShopData.Channel);
        _handWritten5.Record(0.25, in tags);
    }

    [BenchmarkCategory("5 tags"), Benchmark]
    public void Generated5() => _generated5.Record(0.25, ShopData.Region, ShopPaymentMethod.Card, shopExpress: true, ShopData.LoyaltyTier, ShopData.Channel);

    [BenchmarkCategory("5 tags"), Benchmark]
    public void KeyValuePairs5() => _handWritten5.Record(
            0.25,
            new KeyValuePair<string, object?>("shop.region", ShopData.Region),
            new KeyValuePair<string, object?>("shop.payment.method", H.ToWire(H.PaymentMethod.Card)),
            new KeyValuePair<string, object?>("shop.express", true),
            new KeyValuePair<string, object?>("shop.loyalty.tier", ShopData.LoyaltyTier),
            new KeyValuePair<string, object?>("shop.channel", ShopData.Channel));

    [BenchmarkCategory("8 tags"), Benchmark(Baseline = true)]
    public void TagList8()
    {
        var tags = new TagList();
        tags.Add(H.Region, ShopData.Region);
        tags.Add(H.PaymentMethodName, H.ToWire(H.PaymentMethod.Card));
        tags.Add(H.Express, true);
        tags.Add(H.LoyaltyTier, ShopData.LoyaltyTier);
        tags.Add(H.Channel, ShopData.Channel);
        tags.Add(H.BasketItems, ShopData.BasketItems);
        tags.Add(H.Device, ShopData.Device);
        tags.Add(H.Returning, false);
        _handWritten8.Record(0.25, in tags);
    }

    /// <summary>The same TagList with the boolean and integers boxed once, as the generated code does: the tag building alone.</summary>
    [BenchmarkCategory("8 tags"), Benchmark]
    public void TagListBoxedOnce8()
    {
        var tags = new TagList();
        tags.Add(H.Region, ShopData.Region);
        tags.Add(H.PaymentMethodName, H.ToWire(H.PaymentMethod.Card));
        tags.Add(H.Express, H.BoxedTrue);
        tags.Add(H.LoyaltyTier, H.BoxedLoyaltyTier);
        tags.Add(H.Channel, ShopData.Channel);
        tags.Add(H.BasketItems, H.BoxedBasketItems);
        tags.Add(H.Device, ShopData.Device);
        tags.Add(H.Returning, H.BoxedFalse);
        _handWritten8.Record(0.25, in tags);
    }

    [BenchmarkCategory("8 tags"), Benchmark]
    public void Generated8() => _generated8.Record(0.25, ShopData.Region, ShopPaymentMethod.Card, shopExpress: true, ShopData.LoyaltyTier, ShopData.Channel, ShopData.BasketItems, ShopData.Device, shopReturning: false);

    [BenchmarkCategory("8 tags"), Benchmark]
    public void KeyValuePairs8() => _handWritten8.Record(
            0.25,
            new KeyValuePair<string, object?>("shop.region", ShopData.Region),
            new KeyValuePair<string, object?>("shop.payment.method", H.ToWire(H.PaymentMethod.Card)),
            new KeyValuePair<string, object?>("shop.express", true),
            new KeyValuePair<string, object?>("shop.loyalty.tier", ShopData.LoyaltyTier),
            new KeyValuePair<string, object?>("shop.channel", ShopData.Channel),
            new KeyValuePair<string, object?>("shop.basket.items", ShopData.BasketItems),
            new KeyValuePair<string, object?>("shop.device", ShopData.Device),
            new KeyValuePair<string, object?>("shop.returning", false));
}

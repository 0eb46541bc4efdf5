using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using TelemetryConventions.Benchmarks.Telemetry;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>A sampled span with five attributes (a pseudonym, a string, an integer, an enum, a boolean) and one event.</summary>
[MemoryDiagnoser]
public class SpanFiveAttributesBenchmarks
{
    private readonly ActivitySource _source = new("bench.span5");
    private readonly Pseudonymizer _pseudonymizer = ShopData.CreatePseudonymizer();
    private ListenerScope? _listener;
    private int _next;

    [Params(Listening.Sampled, Listening.SdkSampled)]
    public Listening Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _listener = new ListenerScope(Listening, _source.Name);
        ShopData.Warm(_pseudonymizer, ShopAttributes.CustomerId);
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    private string NextCustomer() => ShopData.CustomerNumbers[_next++ & 255];

    [Benchmark(Baseline = true)]
    public void HandWritten()
    {
        var customer = NextCustomer();
        using var activity = _source.StartActivity(Runtime.HandWritten.CheckoutSpan, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddTag(Runtime.HandWritten.CustomerId, _pseudonymizer.Compute(Runtime.HandWritten.CustomerId, customer));
            activity.AddTag(Runtime.HandWritten.Region, ShopData.Region);
            activity.AddTag(Runtime.HandWritten.BasketItems, ShopData.BasketItems);
            activity.AddTag(Runtime.HandWritten.PaymentMethodName, Runtime.HandWritten.ToWire(Runtime.HandWritten.PaymentMethod.Card));
            activity.AddTag(Runtime.HandWritten.Express, true);
            activity.AddEvent(new ActivityEvent(
                Runtime.HandWritten.PaymentAuthorizedEvent,
                tags: new ActivityTagsCollection { { Runtime.HandWritten.PaymentAmount, ShopData.PaymentAmount } }));
        }
    }

    [Benchmark]
    public void Generated()
    {
        var customer = NextCustomer();
        using var checkout = _source.StartShopCheckout(
            _pseudonymizer.Pseudonymize(ShopAttributes.CustomerId, customer),
            ShopData.Region,
            ShopData.BasketItems,
            ShopPaymentMethod.Card,
            shopExpress: true);
        checkout.AddShopPaymentAuthorizedEvent(ShopData.PaymentAmount);
    }

    [Benchmark]
    public void SeedStyle()
    {
        var hashedCustomer = Runtime.SeedStyle.HashId(NextCustomer());
        using var activity = _source.StartActivity("shop.checkout", ActivityKind.Server);
        activity?.SetTag("shop.customer.id.hashed", hashedCustomer);
        activity?.SetTag("shop.region", ShopData.Region);
        activity?.SetTag("shop.basket.items", ShopData.BasketItems);
        activity?.SetTag("shop.payment.method", "card");
        activity?.SetTag("shop.express", true);
        activity?.AddEvent(new ActivityEvent(
            "shop.payment.authorized",
            tags: new ActivityTagsCollection { { "shop.payment.amount", ShopData.PaymentAmount } }));
    }
}

using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using TelemetryConventions.Benchmarks.Telemetry;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>
/// Starting and ending a span with three attributes, one of them a customer identifier that may only leave
/// the process as a keyed pseudonym: the generated wrapper against the same span written by hand.
/// </summary>
[MemoryDiagnoser]
public class SpanThreeAttributesBenchmarks
{
    private readonly ActivitySource _source = new("bench.span3");
    private readonly Pseudonymizer _pseudonymizer = ShopData.CreatePseudonymizer();
    private ListenerScope? _listener;
    private int _next;

    [Params(Listening.None, Listening.NotSampled, Listening.Sampled, Listening.SdkNotSampled, Listening.SdkSampled)]
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

    /// <summary>
    /// Best practice by hand: no sampling-relevant tags, so nothing is built before the sampler decides;
    /// <c>AddTag</c> on the fresh span; the pseudonym computed only inside the <c>IsAllDataRequested</c> guard.
    /// </summary>
    [Benchmark(Baseline = true)]
    public void HandWritten()
    {
        var customer = NextCustomer();
        using var activity = _source.StartActivity(Runtime.HandWritten.LookupSpan, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddTag(Runtime.HandWritten.CustomerId, _pseudonymizer.Compute(Runtime.HandWritten.CustomerId, customer));
            activity.AddTag(Runtime.HandWritten.Region, ShopData.Region);
            activity.AddTag(Runtime.HandWritten.BasketItems, ShopData.BasketItems);
        }
    }

    [Benchmark]
    public void Generated()
    {
        var customer = NextCustomer();
        using var lookup = _source.StartShopLookup(
            _pseudonymizer.Pseudonymize(ShopAttributes.CustomerId, customer),
            ShopData.Region,
            ShopData.BasketItems);
    }

    /// <summary>The identifier hashed first, whatever happens to the span; literals and <c>SetTag</c> on every call.</summary>
    [Benchmark]
    public void SeedStyle()
    {
        var hashedCustomer = Runtime.SeedStyle.HashId(NextCustomer());
        using var activity = _source.StartActivity("shop.lookup", ActivityKind.Server);
        activity?.SetTag("shop.customer.id.hashed", hashedCustomer);
        activity?.SetTag("shop.region", ShopData.Region);
        activity?.SetTag("shop.basket.items", ShopData.BasketItems);
    }
}

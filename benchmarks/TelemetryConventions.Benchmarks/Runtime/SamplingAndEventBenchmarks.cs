using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TelemetryConventions.Benchmarks.Telemetry;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>
/// The two allocation goals that depend on who listens: a span whose sampling-relevant attributes go to
/// the sampler at start (nothing may be built before the sampler decides, nothing at all when nothing
/// listens), and an event without attributes (no empty tag collection). Each generated call is measured
/// against the same telemetry written by hand as well as it can be.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SamplingAndEventBenchmarks
{
    private const string SearchSpan = "shop.search";
    private const string SearchEmptyEvent = "shop.search.empty";

    private readonly ActivitySource _source = new("bench.sampling");
    private ListenerScope? _listener;

    [Params(Listening.None, Listening.NotSampled, Listening.Sampled)]
    public Listening Listening { get; set; }

    [GlobalSetup]
    public void Setup() => _listener = new ListenerScope(Listening, _source.Name);

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    /// <summary>
    /// By hand: the sampling tags built only once something listens, the other attribute only when the
    /// span records.
    /// </summary>
    [BenchmarkCategory("start with sampling attributes"), Benchmark(Baseline = true)]
    public void HandWrittenStart()
    {
        if (!_source.HasListeners())
        {
            return;
        }
        var samplingTags = new KeyValuePair<string, object?>[]
        {
            new(HandWritten.Region, ShopData.Region),
            new("shop.channel", ShopData.Channel),
        };
        using var activity = _source.StartActivity(SearchSpan, ActivityKind.Server, default(ActivityContext), samplingTags);
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddTag(HandWritten.BasketItems, ShopData.BasketItems);
        }
    }

    [BenchmarkCategory("start with sampling attributes"), Benchmark]
    public void GeneratedStart()
    {
        using var search = _source.StartShopSearch(ShopData.Region, ShopData.Channel, ShopData.BasketItems);
    }

    /// <summary>By hand: an event with no tags, added only when the span records.</summary>
    [BenchmarkCategory("event without attributes"), Benchmark(Baseline = true)]
    public void HandWrittenEvent()
    {
        using var activity = _source.StartActivity(SearchSpan, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(SearchEmptyEvent));
        }
    }

    [BenchmarkCategory("event without attributes"), Benchmark]
    public void GeneratedEvent()
    {
        using var activity = _source.StartActivity(SearchSpan, ActivityKind.Server);
        activity?.AddShopSearchEmptyEvent();
    }
}

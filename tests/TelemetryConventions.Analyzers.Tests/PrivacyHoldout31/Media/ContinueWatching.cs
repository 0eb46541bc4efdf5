using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Web;

namespace PrivacyHoldout31.Media;

/// <summary>
/// The home page's rows. <c>/rows/continue-watching?profile={profileId}</c> is cached per viewing
/// profile; <c>/rows/trending?territory=…</c> per territory.
/// </summary>
public static class HomeRowCaching
{
    public static void AddPolicies(OutputCacheOptions options)
    {
        options.AddBasePolicy(builder => builder.AddPolicy<OutputCacheDiagnostics>());
        options.AddPolicy("continue-watching", builder => builder
            .VaryByValue(context => new KeyValuePair<string, string>("profile", context.Request.Query.TryGetValue("profile", out var profile) ? profile : string.Empty))
            .Tag("continue-watching")
            .Expire(TimeSpan.FromSeconds(30)));
        options.AddPolicy("trending", builder => builder.SetVaryByQuery("territory").Tag("trending").Expire(TimeSpan.FromMinutes(5)));
    }
}

/// <summary>The base policy of every cached row: records what the output cache did with the request.</summary>
public sealed class OutputCacheDiagnostics(ILogger<OutputCacheDiagnostics> logger) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        logger.LogDebug("Output cache lookup for {Path}{Query}", context.HttpContext.Request.Path, context.HttpContext.Request.QueryString); // leak TC1001 strings
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var vary = context.CacheVaryByRules.VaryByValues;
        Activity.Current?.SetTag("output_cache.vary", string.Join(";", vary.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 strings
        Activity.Current?.SetTag("output_cache.vary_keys", string.Join(";", vary.Keys)); // clean precision-names
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Activity.Current?.SetTag("output_cache.stored", context.AllowCacheStorage); // clean precision-about
        Activity.Current?.SetTag("output_cache.tag_count", context.Tags.Count);
        return ValueTask.CompletedTask;
    }
}

public sealed record ProgressBeat(Guid ProfileId, string TitleId, TimeSpan Position, string DeviceClass);

/// <summary>
/// Players report their position every ten seconds; the writer behind this channel is allowed to fall
/// behind, and the oldest beats are dropped first.
/// </summary>
public sealed class ProgressQueue
{
    private readonly Channel<ProgressBeat> _beats;
    private readonly Counter<long> _dropped;
    private readonly ILogger<ProgressQueue> _logger;

    public ProgressQueue(Meter meter, ILogger<ProgressQueue> logger)
    {
        _logger = logger;
        _dropped = meter.CreateCounter<long>("playback.progress.dropped");
        _beats = Channel.CreateBounded<ProgressBeat>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest }, OnDropped);
    }

    public ChannelReader<ProgressBeat> Reader => _beats.Reader;

    public bool Report(ProgressBeat beat) => _beats.Writer.TryWrite(beat);

    private void OnDropped(ProgressBeat beat)
    {
        _dropped.Add(1, new KeyValuePair<string, object?>("device_class", beat.DeviceClass)); // clean precision-about
        _logger.LogDebug("Dropped progress beat {Beat}", beat); // leak TC1001 logging-objects
    }
}

namespace PrivacyHoldout111.Media;

public sealed record Entitlement(Guid SubscriberId, string Plan, string Territory, IReadOnlySet<string> Titles, DateTimeOffset ValidUntil);

public interface IEntitlementService
{
    Task<Entitlement> ForSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken);
}

/// <summary>Entitlements in a memory cache in front of the billing system, with eviction callbacks and stampede counting.</summary>
public sealed class EntitlementCache(IMemoryCache cache, IEntitlementService entitlements, Pseudonymizer pseudonymizer, ILogger<EntitlementCache> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Entitlements");
    private static readonly Meter Meter = new("Streaming.Entitlements");
    private static readonly Counter<long> Evicted = Meter.CreateCounter<long>("entitlements.cache.evicted");
    private static readonly Counter<long> Waiters = Meter.CreateCounter<long>("entitlements.cache.stampede_waiters");

    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    public async Task<Entitlement> GetAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var key = ("ent", subscriberId);
        if (cache.TryGetValue<Entitlement>(key, out var hit) && hit is not null)
        {
            return hit;
        }
        var gate = _gates.GetOrAdd(subscriberId, _ => new SemaphoreSlim(1, 1));
        if (gate.CurrentCount == 0)
        {
            Waiters.Add(1, new KeyValuePair<string, object?>("plan", "unknown")); // clean precision-names
            logger.LogDebug("Waiting on the entitlement fill for {Key}", key); // leak TC1001 strings
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue<Entitlement>(key, out hit) && hit is not null)
            {
                return hit;
            }
            using var span = Source.StartViewstateCacheFill("memory").SetViewstateSubscriberId(pseudonymizer.PseudonymizeViewstateSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
            var fresh = await entitlements.ForSubscriberAsync(subscriberId, cancellationToken);
            using (var entry = cache.CreateEntry(key))
            {
                entry.Value = fresh;
                entry.AbsoluteExpirationRelativeToNow = fresh.ValidUntil - DateTimeOffset.UtcNow;
                entry.Priority = CacheItemPriority.High;
                entry.RegisterPostEvictionCallback(OnEvicted);
            }
            span.SetViewstateTerritory(fresh.Territory).SetViewstateEntries(fresh.Titles.Count); // clean precision-names
            span.SetViewstateNote($"plan={fresh.Plan}"); // clean strings
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    private void OnEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        Evicted.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString())); // clean precision-names
        if (value is Entitlement gone)
        {
            logger.LogViewstateCacheEvictedEvent("memory", reason.ToString(), viewstateNote: $"plan {gone.Plan}, {gone.Titles.Count} titles"); // clean generated-api
            logger.LogInformation("Entitlement of {Subscriber} evicted ({Reason})", gone.SubscriberId, reason); // leak TC1001 cross-member
            Evicted.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeViewstateSubscriberId(gone.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
        }
    }

    public void TrimGates()
    {
        var idle = _gates.Where(g => g.Value.CurrentCount == 1).Select(g => g.Key).ToList();
        foreach (var id in idle)
        {
            _gates.TryRemove(id, out _);
        }
        logger.LogDebug("Trimmed {Count} idle gates", idle.Count); // clean precision-about
        logger.LogDebug("Trimmed gates of {Subscribers}", idle); // leak TC1001 logging-objects
    }
}

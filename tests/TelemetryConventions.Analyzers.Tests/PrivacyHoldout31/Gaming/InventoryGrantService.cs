using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Gaming;

public enum GrantResult
{
    Granted,
    Duplicate,
    InventoryFull,
}

public sealed class InventoryFullException(Guid playerId, int capacity)
    : Exception($"Inventory of player {playerId} is full ({capacity} slots)");

public interface IInventoryStore
{
    Task AddItemAsync(Guid playerId, string sku, CancellationToken cancellationToken);
}

/// <summary>
/// Store purchases and event rewards grant items. The store retries its webhooks, so a grant is deduplicated
/// by player and receipt, and grants to one player are serialised by a per-player gate.
/// </summary>
public sealed class InventoryGrantService(IInventoryStore store, IDatabase redis, Pseudonymizer pseudonymizer, Meter meter, ILogger<InventoryGrantService> logger)
{
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Gates = new();
    private readonly Histogram<double> _gateWait = meter.CreateHistogram<double>("inventory.gate.wait", "ms");

    public async Task<GrantResult> GrantAsync(Guid playerId, string receiptId, string sku, CancellationToken ct)
    {
        var dedupeKey = $"grant:{playerId:N}:{receiptId}";
        if (!await redis.StringSetAsync(dedupeKey, "1", TimeSpan.FromDays(7), When.NotExists))
        {
            logger.LogInformation("Duplicate grant ignored: {DedupeKey}", dedupeKey); // leak TC1001 strings
            return GrantResult.Duplicate;
        }

        var gate = Gates.GetOrAdd(playerId, _ => new SemaphoreSlim(1, 1));
        var started = Stopwatch.GetTimestamp();
        await gate.WaitAsync(ct);
        try
        {
            _gateWait.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("sku", sku)); // clean precision-about
            var activity = Activity.Current;
            activity?.SetTag("inventory.player", pseudonymizer.ComputeCacheSubjectId(playerId.ToString())); // clean precision-pseudonym
            activity?.SetTag("inventory.receipt", receiptId); // clean precision-about
            activity?.SetTag("inventory.gates_open", Gates.Count); // clean precision-about

            await store.AddItemAsync(playerId, sku, ct);
            return GrantResult.Granted;
        }
        catch (InventoryFullException ex)
        {
            await redis.KeyDeleteAsync(dedupeKey);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return GrantResult.InventoryFull;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Gates of players who have gone quiet are dropped by the housekeeping timer.</summary>
    public void TrimGates(IReadOnlyCollection<Guid> activePlayers)
    {
        var removed = new List<Guid>();
        foreach (var (playerId, gate) in Gates)
        {
            if (!activePlayers.Contains(playerId) && gate.CurrentCount == 1 && Gates.TryRemove(playerId, out _))
            {
                removed.Add(playerId);
            }
        }

        logger.LogDebug("Trimmed {Count} inventory gates", removed.Count);
        logger.LogTrace("Trimmed gates of {Players}", removed); // leak TC1001 logging-objects
    }
}

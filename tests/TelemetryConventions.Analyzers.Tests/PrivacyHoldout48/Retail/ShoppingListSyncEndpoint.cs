using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Retail;

public sealed record ListItemChange(string ItemId, string Sku, int Quantity, bool Deleted, long LamportClock, string ReplicaId);

public sealed record ShoppingListDelta(string ListId, string CustomerNumber, string? DeltaToken, IReadOnlyList<ListItemChange> Changes);

public sealed record MergeResult(string ListId, int Merged, int Tombstoned, string DeltaToken);

public static class SyncActivityExtensions
{
    public static Activity? TagReplica(this Activity? activity, string replicaId) =>
        activity?.SetTag("sync.replica", replicaId);

    public static Activity? TagCustomer(this Activity? activity, string customer) =>
        activity?.SetTag("customer", customer);
}

/// <summary>Merges the shopping list edits made offline in the app with the server's copy (CRDT-style, Lamport clocks).</summary>
public sealed class ShoppingListSyncEndpoint(
    ILogger<ShoppingListSyncEndpoint> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.ListSync");
    private readonly Dictionary<string, long> _clocks = new();

    public EndpointRoutes Map(EndpointRoutes routes) =>
        routes.MapPost("/lists/{listId}/sync", (ShoppingListDelta delta) => Merge(delta));

    public MergeResult Merge(ShoppingListDelta delta)
    {
        using var activity = Source.StartActivity("list.merge");
        activity?.SetTag("list.id", delta.ListId); // clean precision-names
        logger.LogDebug("Delta received {Delta}", delta); // leak TC1001 logging-objects
        activity.TagCustomer(pseudonymizer.ComputeSyncAccountId(delta.CustomerNumber)); // clean precision-pseudonym
        var merged = 0;
        var tombstoned = 0;
        foreach (var change in delta.Changes)
        {
            var key = $"{delta.ListId}/{change.ItemId}";
            if (_clocks.TryGetValue(key, out var clock) && clock >= change.LamportClock)
            {
                activity.TagReplica(change.ReplicaId); // leak TC1001 cross-member
                logger.LogDebug("Stale edit of item {ItemId} (clock {Clock} <= {Known})", change.ItemId, change.LamportClock, clock); // clean precision-about
                continue;
            }

            _clocks[key] = change.LamportClock;
            if (change.Deleted)
            {
                tombstoned++;
                logger.LogDebug("Tombstone for {Sku} on list {ListId}", change.Sku, delta.ListId); // clean precision-names
            }
            else
            {
                merged++;
            }
        }

        meter.CreateSyncChangesCounter().Add(merged + tombstoned, syncCollection: "shopping_lists"); // clean generated-api
        meter.CreateCounter<long>("shop.list.merges").Add(1, new KeyValuePair<string, object?>("customer.number", delta.CustomerNumber)); // leak TC1003 direct
        logger.LogInformation("Merged list {ListId} for customer {CustomerNumber}", delta.ListId, delta.CustomerNumber); // leak TC1001 direct
        var token = $"{delta.ListId}:{_clocks.Where(c => c.Key.StartsWith(delta.ListId, StringComparison.Ordinal)).Select(c => c.Value).DefaultIfEmpty().Max()}";
        logger.LogDebug("Next delta token {DeltaToken}", token); // clean precision-names
        return new MergeResult(delta.ListId, merged, tombstoned, token);
    }
}

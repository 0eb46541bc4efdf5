using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EventStore.Client;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Gaming;

public sealed record ItemGranted(string PlayerId, string Sku, int Quantity, string Source);

public sealed record InventoryState(Dictionary<string, int> Items);

/// <summary>
/// A player's inventory is event sourced: one stream per player account (<c>inventory-{playerId}</c>),
/// snapshotted every 100 events. A match's loot table is its own stream (<c>match-{matchId}</c>).
/// </summary>
public sealed class InventoryAggregate(EventStoreClient store, ISnapshotStore snapshots, Pseudonymizer pseudonymizer, ILogger<InventoryAggregate> logger)
{
    private static readonly ActivitySource Source = new("Arena.Inventory");

    private static string StreamName(string playerId) => $"inventory-{playerId}";

    public async Task GrantAsync(ItemGranted grant, string gamertag, long expectedVersion, EventMetadata metadata, CancellationToken ct)
    {
        var streamName = StreamName(grant.PlayerId);
        using var span = Source.StartLedgerAppend("inventory", nameof(ItemGranted));
        span.SetLedgerActorId(pseudonymizer.PseudonymizeLedgerActorId(grant.PlayerId)); // clean precision-pseudonym
        span.SetLedgerNote($"granted {grant.Quantity}x {grant.Sku} to {gamertag}"); // leak TC1001 generated-api
        logger.LogDebug("Appending {EventType} caused by {CausationId}", nameof(ItemGranted), metadata.CausationId); // clean precision-about
        logger.LogTrace("Event metadata {@Metadata}", metadata); // leak TC1001 logging-objects

        try
        {
            var data = new EventData(Uuid.NewUuid(), nameof(ItemGranted), JsonSerializer.SerializeToUtf8Bytes(grant), metadata.ToJson());
            var written = await store.AppendToStreamAsync(streamName, StreamRevision.FromInt64(expectedVersion), new[] { data }, ct);
            if (written.NextExpectedStreamRevision.ToInt64() % 100 == 99)
            {
                var state = await LoadAsync(grant.PlayerId, ct);
                await snapshots.SaveAsync(streamName, state, written.NextExpectedStreamRevision.ToInt64(), ct);
                logger.LogInformation("Inventory snapshot at version {Version} with {ItemCount} items", written.NextExpectedStreamRevision, state.Items.Count); // clean precision-about
                logger.LogInformation("Snapshot saved for {Stream}", streamName); // leak TC1001 cross-member
            }
        }
        catch (WrongExpectedVersionException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, "inventory moved on", includeMessage: true); // leak TC1001 exceptions
            throw;
        }
    }

    public async Task AddLootAsync(string matchId, IReadOnlyList<string> skus, CancellationToken ct)
    {
        using var span = Source.StartLedgerAppend("match", "LootRolled");
        span.SetLedgerAggregateId(matchId); // clean precision-about
        var data = new EventData(Uuid.NewUuid(), "LootRolled", JsonSerializer.SerializeToUtf8Bytes(skus));
        await store.AppendToStreamAsync($"match-{matchId}", StreamState.Any, new[] { data }, ct);
        Activity.Current?.SetTag("eventstore.stream", $"match-{matchId}"); // clean strings
    }

    private async Task<InventoryState> LoadAsync(string playerId, CancellationToken ct)
    {
        var state = new InventoryState(new Dictionary<string, int>());
        await foreach (var e in store.ReadStreamAsync(Direction.Forwards, StreamName(playerId), StreamPosition.Start, cancellationToken: ct))
        {
            var granted = JsonSerializer.Deserialize<ItemGranted>(e.Event.Data.Span)!;
            state.Items[granted.Sku] = state.Items.GetValueOrDefault(granted.Sku) + granted.Quantity;
        }

        return state;
    }
}

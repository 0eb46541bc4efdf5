using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;

namespace PrivacyHoldout13.Gaming;

/// <summary>A purchase confirmed by a platform store, on <c>store.receipts</c> keyed by receipt id.</summary>
public sealed record StoreReceipt(string ReceiptId, string PlayerId, string Platform, string Sku, decimal Price, string Currency);

/// <summary>Grants the items of a receipt once, whatever the platform's webhook retries.</summary>
public sealed class StorePurchaseHandler(IIdempotencyStore idempotency, InventoryAggregate inventory, ILogger<StorePurchaseHandler> logger)
{
    public async Task HandleAsync(ConsumeResult<string, StoreReceipt> result, string gamertag, EventMetadata metadata, CancellationToken ct)
    {
        var receipt = result.Message.Value;
        var activity = Activity.Current;
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
        activity?.SetTag("store.platform", receipt.Platform); // clean precision-about

        var idempotencyKey = $"grant:{receipt.PlayerId}:{receipt.ReceiptId}";
        if (!await idempotency.TryBeginAsync(idempotencyKey, TimeSpan.FromDays(7), ct))
        {
            logger.LogInformation("Receipt already granted ({IdempotencyKey})", idempotencyKey); // leak TC1001 strings
            activity?.SetTag("store.receipt.duplicate", true);
            return;
        }

        await inventory.GrantAsync(new ItemGranted(receipt.PlayerId, receipt.Sku, 1, "store"), gamertag, -1, metadata, ct);
        await idempotency.CompleteAsync(idempotencyKey, ct);
        Activity.Current?.EnrichPipelineConsume(result.Topic).SetPipelineOutcome($"granted {receipt.Sku} for receipt {receipt.ReceiptId}"); // clean generated-api
    }
}

using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout51.Support.MassTransit;
using PrivacyHoldout51.Support.Outbox;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Gaming;

public sealed record PurchaseCompleted(Guid PlayerId, string ReceiptId, string StoreSku, string Platform, string Region, int Coins);

public sealed record RewardGranted(Guid PlayerId, string ReceiptId, int Coins);

/// <summary>Advances the spend-streak saga, which is correlated by player and day.</summary>
public sealed record SpendStreakProgressed(Guid CorrelationId, int Coins) : CorrelatedBy<Guid>;

public sealed class InventoryFullException(Guid playerId, string sku) : Exception($"Inventory of player {playerId} is full; cannot grant {sku}");

public interface IWallet
{
    Task<bool> CreditAsync(Guid playerId, string sku, int coins);
}

/// <summary>
/// Grants what a store purchase bought. The store redelivers purchases, so the consumer records each
/// one in the inbox before crediting the wallet.
/// </summary>
public sealed class RewardGrantConsumer(
    IInboxStore inbox,
    IWallet wallet,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<RewardGrantConsumer> logger) : IConsumer<PurchaseCompleted>
{
    private static readonly Meter Meter = new("Arena.Rewards");
    private static readonly Counter<long> Grants = Meter.CreateCounter<long>("rewards.granted", "{grant}");

    public async Task Consume(ConsumeContext<PurchaseCompleted> context)
    {
        var purchase = context.Message;
        var handled = Meter.CreateBusHandledCounter();
        var activity = Activity.Current;
        activity?.SetTag("purchase.receipt_id", purchase.ReceiptId); // clean precision-names
        activity?.SetTag("messaging.retry_attempt", context.GetRetryAttempt()); // clean precision-about
        activity?.SetTag("player.ref", pseudonymizer.ComputeBusSubjectId(purchase.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetBaggage("player.id", purchase.PlayerId.ToString()); // leak TC1001 direct

        var inboxKey = $"grant:{purchase.PlayerId}:{purchase.ReceiptId}";
        if (!await inbox.TryRecordAsync(inboxKey, nameof(RewardGrantConsumer), context.CancellationToken))
        {
            logger.LogInformation("Duplicate purchase ignored, inbox key {InboxKey}", inboxKey); // leak TC1001 strings
            handled.Add(1, nameof(PurchaseCompleted), "rewards", "duplicate"); // clean generated-api
            return;
        }

        logger.LogDebug("Inbox row written for message {MessageId}", context.MessageId); // clean precision-names

        // Wallet writes are spread over eight lanes by player.
        var lane = (purchase.PlayerId.ToString().GetHashCode() & 0x7FFFFFFF) % 8;
        activity?.SetTag("wallet.lane", lane); // leak TC1002 hashes
        var auditShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(purchase.PlayerId.ToString()))[0] % 32;
        activity?.SetTag("wallet.audit_shard", auditShard); // clean hashes

        if (!await wallet.CreditAsync(purchase.PlayerId, purchase.StoreSku, purchase.Coins))
        {
            throw new InventoryFullException(purchase.PlayerId, purchase.StoreSku); // leak TC1001 exceptions
        }

        Grants.Add(1, new TagList { { "region", purchase.Region }, { "platform", purchase.Platform } }); // clean precision-about
        Grants.Add(purchase.Coins, new TagList { { "player", pseudonymizer.ComputeBusSubjectId(purchase.PlayerId.ToString()) } }); // leak TC1003 precision-pseudonym
        handled.Add(1, nameof(PurchaseCompleted), "rewards", "granted", pseudonymizer.PseudonymizeBusSubjectId(purchase.PlayerId.ToString())); // leak TC1003 precision-pseudonym
        await context.Publish(new RewardGranted(purchase.PlayerId, purchase.ReceiptId, purchase.Coins));

        var streakId = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"{purchase.PlayerId:N}:{DateTime.UtcNow:yyyyMMdd}")));
        await context.Publish(new SpendStreakProgressed(streakId, purchase.Coins));
        logger.LogDebug("Spend streak {StreakCorrelationId} advanced by {Coins}", streakId, purchase.Coins); // leak TC1002 hashes
    }
}

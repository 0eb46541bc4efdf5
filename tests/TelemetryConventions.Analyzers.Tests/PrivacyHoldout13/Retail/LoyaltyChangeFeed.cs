using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;

namespace PrivacyHoldout13.Retail;

/// <summary>What goes to <c>loyalty.members.dlq</c> when a change cannot be applied.</summary>
public sealed record DeadLetter(string Topic, int Partition, long Offset, string Key, string Reason);

public interface IPointsLedger
{
    Task ApplyAsync(string cardNumber, int pointsDelta, CancellationToken cancellationToken);
}

/// <summary>
/// Follows the CDC topic of the loyalty database's <c>members</c> table (keyed by member id) and
/// the <c>shop.orders</c> dead letters, and applies points changes to the points ledger.
/// </summary>
public sealed class LoyaltyChangeFeed(IPointsLedger ledger, IIdempotencyStore idempotency, IProducer<string, DeadLetter> deadLetters, ILogger<LoyaltyChangeFeed> logger)
{
    private static readonly ActivitySource Source = new("Shop.Loyalty");

    public async Task HandleAsync(ConsumeResult<string, ChangeEnvelope<Dictionary<string, object?>>> result, CancellationToken ct)
    {
        var change = result.Message.Value;
        using var span = Source.StartPipelineConsume(result.Topic);
        var activity = Activity.Current;
        if (change.Before is not { } before || change.After is not { } after)
        {
            span.SetPipelineOutcome(change.IsCreate ? "member created" : "member deleted"); // clean generated-api
            return;
        }

        if (!Equals(before["email"], after["email"]))
        {
            logger.LogInformation("Member email changed from {OldEmail} to {NewEmail}", before["email"], after["email"]); // leak TC1001 direct
        }

        var cardNumber = (string)after["card_number"]!;
        activity?.SetTag("loyalty.card", after["card_number"]); // leak TC1001 direct
        activity?.SetTag("loyalty.card_last4", cardNumber[^4..]); // clean precision-about
        logger.LogInformation("Points {OldPoints} -> {NewPoints}", before["points"], after["points"]); // clean precision-about

        var delta = Convert.ToInt32(after["points"]) - Convert.ToInt32(before["points"]);
        var dedupKey = $"loyalty:{change.Source.TxId}:{change.Source.Lsn}";
        if (!await idempotency.TryBeginAsync(dedupKey, TimeSpan.FromDays(1), ct))
        {
            logger.LogDebug("Change {DedupKey} already applied", dedupKey); // clean strings
            return;
        }

        try
        {
            await ledger.ApplyAsync(cardNumber, delta, ct);
        }
        catch (InvalidOperationException ex)
        {
            var deadLetter = new DeadLetter(result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key, ex.GetType().Name);
            await deadLetters.ProduceAsync("loyalty.members.dlq", new Message<string, DeadLetter> { Key = result.Message.Key, Value = deadLetter }, ct);
            logger.LogError("Dead-lettered {DeadLetter}", deadLetter); // leak TC1001 logging-objects
        }
    }
}

/// <summary>Replays <c>shop.orders.dlq</c>, whose key and envelope carry the order id.</summary>
public sealed class OrderDeadLetterReplayer(ILogger<OrderDeadLetterReplayer> logger)
{
    public async Task ReplayAsync(ConsumeResult<string, DeadLetter> result, CancellationToken ct)
    {
        var deadLetter = result.Message.Value;
        logger.LogWarning("Replaying {DeadLetter}", deadLetter); // clean logging-objects
        Activity.Current?.SetTag("dlq.source", $"{deadLetter.Topic}/{deadLetter.Partition}@{deadLetter.Offset}"); // clean strings
        await Task.CompletedTask;
    }
}

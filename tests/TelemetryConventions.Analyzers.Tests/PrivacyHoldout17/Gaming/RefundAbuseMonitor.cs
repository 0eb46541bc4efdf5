using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Gaming;

public interface IRefundHistory
{
    int RefundsInLast30Days(string playerId);
}

/// <summary>Watches refunds of store purchases for players who buy, play and refund again and again.</summary>
public sealed class RefundAbuseMonitor(
    IRefundHistory history,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<RefundAbuseMonitor> logger)
{
    private readonly Counter<long> _refunds = meter.CreateCounter<long>("store.refunds", "{refund}");
    private readonly Counter<long> _refundsByShard = meter.CreateCounter<long>("store.refunds.by_shard", "{refund}");

    public void OnRefunded(Charge charge, string playerId)
    {
        var activity = Activity.Current;
        var card = charge.PaymentMethodDetails.Card!;

        // The card key lets analysts see one card refunding on several accounts.
        var cardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(card.Fingerprint)))[..16];
        activity?.SetTag("refund.card_key", cardKey); // leak TC1002 hashes
        activity?.SetTag("refund.card_fingerprint", card.Fingerprint); // leak TC1001 direct

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(playerId))[0] % 16;
        activity?.SetTag("refund.shard", shard); // clean hashes
        _refundsByShard.Add(1, new KeyValuePair<string, object?>("shard", shard)); // clean hashes

        var bucket = (playerId.GetHashCode() & 0x7fffffff) % 32;
        activity?.SetTag("refund.bucket", bucket); // leak TC1002 hashes

        activity?.SetTag("refund.player", pseudonymizer.ComputeBillingPayerId(playerId)); // clean precision-pseudonym
        activity?.SetTag("refund.player_opaque", Convert.ToBase64String(Encoding.UTF8.GetBytes(playerId))); // leak TC1001 hashes
        _refunds.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeBillingPayerId(playerId))); // leak TC1003 precision-pseudonym

        var recent = history.RefundsInLast30Days(playerId);
        logger.LogInformation("Refund {Count} in 30 days on card ending {Last4}, charge {ChargeId}", recent, card.Last4, charge.Id); // clean precision-about
        if (recent >= 3)
        {
            logger.LogWarning("Refund abuse suspected for {PlayerId}: {Count} refunds", playerId, recent); // leak TC1001 direct
            logger.LogWarning("Refund abuse suspected on charge {ChargeId} ({Count} refunds, risk {RiskLevel})", charge.Id, recent, charge.Outcome?.RiskLevel); // clean precision-names
        }
    }
}

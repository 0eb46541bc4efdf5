using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Gaming;

public sealed record StorePurchase(string PurchaseId, Guid PlayerId, string Gamertag, string Sku, DateTimeOffset PurchasedAt, string ClientIp, bool ItemConsumed);

public interface IPurchaseLedger
{
    Task<StorePurchase?> FindByChargeAsync(string chargeId, CancellationToken cancellationToken = default);
}

public interface IAccountRestrictions
{
    Task RestrictAsync(Guid playerId, string restriction, string reason, CancellationToken cancellationToken = default);
}

/// <summary>
/// Handles card disputes on in-game purchases: restricts the store for the account (friendly fraud
/// is the usual case), blocks the card's fingerprint and answers with evidence of use.
/// </summary>
public sealed class ChargebackHandler(
    IPurchaseLedger ledger,
    IAccountRestrictions restrictions,
    IListStore lists,
    IDisputeEvidenceClient evidence,
    Pseudonymizer pseudonymizer,
    ILogger<ChargebackHandler> logger,
    Meter meter)
{
    private readonly Counter<long> _disputes = meter.CreateCounter<long>("store.disputes");

    public async Task HandleAsync(DisputeNotification dispute, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("dispute.id", dispute.DisputeId); // clean direct
        activity?.SetTag("dispute.reason", dispute.Reason);
        activity?.SetTag("dispute.card.brand", dispute.CardBrand); // clean precision-about
        activity?.SetTag("dispute.billing_email", dispute.BillingEmail); // leak TC1001 direct
        _disputes.Add(1, new KeyValuePair<string, object?>("reason", dispute.NetworkReasonCode), new KeyValuePair<string, object?>("currency", dispute.Currency)); // clean direct

        var purchase = await ledger.FindByChargeAsync(dispute.ChargeId, ct);
        if (purchase is null)
        {
            logger.LogWarning("Dispute {DisputeId} on unknown charge {ChargeId} from provider customer {ProviderCustomer}", dispute.DisputeId, dispute.ChargeId, dispute.ProviderCustomerId); // leak TC1001 direct
            return;
        }

        await restrictions.RestrictAsync(purchase.PlayerId, "store", $"chargeback {dispute.DisputeId}", ct);
        activity?.SetTag("player.ref", pseudonymizer.ComputeAbuseActorId(purchase.PlayerId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Store restricted for player {PlayerId} after dispute {DisputeId}", purchase.PlayerId, dispute.DisputeId); // leak TC1001 direct

        var entry = new ListEntry(Guid.NewGuid().ToString("N"), "card-blocklist", "card_fingerprint", dispute.CardFingerprint, "chargeback-handler", dispute.Reason, DateTimeOffset.UtcNow);
        await lists.AddAsync(entry, ct);
        logger.LogInformation("Card blocked: {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Card ending {Last4} blocked as entry {EntryId} on {List}", dispute.CardLast4, entry.EntryId, entry.ListName); // clean precision-about
        activity?.SetTag("dispute.card.fingerprint_digest", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(dispute.CardFingerprint)))); // leak TC1002 hashes

        var fields = new Dictionary<string, string>
        {
            ["product_description"] = purchase.Sku,
            ["customer_purchase_ip"] = purchase.ClientIp,
            ["service_date"] = purchase.PurchasedAt.ToString("O"),
            ["uncategorized_text"] = purchase.ItemConsumed ? "Item was used in game after purchase." : "Item not used.",
        };

        try
        {
            await evidence.SubmitAsync(dispute.DisputeId, fields, ct);
            activity?.AddEvent(new ActivityEvent("dispute.evidence.submitted", tags: new ActivityTagsCollection { ["fields"] = string.Join(",", fields.Keys), ["consumed"] = purchase.ItemConsumed })); // clean precision-names
        }
        catch (EvidenceRejectedException ex)
        {
            logger.LogError(ex, "Evidence rejected for {DisputeId}", dispute.DisputeId); // clean exceptions
            logger.LogError("Evidence we sent: {Evidence}", string.Join("; ", fields)); // leak TC1001 logging-objects
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Gaming;

// Player-to-player item trades held in escrow; either side can open a dispute and support decides.

public sealed record EscrowTrade(string TradeId, Guid SellerPlayerId, string SellerGamertag, Guid BuyerPlayerId, string BuyerGamertag, string ItemSku, decimal Price);

public sealed record TradeDispute(string DisputeId, string TradeId, Guid OpenedBy, string Reason, string Statement);

public enum DisputeDecision
{
    RefundBuyer,
    ReleaseToSeller,
    Split,
}

public sealed class TradeLockedException(string tradeId, string sellerGamertag)
    : Exception($"Trade {tradeId} is locked: seller {sellerGamertag} is under review");

public sealed class EscrowWindowClosedException(string tradeId)
    : Exception($"Escrow window closed for trade {tradeId}");

public sealed class TradeDisputeService(ILogger<TradeDisputeService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Marketplace.Trades");

    public void Open(EscrowTrade trade, TradeDispute dispute)
    {
        using var activity = Source.StartActivity("trade.dispute.open");
        activity?.SetTag("trade.id", trade.TradeId); // clean precision-about
        activity?.SetTag("trade.item.sku", trade.ItemSku); // clean precision-about
        activity?.SetTag("trade.dispute.reason", dispute.Reason); // clean precision-about
        activity?.SetTag("trade.dispute.statement", dispute.Statement); // leak TC1001 strings
        activity?.SetTag("trade.parties", $"{trade.SellerGamertag}->{trade.BuyerGamertag}"); // leak TC1001 strings
        activity?.SetTag("trade.opened_by_seller", dispute.OpenedBy == trade.SellerPlayerId); // clean precision-about

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TradeId"] = trade.TradeId, ["Buyer"] = trade.BuyerPlayerId }); // leak TC1001 logging-objects
        logger.LogInformation("Dispute {DisputeId} opened", dispute.DisputeId); // clean precision-about
    }

    public void Decide(EscrowTrade trade, TradeDispute dispute, DisputeDecision decision)
    {
        using var activity = Source.StartActivity("trade.dispute.decide");
        activity?.SetTag("trade.dispute.decision", decision.ToString()); // clean precision-about
        var sellerBucket = BitConverter.ToUInt16(MD5.HashData(Encoding.UTF8.GetBytes(trade.SellerGamertag))) % 50;
        activity?.SetTag("trade.seller.sample", sellerBucket); // leak TC1002 hashes
        activity?.SetTag("trade.seller", pseudonymizer.ComputeMarketPartyId(trade.SellerPlayerId.ToString())); // clean precision-pseudonym

        try
        {
            if (decision == DisputeDecision.ReleaseToSeller)
            {
                throw new TradeLockedException(trade.TradeId, trade.SellerGamertag);
            }

            if (decision == DisputeDecision.Split)
            {
                throw new EscrowWindowClosedException(trade.TradeId);
            }
        }
        catch (TradeLockedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }
        catch (EscrowWindowClosedException ex)
        {
            logger.LogWarning(ex, "Escrow closed for dispute {DisputeId}", dispute.DisputeId); // clean exceptions
        }
    }
}

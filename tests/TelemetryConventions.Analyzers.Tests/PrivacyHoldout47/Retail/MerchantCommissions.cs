using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Support;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Retail;

// Third-party merchants (registered companies) sell through the shop's marketplace; the shop takes a
// commission and pays out weekly. Merchants message buyers about orders through the shop's inbox.

public sealed record Merchant(string MerchantId, string TradingName, string CompanyNumber, string VatNumber, string SupportEmail, string AccountManagerEmail, string ConnectedAccountId);

public sealed record MerchantSale(string OrderId, string MerchantId, string Category, decimal Net, decimal CommissionRate);

public sealed record BuyerMessage(string ConversationId, string OrderId, string MerchantId, long BuyerCustomerNumber, string BuyerDisplayName, string Text);

public sealed class MerchantCommissionService(IConnectPayments payments, ILogger<MerchantCommissionService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.Marketplace.Commission");

    public async Task PayOutAsync(Merchant merchant, IReadOnlyList<MerchantSale> sales, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("marketplace.merchant.payout");
        activity?.SetTag("merchant.id", merchant.MerchantId); // clean precision-names
        activity?.SetTag("merchant.trading_name", merchant.TradingName); // clean precision-names
        activity?.SetTag("merchant.company_number", merchant.CompanyNumber); // clean precision-names
        activity?.SetTag("merchant.support_email", merchant.SupportEmail); // clean precision-names
        activity?.SetTag("merchant.account_manager", merchant.AccountManagerEmail); // leak TC1001 direct

        var commission = sales.Sum(s => s.Net * s.CommissionRate);
        var byCategory = sales.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Sum(s => s.Net));
        logger.LogInformation("Commission {Commission} on {Sales} sales by category {ByCategory}", commission, sales.Count, byCategory); // clean precision-about

        var transfer = await payments.CreateTransferAsync(merchant.ConnectedAccountId, (long)((sales.Sum(s => s.Net) - commission) * 100), "gbp", $"m-{merchant.MerchantId}-{DateTime.UtcNow:yyyyww}", cancellationToken);
        logger.LogInformation("Merchant {MerchantId} paid to {Destination}: {TransferId}", merchant.MerchantId, transfer.Destination, transfer.Id); // clean precision-names
        meter.CreateCounter<long>("marketplace.payouts").Add(1, new KeyValuePair<string, object?>("merchant", merchant.MerchantId)); // clean precision-names
    }
}

public sealed class MerchantInbox(ILogger<MerchantInbox> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Marketplace.Inbox");

    public void Deliver(BuyerMessage message)
    {
        using var activity = Source.StartActivity("marketplace.inbox.deliver");
        activity?.SetTag("inbox.conversation.id", message.ConversationId); // clean precision-about
        activity?.SetTag("inbox.merchant.id", message.MerchantId); // clean precision-names
        activity?.SetTag("inbox.buyer", pseudonymizer.ComputeMarketPartyId(message.BuyerCustomerNumber.ToString())); // clean precision-pseudonym
        activity?.SetTag("inbox.buyer.name", message.BuyerDisplayName); // leak TC1001 direct
        activity?.SetTag("inbox.text.length", message.Text.Length); // clean precision-about

        var preview = message.Text.Length > 60 ? message.Text[..60] + "…" : message.Text;
        logger.LogInformation("Message on {ConversationId}: {Preview}", message.ConversationId, preview); // leak TC1001 strings
        logger.LogInformation("Message to merchant {MerchantId} on order {OrderId}", message.MerchantId, message.OrderId); // clean precision-names
        var customerBucket = HashCode.Combine(message.BuyerCustomerNumber) & 7;
        activity?.SetTag("inbox.buyer.cohort", customerBucket); // leak TC1002 hashes
    }
}

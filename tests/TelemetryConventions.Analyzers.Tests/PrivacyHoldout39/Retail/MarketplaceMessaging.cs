using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Retail;

// Buyer-to-seller messages on the marketplace. Sellers are registered companies. Messages that share a
// phone number or an email address are blocked (to keep trades on the platform), and a buyer can block
// a seller; a seller who keeps breaking the rules is suspended.

public sealed record MarketplaceMessage(Guid MessageId, string OrderId, string BuyerCustomerId, string SellerId, string Body);

public sealed record SellerSuspension(string SellerId, string ReasonCode, TimeSpan Duration, string ModeratorEmail, string InternalNote);

public interface IBlockList
{
    Task<bool> IsBlockedAsync(string buyerCustomerId, string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> BlockedBySellerAsync(string sellerId, CancellationToken cancellationToken);
}

public sealed class MarketplaceMessageService(IBlockList blocks, Meter meter, ILogger<MarketplaceMessageService> logger)
{
    private static readonly ActivitySource Source = new("Marketplace.Messaging");
    private readonly Counter<long> _blocked = meter.CreateCounter<long>("marketplace.messages.blocked");
    private string? _lastOffender;

    private static readonly Regex ContactPattern = new(@"(\+?\d[\d\s-]{8,}\d)|([\w.+-]+@[\w-]+\.[\w.]+)", RegexOptions.Compiled);

    public async Task<bool> SendAsync(MarketplaceMessage message, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("marketplace.message.send");
        activity?.SetTag("marketplace.order.id", message.OrderId); // clean precision-about
        activity?.SetTag("marketplace.seller.id", message.SellerId); // clean precision-names

        if (await blocks.IsBlockedAsync(message.BuyerCustomerId, message.SellerId, cancellationToken))
        {
            _blocked.Add(1, new KeyValuePair<string, object?>("reason", "blocked-by-buyer")); // clean precision-about
            return false;
        }

        var contact = ContactPattern.Match(message.Body);
        if (contact.Success)
        {
            _lastOffender = message.BuyerCustomerId;
            _blocked.Add(1, new KeyValuePair<string, object?>("reason", "contact-details")); // clean precision-about
            activity?.SetTag("marketplace.message.shared_contact", contact.Value); // leak TC1001 direct
            logger.LogWarning("Contact details in message {MessageId} ({Length} chars)", message.MessageId, message.Body.Length); // clean precision-about
            return false;
        }

        return true;
    }

    public void ReportRepeatOffender()
    {
        if (_lastOffender is not null)
        {
            logger.LogWarning("Repeat contact-sharing by buyer {Buyer}", _lastOffender); // leak TC1001 cross-member
        }
    }

    public async Task LogBlocksAsync(string sellerId, CancellationToken cancellationToken)
    {
        var blockedBuyers = await blocks.BlockedBySellerAsync(sellerId, cancellationToken);
        logger.LogInformation("Seller {SellerId} is blocked by {Count} buyers", sellerId, blockedBuyers.Count); // clean precision-about
        logger.LogDebug("Buyers blocking {SellerId}: {Buyers}", sellerId, blockedBuyers); // leak TC1001 logging-objects
    }
}

public sealed class SellerSuspensionService(ILogger<SellerSuspensionService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Marketplace.TrustAndSafety");

    public void Suspend(SellerSuspension suspension)
    {
        using var review = Source.StartModerationReview("sellers");
        review.SetModerationVerdict("suspended"); // clean precision-about
        review.AddModerationActionTakenEvent("suspend", moderationNote: suspension.InternalNote); // leak TC1001 generated-api
        logger.LogModerationActionTakenEvent("suspend", moderationNote: $"{suspension.ReasonCode} for {suspension.Duration.TotalDays} days"); // clean strings
        Activity.Current?.SetTag("suspension.moderator", suspension.ModeratorEmail); // leak TC1001 direct
        meter.CreateModerationDecisionsCounter().Add(1, "sellers", moderationOutcome: suspension.ReasonCode); // clean precision-about
    }
}

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

// The shop's pre-loved resale section: private individuals sell second-hand items to other customers;
// the shop holds the payment until the buyer confirms receipt and arbitrates "item not as described"
// claims.

public sealed record ResaleListing(string ListingId, long SellerCustomerNumber, string SellerUsername, string Title, string Condition, decimal Price);

public sealed record ResaleOrder(string OrderId, string ListingId, long BuyerCustomerNumber, string BuyerEmail, string DeliveryPostcode, string TrackingNumber);

public sealed record NotAsDescribedClaim(string ClaimId, string OrderId, string BuyerAccount, string Description, IReadOnlyList<string> PhotoFileNames, decimal RequestedRefund);

public sealed record ClaimOutcome(string ClaimId, string Decision, decimal Refunded, long SellerCustomerNumber);

public sealed class SellerBlockedException(long sellerCustomerNumber)
    : Exception($"Seller {sellerCustomerNumber} is blocked from receiving payouts");

public static class ResaleActivityExtensions
{
    public static Activity? TagSeller(this Activity? activity, string sellerUsername) =>
        activity?.SetTag("resale.seller.username", sellerUsername); // leak TC1001 direct

    public static Activity? TagListing(this Activity? activity, ResaleListing listing) =>
        activity?.SetTag("resale.listing.id", listing.ListingId).SetTag("resale.listing.condition", listing.Condition); // clean precision-about
}

public sealed class ResaleClaimHandler(IConnectPayments payments, ILogger<ResaleClaimHandler> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.Resale.Claims");

    public async Task<ClaimOutcome> HandleAsync(ResaleListing listing, ResaleOrder order, NotAsDescribedClaim claim, string paymentIntentId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("resale.claim.handle");
        activity.TagListing(listing); // clean precision-about
        activity.TagSeller(listing.SellerUsername); // leak TC1001 cross-member
        activity?.SetTag("resale.claim.id", claim.ClaimId); // clean precision-about
        activity?.SetTag("resale.claim.photos", claim.PhotoFileNames.Count); // clean precision-about
        activity?.SetTag("resale.claim.photo_names", string.Join(";", claim.PhotoFileNames)); // leak TC1001 strings
        activity?.SetTag("resale.claim.description", claim.Description); // leak TC1001 strings
        activity?.SetTag("resale.order.tracking", order.TrackingNumber); // clean precision-about
        activity?.SetTag("resale.buyer.postcode", order.DeliveryPostcode); // leak TC1001 cross-member
        activity?.SetBaggage("resale.buyer", order.BuyerCustomerNumber.ToString()); // leak TC1001 direct

        var refundable = Math.Min(claim.RequestedRefund, listing.Price);
        var refund = await payments.CreateRefundAsync(paymentIntentId, (long)(refundable * 100), "item_not_as_described", cancellationToken);
        var outcome = new ClaimOutcome(claim.ClaimId, refund.Status == "succeeded" ? "refunded" : "pending", refundable, listing.SellerCustomerNumber);

        logger.LogInformation("Claim settled {@Outcome}", outcome); // leak TC1001 logging-objects
        logger.LogInformation("Claim {ClaimId} settled: {Decision}, refunded {Refunded}", outcome.ClaimId, outcome.Decision, outcome.Refunded); // clean precision-about
        meter.CreateMarketBookingsCounter().Add(1, marketVertical: "resale", marketOutcome: outcome.Decision); // clean precision-about
        meter.CreateHistogram<double>("resale.refund.amount").Record((double)refundable, new KeyValuePair<string, object?>("seller", pseudonymizer.ComputeMarketPartyId(listing.SellerCustomerNumber.ToString()))); // leak TC1003 precision-pseudonym
        return outcome;
    }

    public void ReleasePayment(ResaleListing listing)
    {
        try
        {
            if (listing.Price <= 0)
            {
                throw new SellerBlockedException(listing.SellerCustomerNumber);
            }
        }
        catch (SellerBlockedException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Payment held for listing {ListingId}: {ExceptionType}", listing.ListingId, nameof(SellerBlockedException)); // clean exceptions
        }
    }

    public void LogBuyerContact(ResaleOrder order)
    {
        var domain = order.BuyerEmail.Split('@')[1];
        logger.LogDebug("Buyer mail domain {Domain}", domain); // clean precision-about
        logger.LogDebug("Buyer {Email} opened a claim", order.BuyerEmail); // leak TC1001 direct
    }
}

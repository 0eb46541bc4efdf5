using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Retail;

public interface IPaymentGateway
{
    /// <summary>Null when authorised, else the acquirer's decline code.</summary>
    Task<string?> AuthoriseAsync(Guid basketId, decimal amount, CancellationToken cancellationToken);
}

public interface ILoyaltyLedger
{
    Task RedeemAsync(string loyaltyNumber, int points, CancellationToken cancellationToken);
}

public interface IOrderBook
{
    Task<PlacedOrder> PlaceAsync(string retailerId, Basket basket, CancellationToken cancellationToken);
}

/// <summary>
/// Places an order. The checkout publishes to the "Commerce.Checkout" diagnostic source; the
/// platform's span observer and the retailers' APM agents subscribe to it.
/// </summary>
public sealed class CheckoutService(ShopperContext shopper, IPaymentGateway payments, ILoyaltyLedger loyalty, IOrderBook orders, PricingEngine pricing)
{
    private static readonly DiagnosticSource Diagnostics = new DiagnosticListener("Commerce.Checkout");

    public async Task<PlacedOrder?> PlaceAsync(Basket basket, int pointsToRedeem, CancellationToken cancellationToken)
    {
        var activity = new Activity("Commerce.Checkout.Place");
        if (Diagnostics.IsEnabled(activity.OperationName, basket))
        {
            Diagnostics.StartActivity(activity, new { shopper.RetailerId, basket.BasketId, shopper.Email, LineCount = basket.Lines.Count }); // leak TC1001 logging-objects
        }

        try
        {
            var total = pricing.Price(basket);
            if (pointsToRedeem > 0)
            {
                await loyalty.RedeemAsync(shopper.LoyaltyNumber, pointsToRedeem, cancellationToken);
            }

            var decline = await payments.AuthoriseAsync(basket.BasketId, total, cancellationToken);
            if (decline is not null)
            {
                Diagnostics.Write("Commerce.Checkout.PaymentDeclined", new PaymentDeclined(basket.BasketId, decline, shopper.CustomerRef)); // clean precision-pseudonym
                return null;
            }

            var order = await orders.PlaceAsync(shopper.RetailerId, basket, cancellationToken);
            if (activity.Id is not null)
            {
                Diagnostics.StopActivity(activity, new { shopper.RetailerId, basket.BasketId, order.OrderNumber, order.Total, shopper.CustomerTier }); // clean logging-objects
            }

            return order;
        }
        catch (LoyaltyRedemptionException ex)
        {
            Diagnostics.Write("Commerce.Checkout.Exception", new { Exception = ex, shopper.RetailerId }); // leak TC1001 exceptions
            return null;
        }
    }
}

/// <summary>
/// Prices a basket. A library of the platform: it gets the shopper from the container rather than
/// from its callers.
/// </summary>
public sealed class PricingEngine(ShopperContext shopper, ILogger<PricingEngine> logger)
{
    public decimal Price(Basket basket)
    {
        var total = basket.Lines.Sum(l => l.Quantity * l.UnitPrice);
        var activity = Activity.Current;

        logger.LogDebug("Pricing basket {BasketId} at tier {CustomerTier}", basket.BasketId, shopper.CustomerTier); // clean precision-names
        if (shopper.LoyaltyNumber.Length > 0)
        {
            logger.LogDebug("Pricing basket {BasketId} for loyalty member {LoyaltyNumber}", basket.BasketId, shopper.LoyaltyNumber); // leak TC1001 cross-member
            activity?.SetTag("loyalty.card.last4", shopper.LoyaltyNumber[^4..]); // clean precision-about
        }

        activity?.AddBaggage("commerce.retailer", shopper.RetailerId); // clean direct
        activity?.AddBaggage("commerce.customer.email", shopper.Email); // leak TC1001 cross-member
        activity?.SetTag("commerce.customer.email_domain", shopper.Email[(shopper.Email.IndexOf('@') + 1)..]); // clean precision-about
        return total;
    }
}

using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout38.Retail;

public interface IPaymentGateway
{
    Task<string> AuthoriseAsync(string basketId, decimal amount, CancellationToken cancellationToken);
}

public interface ILoyaltyLedger
{
    Task<int> RedeemAsync(string loyaltyCard, int points, CancellationToken cancellationToken);
}

public sealed class CheckoutService(
    ActivitySource source,
    ILogger<CheckoutService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IPaymentGateway payments,
    ILoyaltyLedger loyalty)
{
    private static readonly byte[] CohortKey = "cart-cohorts-2021"u8.ToArray();

    public async Task<Order?> CheckoutAsync(Customer customer, Basket basket, int pointsToRedeem, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("shop.checkout");

        switch (basket.Lines)
        {
            case []:
                logger.LogInformation("Empty basket {BasketId}", basket.BasketId); // clean direct
                return null;
            case [{ Sku: var onlySku, Quantity: 1 }]:
                activity?.SetTag("shop.single_sku", onlySku); // clean direct
                break;
        }

        new CheckoutTags().Store(basket.StoreId).Basket(basket).ApplyTo(activity); // clean direct
        new CheckoutTags().Store(basket.StoreId).Customer(customer).ApplyTo(activity); // leak TC1001 cross-member

        if (customer is { LoyaltyCard: { } card } && pointsToRedeem > 0)
        {
            activity?.SetTag("loyalty.card_last4", customer.LoyaltyLast4); // clean precision-about
            try
            {
                await loyalty.RedeemAsync(card, pointsToRedeem, cancellationToken);
            }
            catch (LoyaltyCardBlockedException ex)
            {
                logger.LogWarning(ex, "Redemption refused"); // leak TC1001 exceptions
                activity?.SetTag("loyalty.card", card); // leak TC1001 direct
            }
        }

        var cohort = HMACSHA256.HashData(CohortKey, Encoding.UTF8.GetBytes(customer.CustomerNumber))[0] & 3;
        activity?.SetTag("shop.cart_cohort", cohort); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customer.CustomerNumber))[0] & 3;
        activity?.SetTag("shop.shard", shard); // clean hashes

        try
        {
            var authorisation = await payments.AuthoriseAsync(basket.BasketId, basket.Total, cancellationToken);
            activity?.SetTag("payment.authorisation", authorisation); // clean direct
        }
        catch (PaymentDeclinedException ex)
        {
            activity?.AddException(ex); // clean exceptions
            meter.CreateOperationCompletedCounter().Add(1, "checkout", operationOutcome: "declined", partyRole: customer.Tier); // clean generated-api
            return null;
        }

        var order = new Order($"ORD-{Guid.NewGuid():N}"[..12], customer.CustomerNumber, customer.Email, basket.Total, basket.StoreId);
        logger.LogInformation("Placed {Order}", order with { CustomerEmail = customer.EmailDomain }); // leak TC1001 logging-objects
        logger.LogInformation("Placed {Order}", order with { CustomerNumber = pseudonymizer.ComputePartyRef(customer.CustomerNumber), CustomerEmail = customer.EmailDomain }); // clean precision-pseudonym
        meter.CreateOperationCompletedCounter().Add(1, "checkout", operationOutcome: pseudonymizer.ComputePartyRef(customer.CustomerNumber)); // leak TC1003 precision-pseudonym
        meter.CreateOperationCompletedCounter().Add(1, "checkout", operationOutcome: customer.IsMember ? "member" : "guest", partyRole: "customer"); // clean precision-about
        return order;
    }
}

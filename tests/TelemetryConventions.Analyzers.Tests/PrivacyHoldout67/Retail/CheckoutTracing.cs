namespace PrivacyHoldout67.Retail;

/// <summary>What the checkout middleware knows about the signed-in customer.</summary>
public sealed record CustomerContext
{
    public required string CustomerNumber { get; init; }

    public required string Tier { get; init; }

    public string? LoyaltyCard { get; init; }

    /// <summary>The customer's pseudonym, made by the middleware with <c>ComputeFulfilCustomerId</c>.</summary>
    public required string Reference { get; init; }

    public bool MarketingConsent { get; init; }
}

/// <summary>A basket at checkout; <c>VoucherCode</c> is a campaign's code, printed in the newsletter.</summary>
public sealed record Basket(string BasketId, int Items, decimal Total, string? VoucherCode);

/// <summary>The loyalty ledger refused the card; its message quotes the card number.</summary>
public sealed class LoyaltyCardBlockedException(string card) : Exception($"Loyalty card {card} is blocked");

/// <summary>
/// Puts the customer on the request's activity as a custom property (not exported), for the
/// processor and the deep checkout code to read.
/// </summary>
public static class CustomerContextMiddleware
{
    public static CustomerContext For(string customerNumber, string tier, string? loyaltyCard, bool consent, Pseudonymizer pseudonymizer) => new()
    {
        CustomerNumber = customerNumber,
        Tier = tier,
        LoyaltyCard = loyaltyCard,
        Reference = pseudonymizer.ComputeFulfilCustomerId(customerNumber),
        MarketingConsent = consent,
    };

    public static void Attach(HttpContextInfo http, CustomerContext customer)
    {
        var activity = Activity.Current;
        activity?.SetCustomProperty("shop.customer", customer); // clean direct
        activity?.SetCustomProperty("shop.customer.number", customer.CustomerNumber); // clean direct
        activity?.SetTag("http.request.id", http.TraceIdentifier);
    }

    public static CustomerContext? CustomerOf(Activity? activity)
    {
        for (var current = activity; current is not null; current = current.Parent)
        {
            if (current.GetCustomProperty("shop.customer") is CustomerContext customer)
            {
                return customer;
            }
        }
        return null;
    }
}

/// <summary>Tags every checkout span with the customer's tier when it ends.</summary>
public sealed class CheckoutEnricher : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (CustomerContextMiddleware.CustomerOf(data) is not { } customer)
        {
            return;
        }
        data.SetTag("customer.tier", customer.Tier); // clean precision-names
        data.SetTag("customer.ref", customer.Reference); // clean precision-pseudonym
        data.SetTag("customer.has_loyalty", customer.LoyaltyCard is not null); // clean precision-about
        data.SetTag("customer.loyalty_card", customer.LoyaltyCard); // leak TC1001 cross-member
    }
}

/// <summary>Checkout steps, several calls deep under the request span.</summary>
public sealed class CheckoutService(ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, ILogger<CheckoutService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Checkout");
    private static readonly Counter<long> Redemptions = new Meter("Shop.Checkout").CreateCounter<long>("shop.loyalty.redemptions");

    public async Task CheckoutAsync(Basket basket, CancellationToken ct)
    {
        using var activity = Source.StartActivity("checkout.place");
        activity?.SetTag("basket.id", basket.BasketId);
        activity?.SetTag("basket.items", basket.Items);
        await ApplyLoyaltyAsync(basket, ct);
        ApplyVoucher(basket);
    }

    private async Task ApplyLoyaltyAsync(Basket basket, CancellationToken ct)
    {
        var customer = CustomerContextMiddleware.CustomerOf(Activity.Current);
        if (customer?.LoyaltyCard is not { } card)
        {
            return;
        }
        var current = Activity.Current;
        current?.SetTag("loyalty.card.last4", card[^4..]); // clean precision-about
        current?.SetTag("loyalty.card.encoded", Convert.ToBase64String(Encoding.UTF8.GetBytes(card))); // leak TC1001 hashes
        try
        {
            var points = await ledger.RedeemAsync(card, basket.Total, ct);
            current?.AddEvent(new ActivityEvent("loyalty.redeemed", tags: new ActivityTagsCollection { ["points"] = points, ["customer.ref"] = pseudonymizer.ComputeFulfilCustomerId(customer.CustomerNumber) })); // clean precision-pseudonym
            Redemptions.Add(1, new KeyValuePair<string, object?>("tier", customer.Tier)); // clean precision-names
            Redemptions.Add(1, new KeyValuePair<string, object?>("customer", customer.Reference)); // leak TC1003 precision-pseudonym
        }
        catch (LoyaltyCardBlockedException ex)
        {
            current?.SetStatus(ActivityStatusCode.Error, "loyalty card blocked"); // clean exceptions
            current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Blocked card presented by {Customer}", current?.GetCustomProperty("shop.customer.number")); // leak TC1001 cross-member
        }
    }

    private void ApplyVoucher(Basket basket)
    {
        if (basket.VoucherCode is null)
        {
            return;
        }
        var customer = CustomerContextMiddleware.CustomerOf(Activity.Current);
        Activity.Current?.SetTag("voucher.code", basket.VoucherCode); // clean direct
        Activity.Current?.AddEvent(new ActivityEvent($"voucher applied for {customer?.CustomerNumber}")); // leak TC1001 strings
        logger.LogInformation("Voucher {Voucher} applied for {@Customer}", basket.VoucherCode, customer); // leak TC1001 logging-objects
        logger.LogInformation("Voucher {Voucher} applied for tier {Tier}, consent {Consent}", basket.VoucherCode, customer?.Tier, customer?.MarketingConsent); // clean precision-about
    }
}

public interface ILoyaltyLedger
{
    Task<int> RedeemAsync(string card, decimal total, CancellationToken cancellationToken);
}

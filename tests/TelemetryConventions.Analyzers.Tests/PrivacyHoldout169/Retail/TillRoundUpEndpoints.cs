namespace PrivacyHoldout169.Retail;

/// <summary>The tills' "round up for charity" call, made when a shopper taps yes on the card reader.</summary>
public static class TillRoundUpEndpoints
{
    private static readonly ActivitySource Source = new("ShopGiving.RoundUp");
    private static readonly Meter Meter = new("ShopGiving.RoundUp");
    private static readonly Counter<double> RoundedUp = Meter.CreateCounter<double>("shopgiving.roundup.amount", "GBP");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/tills/{till}/round-up", RoundUp);

    internal static ActionResult RoundUp(string till, TillRoundUp roundUp, Pseudonymizer pseudonymizer, ILogger<TillRoundUp> logger)
    {
        using var activity = Source.StartActivity("till.roundup");
        activity?.SetTag("till.id", till); // clean direct
        activity?.SetTag("till.store", roundUp.Store); // clean direct
        activity?.SetTag("till.basket", roundUp.BasketId); // clean precision-names
        activity?.SetTag("till.loyalty_card", roundUp.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("till.loyalty_card_last4", roundUp.LoyaltyCardNumber[^4..]); // clean precision-about
        RoundedUp.Add((double)roundUp.Amount, new KeyValuePair<string, object?>("store", roundUp.Store)); // clean direct
        logger.LogInformation("Round-up {RoundUp}", roundUp); // leak TC1001 logging-objects
        logger.LogInformation("Round-up of {Amount} on basket {BasketId}", roundUp.Amount, roundUp.BasketId); // clean logging-objects
        var customer = pseudonymizer.PseudonymizeShopgivingCustomerId(roundUp.LoyaltyCardNumber);
        activity?.SetTag("till.customer", customer.Value); // clean precision-pseudonym
        RoundedUp.Add((double)roundUp.Amount, new KeyValuePair<string, object?>("customer", customer.Value)); // leak TC1003 precision-pseudonym
        var text = new StringBuilder();
        text.AppendFormat(CultureInfo.InvariantCulture, "card {0} rounded {1:0.00}", roundUp.LoyaltyCardNumber, roundUp.Amount);
        logger.LogDebug(text.ToString()); // leak TC1001 strings
        var loyaltyCardCount = roundUp.LoyaltyCardNumber.Length > 0 ? 1 : 0;
        activity?.SetTag("till.loyalty_card_count", loyaltyCardCount); // clean precision-names
        using var operation = Source.StartShopgivingOperation(roundUp.Store).SetShopgivingCustomerId(customer); // clean generated-api
        Meter.CreateShopgivingItemsCounter().Add(1, roundUp.Store, $"card {roundUp.LoyaltyCardNumber}"); // leak TC1003 generated-api
        return new OkResult(null);
    }
}

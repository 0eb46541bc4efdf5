namespace PrivacyHoldout120.Retail;

public sealed record TillBasketItem(string Sku, string Category, decimal Price);

public sealed record PlanSale(string TransactionId, string StoreId, string ColleagueNumber, string CustomerNumber, string CustomerEmail, string LoyaltyCard, TillBasketItem Item);

/// <summary>Extended warranty offered at the till for TVs and laptops: the quote on the till and the plan's registration.</summary>
public sealed class ProtectionPlanTill(IRatingEngine engine, Pseudonymizer pseudonymizer, ILogger<ProtectionPlanTill> logger)
{
    private static readonly ActivitySource Source = new("Retail.ProtectionPlans");
    private static readonly Meter Meter = new("Retail.ProtectionPlans");
    private static readonly ProtectplanQuotesCounter Quotes = Meter.CreateProtectplanQuotesCounter();
    private static readonly Counter<long> Attach = Meter.CreateCounter<long>("protectplan.attach");

    public async Task<RatingResponse> QuoteAsync(PlanSale sale, CancellationToken ct)
    {
        var product = sale.Item.Category == "tv" ? "tv-3y" : "laptop-accidental";
        using var span = Source.StartProtectplanQuote(product);
        span.SetProtectplanCustomerId(pseudonymizer.PseudonymizeProtectplanCustomerId(sale.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(ProtectplanAttributes.ColleagueId, pseudonymizer.ComputeProtectplanColleagueId(sale.ColleagueNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("till.store", sale.StoreId); // clean precision-names
        span.Activity?.SetTag("till.colleague", sale.ColleagueNumber); // leak TC1001 direct
        span.Activity?.SetTag("loyalty.card.last4", sale.LoyaltyCard[^4..]); // clean precision-about
        span.Activity?.SetTag("loyalty.card", sale.LoyaltyCard); // leak TC1001 direct

        var rating = new RatingRequest { Product = product, Channel = "till" };
        rating.Factors["price"] = sale.Item.Price.ToString(CultureInfo.InvariantCulture);
        var response = await engine.RateAsync(rating, ct);
        span.SetProtectplanQuoteRef(response.QuoteReference).SetProtectplanPremium((double)response.Premium); // clean generated-api
        logger.LogInformation("Plan quoted at till: {Sale}", sale); // leak TC1001 logging-objects
        logger.LogInformation("Plan {QuoteRef} quoted for customer {Email}", response.QuoteReference, sale.CustomerEmail); // leak TC1001 direct
        Attach.Add(1, new KeyValuePair<string, object?>("store", sale.StoreId), new KeyValuePair<string, object?>("category", sale.Item.Category)); // clean precision-names
        Attach.Add(1, new KeyValuePair<string, object?>("store", sale.StoreId), new KeyValuePair<string, object?>("colleague", sale.ColleagueNumber)); // leak TC1003 direct
        Quotes.Add(1, product, ProtectplanDecision.Accept, "quoted"); // clean generated-api

        var receiptKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(sale.CustomerEmail.Trim().ToLowerInvariant())));
        span.Activity?.SetTag("customer.email.key", receiptKey); // leak TC1002 hashes
        span.Activity?.SetTag(ProtectplanAttributes.CustomerContact, pseudonymizer.PseudonymizeProtectplanCustomerId(sale.CustomerEmail).Value); // leak TC1001 precision-pseudonym
        return response;
    }
}

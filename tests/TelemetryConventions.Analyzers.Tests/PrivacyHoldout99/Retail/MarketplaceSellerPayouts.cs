namespace PrivacyHoldout99.Retail;

public sealed record SellerBalance(string SellerId, string ConnectedAccountId, string BusinessType, string DisplayName, string? CompanyName, string ContactEmail, long AvailablePence, int OrdersSettled);

/// <summary>Pays marketplace sellers (companies and individual sellers alike) their settled balance, weekly.</summary>
public sealed class MarketplaceSellerPayouts(
    IConnectClient connect,
    Pseudonymizer pseudonymizer,
    ILogger<MarketplaceSellerPayouts> logger)
{
    private static readonly ActivitySource Source = new("Shop.Marketplace.Payouts");
    private static readonly Meter Meter = new("Shop.Marketplace.Payouts");
    private static readonly Counter<long> Payouts = Meter.CreateCounter<long>("marketplace.payouts");

    public async Task PayWeekAsync(IReadOnlyList<SellerBalance> balances, string week, CancellationToken ct)
    {
        logger.LogInformation("Paying {Count} sellers for {Week}: {Companies} companies, {Individuals} individuals", balances.Count, week, balances.Count(b => b.BusinessType == "company"), balances.Count(b => b.BusinessType == "individual")); // clean precision-about
        var contactBySeller = balances.ToDictionary(b => b.SellerId, b => b.ContactEmail);
        logger.LogInformation("Week totals {@Totals}", new { Week = week, Sellers = balances.Count, Pence = balances.Sum(b => b.AvailablePence) }); // clean logging-objects

        foreach (var balance in balances.Where(b => b.AvailablePence > 0))
        {
            using var span = Source.StartShoppayPayout($"sellers-{week}").SetShoppayAmount(balance.AvailablePence);
            span.SetShoppayPayeeId(pseudonymizer.PseudonymizeShoppayPayeeId(balance.SellerId)); // clean precision-pseudonym
            span.Activity?.SetTag("seller.business_type", balance.BusinessType); // clean precision-about
            span.Activity?.SetTag("seller.orders", balance.OrdersSettled);
            span.Activity?.SetTag("seller.display_name", balance.DisplayName); // leak TC1001 direct
            span.Activity?.SetTag("seller.contact_domain", balance.ContactEmail[(balance.ContactEmail.IndexOf('@') + 1)..]); // clean precision-about
            if (balance.CompanyName is { } company)
            {
                span.Activity?.SetTag("seller.company", company); // clean precision-names
            }

            try
            {
                var payout = await connect.PayoutAsync(balance.AvailablePence, "gbp", new RequestOptions { StripeAccount = balance.ConnectedAccountId, IdempotencyKey = $"payout:{week}:{Guid.NewGuid():N}" }, ct);
                span.SetShoppayPaymentId(payout.Id).SetShoppayOutcome(payout.Status);
                logger.LogInformation("Payout {@Payout}", payout); // clean logging-objects
                Payouts.Add(1, new KeyValuePair<string, object?>("status", payout.Status), new KeyValuePair<string, object?>("method", payout.Method)); // clean precision-names
                Payouts.Add(1, new KeyValuePair<string, object?>("seller", pseudonymizer.ComputeShoppayPayeeId(balance.SellerId))); // leak TC1003 precision-pseudonym
            }
            catch (AccountRestrictedException ex)
            {
                span.SetShoppayOutcome("restricted").SetShoppayNote($"requirements: {string.Join(",", ex.Requirements)}"); // clean exceptions
                logger.LogWarning("Seller {SellerId} restricted: {Requirements}", balance.SellerId, ex.Requirements); // leak TC1001 direct
                logger.LogWarning("Seller payout restricted, contact {Email}", balance.ContactEmail); // leak TC1001 direct
                logger.LogWarning("Seller restricted, escalating to {Contact}", contactBySeller[balance.SellerId]); // leak TC1001 cross-member
            }
        }
    }
}

namespace PrivacyHoldout138.Retail;

/// <summary>An influencer in the affiliate programme: id, handle, legal name, email and the discount code they share.</summary>
public sealed record Affiliate(string AffiliateId, string Handle, string LegalName, string Email, string DiscountCode, string Channel);

public sealed record AttributedOrder(string OrderNumber, string CustomerNumber, string DiscountCode, decimal Net, string Store);

public sealed class AffiliateCommissionService(
    IPayoutClient payouts,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AffiliateCommissionService> logger)
{
    private readonly Counter<long> _orders = meter.CreateCounter<long>("affiliate.orders", "{order}");

    public async Task SettleAsync(string period, IReadOnlyList<Affiliate> affiliates, IReadOnlyList<AttributedOrder> orders, CancellationToken cancellationToken)
    {
        using var span = source.StartShopcreatorCommission($"commission-{period}").SetShopcreatorChannel("instagram"); // clean precision-names
        span.SetShopcreatorItemCount(orders.Count); // clean precision-about
        var lines = new List<PayoutLine>();

        foreach (var affiliate in affiliates)
        {
            var theirs = orders.Where(o => o.DiscountCode == affiliate.DiscountCode).ToList();
            _orders.Add(theirs.Count, new KeyValuePair<string, object?>("channel", affiliate.Channel)); // clean precision-names
            _orders.Add(theirs.Count, new KeyValuePair<string, object?>("discount_code", affiliate.DiscountCode)); // leak TC1003 direct
            logger.LogInformation("{Handle}: {Orders} orders, {Net} net", affiliate.Handle, theirs.Count, theirs.Sum(o => o.Net)); // leak TC1001 direct
            logger.LogDebug("Buyers {Customers}", theirs.Select(o => o.CustomerNumber).ToArray()); // leak TC1001 logging-objects
            logger.LogDebug("Stores {Stores}", theirs.Select(o => o.Store).Distinct().ToArray()); // clean logging-objects
            span.SetShopcreatorAffiliateId(pseudonymizer.PseudonymizeShopcreatorAffiliateId(affiliate.AffiliateId)); // clean precision-pseudonym
            lines.Add(new PayoutLine(affiliate.AffiliateId, theirs.Sum(o => o.Net) * 0.08m, "GBP", period));
        }

        logger.LogInformation("Commission lines {@Lines}", lines); // leak TC1001 logging-objects
        logger.LogInformation("Commission total {Total} across {Count} affiliates", lines.Sum(l => l.Amount), lines.Count); // clean precision-about

        try
        {
            var result = await payouts.SubmitAsync(new PayoutBatch($"commission-{period}", period, lines, lines.Sum(l => l.Amount)), cancellationToken);
            span.SetShopcreatorOutcome("submitted").SetShopcreatorNote($"batch {result.BatchId} ref {result.ProviderRef}"); // clean generated-api
        }
        catch (PayoutRejectedException ex)
        {
            var affiliate = affiliates.First(a => a.AffiliateId == ex.PayeeId);
            span.SetShopcreatorOutcome("rejected").SetShopcreatorNote($"{affiliate.LegalName}: {ex.Reason}"); // leak TC1001 generated-api
            span.Activity?.SetTag(ShopcreatorAttributes.Contact, affiliate.Email); // leak TC1001 generated-api
            span.Activity?.AddShopcreatorCommissionFailedEvent($"commission-{period}", ex.Reason); // clean exceptions
            span.Activity?.SetTag("shopcreator.affiliate.ref", Pseudonym.FromComputed(affiliate.AffiliateId).Value); // leak TC1001 precision-pseudonym
        }
    }
}

namespace PrivacyHoldout84.Retail;

public sealed record PlusMember(string CustomerId, string LoyaltyCardNumber, string Email, string FullName, Address BillingAddress, string StoreId, DateOnly RenewsOn);

public interface IInvoiceNumberSequence
{
    /// <summary>The next number of the retailer's gapless invoice sequence, e.g. PLUS-2024-0048213.</summary>
    Task<string> NextAsync(string series, CancellationToken ct);
}

/// <summary>Renews annual Plus memberships: numbers the invoice, calculates tax on the billing address, charges the card.</summary>
public sealed partial class MembershipRenewalJob(
    ILogger<MembershipRenewalJob> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TaxClient tax,
    IInvoiceNumberSequence numbers,
    TelemetrySecrets secrets)
{
    private const string PlusPrice = "price_plus_annual";

    private readonly Histogram<double> _taxRate = meter.CreateHistogram<double>("plus.renewal.tax_rate", "%");
    private readonly Counter<long> _renewals = meter.CreateCounter<long>("plus.renewals.by_store");

    public async Task RenewAsync(PlusMember member, CancellationToken ct)
    {
        var invoiceNumber = await numbers.NextAsync("PLUS", ct);
        using var span = source.StartMembersubRenewal(PlusPrice)
            .SetMembersubInvoiceNumber(invoiceNumber) // clean generated-api
            .SetMembersubCustomerId(pseudonymizer.PseudonymizeMembersubCustomerId(member.CustomerId)) // clean precision-pseudonym
            .SetMembersubAmount(4_900)
            .SetMembersubCurrency("gbp");
        using var scope = logger.BeginScope("Renewal {InvoiceNumber} for store {StoreId}", invoiceNumber, member.StoreId); // clean precision-about
        using var memberScope = logger.BeginScope(new Dictionary<string, object> { ["LoyaltyCard"] = member.LoyaltyCardNumber }); // leak TC1001 direct

        try
        {
            var result = await tax.CalculateAsync(new TaxRequest("gbp", 4_900, "txcd_membership", member.BillingAddress, null, "billing_address"), ct);
            foreach (var line in result.Breakdown)
            {
                _taxRate.Record((double)line.Rate, new KeyValuePair<string, object?>("jurisdiction", line.Jurisdiction), new KeyValuePair<string, object?>("type", line.TaxType)); // clean precision-about
            }
            LogTax(logger, invoiceNumber, result.TaxAmountExclusive, result.Breakdown.Count); // clean precision-about
        }
        catch (TaxLocationException ex)
        {
            span.SetMembersubOutcome("tax_failed");
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("tax.failure.country", ex.Country); // clean precision-about
            return;
        }

        _renewals.Add(1, new KeyValuePair<string, object?>("store", member.StoreId), new KeyValuePair<string, object?>("renews_month", member.RenewsOn.Month)); // clean precision-about
        _renewals.Add(1, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeMembersubCustomerId(member.CustomerId))); // leak TC1003 precision-pseudonym
        var lane = KeyedShard.Of(secrets.ShardKey, member.LoyaltyCardNumber, 4);
        Activity.Current?.SetTag("plus.renewal.lane", lane); // clean hashes
        Activity.Current?.SetTag("plus.renewal.card_suffix", member.LoyaltyCardNumber[^4..]); // clean precision-about
        logger.LogInformation("Renewed Plus for {Member}", member.FullName); // leak TC1001 direct
        logger.LogInformation("Renewal invoice addressed to {Member}", member); // leak TC1001 logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("renewed", tags: new ActivityTagsCollection { ["billing.address"] = member.BillingAddress.ToString() })); // leak TC1001 strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceNumber}: tax {TaxAmount} across {Jurisdictions} jurisdictions")]
    private static partial void LogTax(ILogger logger, string invoiceNumber, long taxAmount, int jurisdictions);
}

namespace PrivacyHoldout84.Energy;

public sealed record SupplyAccount(string AccountNumber, string CustomerId, string MeterSerial, string Mpan, Address SupplyAddress, string HolderEmail, bool VulnerableCustomer);

public sealed record TariffSwitchRequest(string AccountNumber, string SubscriptionId, string FromPriceId, string ToPriceId, DateOnly EffectiveFrom);

/// <summary>Switches an energy account between tariff subscriptions and prices the first bill with the tax service.</summary>
public sealed class TariffSwitchService(
    ILogger<TariffSwitchService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BillboxClient billing,
    TaxClient tax)
{
    private readonly Counter<long> _taxCalls = meter.CreateCounter<long>("tariff.tax.calculations");

    public async Task SwitchAsync(TariffSwitchRequest request, SupplyAccount account, CancellationToken ct)
    {
        using var span = source.StartTariffsubRenewal(request.ToPriceId)
            .SetTariffsubCustomerId(pseudonymizer.PseudonymizeTariffsubCustomerId(account.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("tariff.from", request.FromPriceId); // clean precision-about
        Activity.Current?.SetTag("tariff.effective_from", request.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Activity.Current?.SetTag("tariff.meter.model", account.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("tariff.meter", account.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetBaggage("tariff.account", account.AccountNumber); // leak TC1001 direct

        Activity.Current?.SetTag("tariff.holder.email_domain", account.HolderEmail[(account.HolderEmail.IndexOf('@') + 1)..]); // clean precision-about

        var request2 = new TaxRequest("gbp", 120_000, "txcd_energy_domestic", account.SupplyAddress, null, "supply_address");
        try
        {
            var result = await tax.CalculateAsync(request2, ct);
            var vat = result.Breakdown.FirstOrDefault();
            Activity.Current?.SetTag("tax.jurisdiction", vat?.Jurisdiction); // clean precision-about
            Activity.Current?.SetTag("tax.rate", vat?.Rate); // clean precision-about
            logger.LogInformation("Tax calculation {Result}", result); // clean logging-objects
            _taxCalls.Add(1, new KeyValuePair<string, object?>("jurisdiction", vat?.Jurisdiction), new KeyValuePair<string, object?>("tax_type", vat?.TaxType)); // clean precision-about
        }
        catch (TaxLocationException ex)
        {
            logger.LogWarning(ex, "Tax location failed for {Country}", ex.Country); // leak TC1001 exceptions
            span.SetTariffsubNote(ex.Reason).SetTariffsubOutcome("tax_location_failed"); // clean exceptions
            logger.LogTariffsubPaymentFailedEvent("tax_location", 0, tariffsubNote: ex.Message); // leak TC1001 generated-api
        }
        catch (TaxServiceUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }

        logger.LogDebug("Tax request was {Request}", request2); // leak TC1001 logging-objects
        logger.LogInformation("Supply postcode district {District}", account.SupplyAddress.PostalCode.Split(' ')[0]); // clean precision-about
        logger.LogInformation("Priced switch for {Postcode}", account.SupplyAddress.PostalCode); // leak TC1001 direct

        await billing.UpdateSubscriptionAsync(request.SubscriptionId, new SubscriptionUpdate(request.ToPriceId, "none", null), ct);
        meter.CreateTariffsubRenewalsCounter().Add(1, request.ToPriceId, "switched", tariffsubCurrency: "gbp"); // clean generated-api
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout17.Retail;

public sealed record ShopTaxSettings(string MerchantVatNumber, string MerchantCountry);

/// <summary>The buyer's details from the "business purchase" section of the checkout; many buyers are sole traders.</summary>
public sealed record BuyerDetails(string VatNumber, string CompanyName, string ContactEmail, string Country, string Postcode);

public sealed record ViesResult(bool Valid, string? Name, string? Address, string RequestIdentifier);

public sealed record TaxInvoice(string Number, long NetMinor, long VatMinor, string Currency, bool ReverseCharge);

public interface IViesClient
{
    Task<ViesResult> CheckAsync(string countryCode, string vatNumber, CancellationToken cancellationToken);
}

public interface IInvoiceNumbers
{
    Task<string> NextAsync(string series, CancellationToken cancellationToken);
}

/// <summary>Issues VAT invoices for business purchases and applies the reverse charge to valid EU VAT numbers.</summary>
public sealed class VatInvoiceService(ShopTaxSettings settings, IViesClient vies, IInvoiceNumbers numbers, Meter meter, ILogger<VatInvoiceService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Invoicing.Vat");

    private readonly Counter<long> _vatCollected = meter.CreateCounter<long>("shop.vat.collected", "{minor_unit}");

    public async Task<TaxInvoice> IssueAsync(string orderNumber, long netMinor, string currency, BuyerDetails buyer, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("vat.invoice.issue");
        var invoiceNumber = await numbers.NextAsync("INV", cancellationToken);
        activity?.SetTag("invoice.number", invoiceNumber); // clean precision-names
        activity?.SetTag("invoice.seller_vat_number", settings.MerchantVatNumber); // clean precision-names
        activity?.SetTag("invoice.buyer_vat_number", buyer.VatNumber); // leak TC1001 direct
        activity?.SetTag("invoice.buyer_vat_country", buyer.VatNumber[..2]); // clean precision-about

        var check = await vies.CheckAsync(buyer.VatNumber[..2], buyer.VatNumber[2..], cancellationToken);
        if (!check.Valid)
        {
            logger.LogWarning("VIES rejected {VatNumber} for order {OrderNumber}", buyer.VatNumber, orderNumber); // leak TC1001 direct
        }
        else
        {
            logger.LogInformation("VIES confirmed the buyer as {TraderName}, {TraderAddress}", check.Name, check.Address); // leak TC1001 cross-member
        }

        var reverseCharge = check.Valid && buyer.Country != settings.MerchantCountry;
        var vat = reverseCharge ? 0 : netMinor * 20 / 100;
        var invoice = new TaxInvoice(invoiceNumber, netMinor, vat, currency, reverseCharge);

        logger.LogInformation("Issued {@Invoice}", invoice); // clean logging-objects
        logger.LogDebug("Invoice buyer {@Buyer}", buyer); // leak TC1001 logging-objects
        _vatCollected.Add(vat, new KeyValuePair<string, object?>("buyer.country", buyer.Country), new KeyValuePair<string, object?>("reverse_charge", reverseCharge)); // clean precision-about
        return invoice;
    }
}

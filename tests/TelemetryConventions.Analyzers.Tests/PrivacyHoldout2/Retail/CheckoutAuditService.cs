using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Retail;

public sealed record CheckoutCustomer(string CustomerId, string Email, string Phone, string? TaxId);

public sealed record Checkout(Guid OrderId, CheckoutCustomer Customer, decimal Total, string Currency, string PaymentMethod);

public sealed class CheckoutAuditService(ILogger<CheckoutAuditService> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private CheckoutCustomer? _lastCustomer;

    public void Audit(Checkout checkout)
    {
        _lastCustomer = checkout.Customer;
        var activity = Activity.Current;
        activity?.SetTag("retail.order.id", checkout.OrderId.ToString()); // clean precision-names
        activity?.SetTag("retail.order.total", (double)checkout.Total); // clean precision-names
        activity?.AddBaggage("retail.customer", checkout.Customer.CustomerId); // leak TC1001 direct
        activity?.SetTag("retail.customer.has_tax_id", checkout.Customer.TaxId is not null); // clean precision-about

        var (id, email, _, taxId) = checkout.Customer;
        var customerKey = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(id)));
        activity?.SetTag("retail.customer.key", customerKey); // clean hashes
        activity?.SetTag("retail.customer.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))); // leak TC1002 hashes
        activity?.SetTag("retail.customer.tax", taxId); // leak TC1001 direct

        var line = new StringBuilder().AppendFormat("order {0} total {1} {2}", checkout.OrderId, checkout.Total, checkout.Currency).ToString();
        logger.LogInformation("Checkout audited: {Line}", line); // clean strings

        var contact = checkout.PaymentMethod switch
        {
            "invoice" => checkout.Customer.Email,
            "sms-pay" => checkout.Customer.Phone,
            _ => "n/a",
        };
        logger.LogInformation("Receipt will go to {Contact}", contact); // leak TC1001 direct
        logger.LogInformation("Receipt for {Customer} via {Method}", pseudonymizer.PseudonymizeLoyaltyMemberId(checkout.Customer.CustomerId), checkout.PaymentMethod); // clean precision-pseudonym
    }

    public void ReportPrevious()
    {
        if (_lastCustomer is { } previous)
        {
            logger.LogDebug("Previous checkout customer {Customer}", previous.CustomerId); // leak TC1001 cross-member
            logger.LogDebug("Previous checkout customer had a phone number of {Digits} digits", previous.Phone.Count(char.IsDigit)); // clean precision-about
        }
    }

    public string Fingerprint(CheckoutCustomer customer)
    {
        var fingerprint = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(customer.CustomerId))).ToString();
        Activity.Current?.SetTag("retail.customer.fingerprint", fingerprint); // leak TC1002 hashes
        return fingerprint;
    }
}

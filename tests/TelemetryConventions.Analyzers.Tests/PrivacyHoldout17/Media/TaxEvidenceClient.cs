using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout17.Media;

/// <summary>
/// Location evidence for VAT on digital services: the place of supply is where the subscriber
/// lives, shown by at least two of billing address, IP address and the card's issuing country.
/// </summary>
public sealed record TaxEvidence(Guid SubscriberId, IPAddress ClientAddress, string BillingCountry, string BillingPostcode, string CardIssuerCountry, string Plan, long NetMinor);

public sealed record TaxDecision(string Jurisdiction, decimal Rate, long TaxMinor, bool Conflicting, string IpCountry);

/// <summary>Typed client of the tax engine that decides the VAT rate of a subscription charge.</summary>
public sealed class TaxEvidenceClient(HttpClient http, ILogger<TaxEvidenceClient> logger)
{
    public async Task<TaxDecision?> DecideAsync(TaxEvidence evidence, CancellationToken cancellationToken)
    {
        var requestUri = $"v1/decisions?country={evidence.BillingCountry}&postcode={Uri.EscapeDataString(evidence.BillingPostcode)}&ip={evidence.ClientAddress}&bin_country={evidence.CardIssuerCountry}&amount={evidence.NetMinor}";
        logger.LogDebug("Tax decision request {RequestUri}", requestUri); // leak TC1001 strings

        TaxDecision? decision;
        try
        {
            decision = await http.GetFromJsonAsync<TaxDecision>(requestUri, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // "Response status code does not indicate success: 503 (Service Unavailable)."
            logger.LogError(ex, "Tax engine failed for plan {Plan}", evidence.Plan); // clean exceptions
            return null;
        }

        if (decision is null)
        {
            return null;
        }

        Activity.Current?.SetTag("tax.evidence.ip_network", NetworkOf(evidence.ClientAddress)); // clean precision-about
        Activity.Current?.SetTag("tax.evidence.ip", evidence.ClientAddress.ToString()); // leak TC1001 direct
        logger.LogInformation("VAT evidence for postcode {Postcode}: {Rate} in {Jurisdiction}", evidence.BillingPostcode, decision.Rate, decision.Jurisdiction); // leak TC1001 direct
        if (decision.Conflicting)
        {
            logger.LogWarning("Conflicting VAT evidence {@Evidence}", evidence); // leak TC1001 logging-objects
            logger.LogWarning("Conflicting VAT evidence: billing {BillingCountry}, card {CardCountry}, network {IpCountry}", evidence.BillingCountry, evidence.CardIssuerCountry, decision.IpCountry); // clean precision-about
        }

        return decision;
    }

    /// <summary>The /16 network of an IPv4 address (or the /32 prefix of an IPv6 one).</summary>
    private static string NetworkOf(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 ? $"{bytes[0]}.{bytes[1]}.0.0/16" : $"{bytes[0]:x2}{bytes[1]:x2}:{bytes[2]:x2}{bytes[3]:x2}::/32";
    }
}

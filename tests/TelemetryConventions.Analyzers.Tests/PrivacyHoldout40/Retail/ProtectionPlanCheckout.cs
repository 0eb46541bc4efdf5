using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Retail;

public sealed record BasketLine(string Sku, string Category, decimal Price, int Quantity);

public sealed record CheckoutCustomer(string CustomerNumber, string Email, string Postcode, DateOnly? DateOfBirth, string Tier);

public sealed record ProtectionOffer(string QuoteReference, string Sku, string PlanCode, decimal Premium, int Years, QuoteDecision Decision, string RuleId);

/// <summary>The underwriting rules the insurer gave the shop for protection plans, applied at the till and online.</summary>
public static class ProtectionRules
{
    public static (QuoteDecision Decision, string RuleId) Evaluate(BasketLine line, CheckoutCustomer customer)
    {
        if (line.Price < 50m)
        {
            return (QuoteDecision.Declined, "PP-MIN-PRICE");
        }

        if (line.Category is "refurbished" or "clearance")
        {
            return (QuoteDecision.Declined, "PP-CONDITION");
        }

        return line.Price > 2_000m ? (QuoteDecision.Referred, "PP-HIGH-VALUE") : (QuoteDecision.Accepted, "PP-STANDARD");
    }
}

public sealed class ProtectionPlanOffers(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ProtectionPlanOffers> logger)
{
    private readonly Counter<long> _offers = meter.CreateCounter<long>("checkout.protection.offers", "{offer}");

    public IReadOnlyList<ProtectionOffer> OffersFor(string basketId, CheckoutCustomer customer, IReadOnlyList<BasketLine> lines)
    {
        using var activity = source.StartActivity("checkout.protection.offers");
        activity?.SetTag("checkout.basket.id", basketId);
        activity?.SetTag("checkout.customer.tier", customer.Tier); // clean precision-names
        activity?.SetTag("checkout.customer.number", customer.CustomerNumber); // leak TC1001 direct
        activity?.SetTag("checkout.customer.email_domain", customer.Email.Split('@').Last()); // clean precision-about
        activity?.SetTag(CoverAttributes.PolicyholderContact, pseudonymizer.Compute("retail.email", customer.Email)); // leak TC1001 precision-pseudonym

        var offers = new List<ProtectionOffer>();
        foreach (var line in lines)
        {
            var (decision, ruleId) = ProtectionRules.Evaluate(line, customer);
            var offer = new ProtectionOffer("PQ-" + Guid.NewGuid().ToString("N")[..8], line.Sku, "PP3", Math.Round(line.Price * 0.12m, 2), 3, decision, ruleId);
            using var span = source.StartQuoteUnderwrite(offer.QuoteReference, decision);
            span.SetQuoteRule(ruleId);
            span.SetQuotePremium((double)offer.Premium);
            span.SetQuoteSubjectId(pseudonymizer.PseudonymizeQuoteSubjectId(customer.CustomerNumber)); // clean precision-pseudonym
            if (decision == QuoteDecision.Referred)
            {
                span.SetQuoteNote($"high value {line.Sku} for customer {customer.CustomerNumber}"); // leak TC1001 generated-api
                logger.LogQuoteRuleFiredEvent(ruleId, quoteNote: $"{line.Sku} at {line.Price:C0}", quoteSubjectId: pseudonymizer.PseudonymizeQuoteSubjectId(customer.CustomerNumber)); // clean generated-api
            }

            meter.CreateQuoteDecisionsCounter().Add(1, decision, quoteRule: ruleId);
            offers.Add(offer);
        }

        _offers.Add(offers.Count, new KeyValuePair<string, object?>("tier", customer.Tier), new KeyValuePair<string, object?>("lines", lines.Count)); // clean precision-names
        logger.LogDebug("Offers built {Offers}", JsonSerializer.Serialize(offers)); // clean logging-objects
        logger.LogDebug("Offers built for {Customer}", JsonSerializer.Serialize(customer)); // leak TC1001 logging-objects
        return offers;
    }

    /// <summary>The customer accepted a plan: the policy is issued by the insurer on the shop's behalf.</summary>
    public void Accepted(ProtectionOffer offer, CheckoutCustomer customer, string policyNumber)
    {
        var activity = Activity.Current;
        activity?.SetTag("checkout.protection.plan", offer.PlanCode);
        activity?.SetTag("checkout.protection.quote", offer.QuoteReference); // clean direct
        activity?.SetTag("checkout.protection.policy", policyNumber); // leak TC1001 direct
        activity?.SetTag("checkout.protection.policyholder_age", customer.DateOfBirth is { } dob ? DateTime.UtcNow.Year - dob.Year : null); // clean precision-about
        activity?.SetTag("checkout.protection.policyholder_dob", customer.DateOfBirth?.ToString("yyyy-MM-dd")); // leak TC1001 direct
        logger.LogInformation("Protection plan {Plan} issued as {PolicyNumber} for basket line {Sku}", offer.PlanCode, policyNumber, offer.Sku); // leak TC1001 direct
    }
}

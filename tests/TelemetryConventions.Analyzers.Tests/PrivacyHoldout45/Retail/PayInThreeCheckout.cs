using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Retail;

// "Pay in 3" at the online checkout: the shop opens a session with the buy-now-pay-later provider,
// the shopper completes it in the provider's widget, and the shop authorises the order against the
// plan the provider created. The provider assesses the shopper; the shop sees the decision.

public sealed record BasketSummary(string OrderNumber, string CustomerNumber, string Email, string MobileNumber, decimal Total, int Lines, string DeliveryPostcode);

public sealed record BnplSession(string SessionId, string ClientToken, DateTimeOffset ExpiresAt);

/// <summary>The plan the provider created: its id, the decision and the instalment schedule.</summary>
public sealed record BnplPlan(string PlanId, string Decision, string? DeclineCode, IReadOnlyList<decimal> Instalments);

public interface IBnplProvider
{
    Task<BnplSession> CreateSessionAsync(string orderNumber, decimal total, string email, string mobileNumber, string billingPostcode, CancellationToken cancellationToken);

    Task<BnplPlan> AuthoriseAsync(string sessionId, string authorisationToken, CancellationToken cancellationToken);
}

/// <summary>The provider's error: a code and its fixed text ("session_expired: The session has expired").</summary>
public sealed class BnplProviderException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public static class ShopperTags
{
    public static Activity? WithShopper(this Activity? activity, string customerEmail)
    {
        activity?.SetTag("checkout.shopper.email", customerEmail); // leak TC1001 direct
        return activity;
    }
}

public sealed class PayInThreeCheckout(
    IBnplProvider provider,
    TelemetrySecrets secrets,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PayInThreeCheckout> logger)
{
    private readonly Histogram<double> _basketTotals = meter.CreateHistogram<double>("checkout.bnpl.basket_total");

    public async Task<BnplSession> StartAsync(BasketSummary basket, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichLendingApplication("bnpl-pay-in-3");
        span.SetLendingBorrowerId(pseudonymizer.PseudonymizeLendingBorrowerId(basket.CustomerNumber)); // clean precision-pseudonym
        span.SetLendingAmount((double)basket.Total); // clean precision-about
        span.SetLendingInstalmentCount(3);
        Activity.Current?.SetTag("checkout.order.number", basket.OrderNumber); // clean precision-about
        Activity.Current?.SetTag("checkout.basket.lines", basket.Lines); // clean precision-about

        var session = await provider.CreateSessionAsync(basket.OrderNumber, basket.Total, basket.Email, basket.MobileNumber, basket.DeliveryPostcode, cancellationToken);
        Activity.Current?.SetTag("bnpl.session.id", session.SessionId); // clean precision-about
        logger.LogInformation("BNPL session {SessionId} for {Mobile}", session.SessionId, basket.MobileNumber); // leak TC1001 direct
        logger.LogInformation("BNPL session {SessionId} for a mobile starting {CountryPrefix}", session.SessionId, basket.MobileNumber[..3]); // clean precision-about
        _basketTotals.Record((double)basket.Total, new KeyValuePair<string, object?>("checkout.customer_type", basket.CustomerNumber.StartsWith("G", StringComparison.Ordinal) ? "guest" : "registered")); // clean precision-names
        return session;
    }

    public async Task<BnplPlan?> AuthoriseAsync(BasketSummary basket, BnplSession session, string authorisationToken, CancellationToken cancellationToken)
    {
        var activity = Activity.Current.WithShopper(basket.Email); // leak TC1001 cross-member
        BnplPlan plan;
        try
        {
            plan = await provider.AuthoriseAsync(session.SessionId, authorisationToken, cancellationToken);
        }
        catch (BnplProviderException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("BNPL authorisation failed with {Code} for order {OrderNumber}", ex.Code, basket.OrderNumber); // clean exceptions
            return null;
        }

        activity?.SetTag("bnpl.plan.id", plan.PlanId); // clean precision-about
        activity?.SetTag("bnpl.decline_code", plan.DeclineCode); // clean precision-about
        logger.LogInformation("Plan {PlanId} ({Decision}) for customer {CustomerNumber}, instalments {Instalments}", plan.PlanId, plan.Decision, basket.CustomerNumber, plan.Instalments); // leak TC1001 direct

        // Declined shoppers are split into two groups for the retry-with-card banner test.
        var variant = MD5.HashData(Encoding.UTF8.GetBytes(basket.Email.ToLowerInvariant()))[0] % 2 == 0 ? "banner-a" : "banner-b";
        activity?.SetTag("checkout.retry_banner", variant); // leak TC1002 hashes
        var keyedVariant = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(basket.CustomerNumber))[0] % 2 == 0 ? "banner-a" : "banner-b";
        activity?.SetTag("checkout.retry_banner.keyed", keyedVariant); // clean hashes

        var decision = plan.Decision == "approved" ? LendingDecision.Approve : LendingDecision.Decline;
        meter.CreateLendingDecisionsCounter().Add(1, lendingProduct: "bnpl-pay-in-3", lendingDecision: decision); // clean generated-api
        meter.CreateLendingDecisionsCounter().Add(1, lendingProduct: $"bnpl-pay-in-3:{basket.DeliveryPostcode}", lendingDecision: decision); // leak TC1003 strings
        return plan;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Retail;

public sealed record RefundClaim(string ClaimId, string OrderNumber, string CustomerNumber, string LoyaltyCardNumber, string Kind, decimal Amount, string DeliveryPostcode);

public sealed class RefundLimitException(string customerNumber, int claims)
    : Exception($"Customer {customerNumber} has made {claims} refund claims in 90 days");

public sealed class RefundAbuseException(string claimId, string rule)
    : Exception($"Refund claim {claimId} held by rule {rule}");

/// <summary>
/// Refund abuse: "item not received" and "empty box" claims counted per customer and per delivery
/// address; above the limits a claim is held for the returns team.
/// </summary>
public sealed class RefundAbuseCheck(IVelocityStore velocity, Pseudonymizer pseudonymizer, ILogger<RefundAbuseCheck> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.Refunds.Risk");

    private readonly Counter<long> _held = meter.CreateCounter<long>("refunds.held");

    public async Task<bool> CheckAsync(RefundClaim claim, ActivityContext orderContext, CancellationToken ct)
    {
        var link = new ActivityLink(orderContext, new ActivityTagsCollection { ["order.number"] = claim.OrderNumber }); // clean direct
        using var activity = Source.StartActivity(ActivityKind.Internal, links: new[] { link }, name: "refund.check");
        if (activity is not null)
        {
            activity.DisplayName = $"refund.check {claim.Kind}"; // clean strings
        }

        activity?.SetTag("refund.claim.id", claim.ClaimId); // clean direct
        activity?.SetTag("refund.amount", (double)claim.Amount);
        logger.LogInformation("Refund claim received {@Claim}", claim); // leak TC1001 logging-objects

        var byCustomer = await velocity.IncrementAsync($"refunds:{claim.CustomerNumber}:90d", TimeSpan.FromDays(90), ct);
        var byAddress = await velocity.IncrementAsync($"refunds-addr:{claim.DeliveryPostcode.Replace(" ", string.Empty)}:90d", TimeSpan.FromDays(90), ct);
        activity?.SetTag("refund.claims_by_customer_90d", byCustomer); // clean precision-names
        activity?.SetTag("refund.claims_at_address_90d", byAddress); // clean precision-about

        var cohort = HashCode.Combine(claim.LoyaltyCardNumber) & 0xF;
        activity?.SetTag("refund.loyalty.cohort", cohort); // leak TC1002 hashes

        try
        {
            EnsureWithinLimits(claim, byCustomer, byAddress);
            return true;
        }
        catch (RefundLimitException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "refund limit"); // clean exceptions
            logger.LogWarning(ex, "Refund claim {ClaimId} held", claim.ClaimId); // leak TC1001 exceptions
            _held.Add(1, new KeyValuePair<string, object?>("rule", "customer-90d"), new KeyValuePair<string, object?>("kind", claim.Kind));
            Activity.Current?.EnrichRiskAssessment(RiskDecision.Review).SetRiskNote(ex.Message); // leak TC1001 generated-api
            return false;
        }
        catch (RefundAbuseException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Refund claim held for loyalty member {LoyaltyRef}", pseudonymizer.ComputeRiskSubjectId(claim.LoyaltyCardNumber)); // clean precision-pseudonym
            _held.Add(1, new KeyValuePair<string, object?>("rule", "address-90d"), new KeyValuePair<string, object?>("district", claim.DeliveryPostcode.Split(' ')[0])); // clean precision-about
            return false;
        }
    }

    private static void EnsureWithinLimits(RefundClaim claim, long byCustomer, long byAddress)
    {
        if (byCustomer > 4)
        {
            throw new RefundLimitException(claim.CustomerNumber, (int)byCustomer);
        }

        if (byAddress > 6)
        {
            throw new RefundAbuseException(claim.ClaimId, "address-90d");
        }
    }
}

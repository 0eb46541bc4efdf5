using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Retail;

public sealed record ReturnLine(string Sku, int Quantity, string Condition);

public sealed record ReturnRequest(string OrderId, string CustomerEmail, IReadOnlyList<ReturnLine> Lines, string RefundMethod, string? Notes);

public sealed record CustomerProfile(string CustomerId, string Tier, int LifetimeOrders, string PreferredStoreCode, string StorageAccountName);

public interface ICustomerProfiles
{
    Task<CustomerProfile?> ByEmailAsync(string email, CancellationToken cancellationToken);
}

public interface IReturnsPolicy
{
    bool IsEligible(string orderId, ReturnLine line, out string? reason);
}

/// <summary>Adds request context to the current span; the returns team calls it from several endpoints.</summary>
public static class ReturnTelemetry
{
    public static void Enrich(Activity? activity, IReadOnlyDictionary<string, string?> context)
    {
        foreach (var entry in context)
        {
            activity?.SetTag("retail.return." + entry.Key, entry.Value); // leak TC1001 cross-member
        }
    }
}

[ApiController]
[Route("api/returns")]
public sealed class ReturnsController(ICustomerProfiles profiles, IReturnsPolicy policy, Pseudonymizer pseudonymizer, Meter meter, ILogger<ReturnsController> logger) : ClaimsControllerBase
{
    private readonly Counter<int> _returns = meter.CreateCounter<int>("retail.returns");

    [HttpPost]
    public async Task<ActionResult> Create([FromBody] ReturnRequest request, CancellationToken cancellationToken)
    {
        var agentEmail = User.FindFirstValue(ClaimTypes.Email);
        ReturnTelemetry.Enrich(Activity.Current, new Dictionary<string, string?>
        {
            ["order_id"] = request.OrderId,
            ["refund_method"] = request.RefundMethod,
            ["customer_email"] = request.CustomerEmail,
            ["agent"] = agentEmail,
        });

        var profile = await profiles.ByEmailAsync(request.CustomerEmail, cancellationToken);
        var customerTier = profile?.Tier ?? "guest";
        Activity.Current?.SetTag("retail.customer.tier", customerTier); // clean precision-names
        Activity.Current?.SetTag("retail.customer.lifetime_orders", profile?.LifetimeOrders ?? 0); // clean precision-about
        Activity.Current?.SetTag("retail.storage.account_name", profile?.StorageAccountName); // clean precision-names
        Activity.Current?.SetTag("retail.customer.preferred_store", profile?.PreferredStoreCode); // clean precision-about
        Activity.Current?.SetTag("retail.customer.id", profile?.CustomerId); // leak TC1001 direct
        Activity.Current?.SetTag(LoyaltyAttributes.MemberId, profile is null ? null : pseudonymizer.PseudonymizeLoyaltyMemberId(profile.CustomerId)); // clean precision-pseudonym

        var rejected = new List<(string Sku, string Reason)>();
        foreach (var line in request.Lines)
        {
            if (!policy.IsEligible(request.OrderId, line, out var reason))
            {
                rejected.Add((line.Sku, reason ?? "policy"));
            }
        }
        Activity.Current?.SetTag("retail.return.rejected", string.Join(",", rejected.Select(r => $"{r.Sku}:{r.Reason}"))); // clean strings
        _returns.Add(1, new TagList { { "retail.return.refund_method", request.RefundMethod }, { "retail.customer.tier", customerTier } }); // clean precision-names
        _returns.Add(1, new TagList { { "retail.return.refund_method", request.RefundMethod }, { "retail.return.agent", agentEmail } }); // leak TC1003 direct

        if (rejected.Count == request.Lines.Count)
        {
            logger.LogWarning("Return for {OrderId} by {CustomerEmail} fully rejected", request.OrderId, request.CustomerEmail); // leak TC1001 direct
            return BadRequest("nothing eligible");
        }

        logger.LogInformation("Return accepted {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Return accepted {@Return}", new { request.OrderId, Lines = request.Lines.Count, Rejected = rejected.Count, HasNotes = request.Notes is not null }); // clean logging-objects
        logger.LogInformation("Return accepted for {Customer}", profile?.CustomerId ?? request.CustomerEmail); // leak TC1001 direct
        return Ok();
    }
}

namespace PrivacyHoldout89.Retail;

/// <summary>A refund as the till submits it. A record: prints its members.</summary>
public sealed record RefundRequest(string OrderId, string CustomerNumber, string CustomerEmail, decimal Amount, string CardLast4, string StoreId);

public sealed record RefundRequirement : IAuthorizationRequirement;

/// <summary>A manager's approval of a refund over the associate's limit, made by tapping their badge. A record: prints its members.</summary>
public sealed record ManagerOverride(string OverrideId, string ManagerStaffNumber, string BadgeUid, string OrderId, decimal Amount);

public interface IManagerOverrides
{
    Task<ManagerOverride?> FindAsync(string orderId, CancellationToken cancellationToken);
}

/// <summary>Thrown when a refund exceeds even a manager's limit. Quotes the order, the amount and the limit.</summary>
public sealed class RefundOverLimitException(string orderId, decimal amount, decimal limit)
    : Exception($"Refund of {amount:F2} on order {orderId} exceeds the limit of {limit:F2}");

/// <summary>
/// Associates refund up to £100, supervisors up to £500, store managers up to £2,000. Above the
/// associate's limit a manager's badge tap on the till records an override.
/// </summary>
public sealed class RefundLimitHandler(IManagerOverrides overrides, ActivitySource source, Meter meter, ILogger<RefundLimitHandler> logger, Pseudonymizer pseudonymizer)
    : AuthorizationHandler<RefundRequirement, RefundRequest>
{
    private static readonly Dictionary<string, decimal> Limits = new() { ["associate"] = 100m, ["supervisor"] = 500m, ["store_manager"] = 2000m };

    private readonly Histogram<double> _refundAmounts = meter.CreateHistogram<double>("shopauthz.refund.amount", "GBP");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RefundRequirement requirement, RefundRequest refund)
    {
        var role = Limits.Keys.LastOrDefault(context.User.IsInRole) ?? "none";
        var limit = Limits.GetValueOrDefault(role);
        using var span = source.StartShopauthzAuthorize("RefundLimit");
        span.SetShopauthzOperation("refund").SetShopauthzResourceType("order");
        span.SetShopauthzSubjectId(pseudonymizer.PseudonymizeShopauthzSubjectId(refund.CustomerNumber)); // clean precision-pseudonym
        _refundAmounts.Record((double)refund.Amount, new KeyValuePair<string, object?>("role", role), new KeyValuePair<string, object?>("store", refund.StoreId)); // clean precision-names

        if (refund.Amount <= limit)
        {
            span.SetShopauthzDecision("allow").SetShopauthzAccessMode("direct");
            logger.LogInformation("Refund {Amount} on {OrderId} within {Role} limit {Limit}", refund.Amount, refund.OrderId, role, limit); // clean precision-names
            context.Succeed(requirement);
            return;
        }

        var approval = await overrides.FindAsync(refund.OrderId, CancellationToken.None);
        try
        {
            if (approval is null)
            {
                span.SetShopauthzDecision("deny").SetShopauthzReason("over_limit");
                logger.LogShopauthzAccessDeniedEvent("RefundLimit", "over_limit", shopauthzNote: $"order {refund.OrderId}, {refund.Amount:F2} over {role} limit {limit:F2}, card ending {refund.CardLast4}"); // clean generated-api
                logger.LogInformation("Refund over limit for {Email}", refund.CustomerEmail); // leak TC1001 direct
                context.Fail(new AuthorizationFailureReason(this, "over_limit"));
                return;
            }
            if (approval.Amount > Limits["store_manager"])
            {
                throw new RefundOverLimitException(refund.OrderId, refund.Amount, Limits["store_manager"]);
            }
        }
        catch (RefundOverLimitException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Refund refused outright"); // clean exceptions
            context.Fail(new AuthorizationFailureReason(this, "over_manager_limit"));
            return;
        }

        span.SetShopauthzDecision("allow").SetShopauthzAccessMode("override");
        span.SetShopauthzGrantId(approval.OverrideId); // clean precision-names
        span.SetShopauthzActorId(pseudonymizer.PseudonymizeShopauthzActorId(approval.ManagerStaffNumber)); // clean precision-pseudonym
        logger.LogShopauthzEmergencyAccessEvent(approval.OverrideId, "override", shopauthzNote: $"approved by {approval.ManagerStaffNumber} for {refund.Amount:F2}"); // leak TC1001 generated-api
        logger.LogInformation("Manager override {@Override}", approval); // leak TC1001 logging-objects
        Activity.Current?.SetTag("shop.override.badge", approval.BadgeUid); // leak TC1001 direct
        Activity.Current?.SetTag("shop.override.badge.length", approval.BadgeUid.Length); // clean precision-about
        context.Succeed(requirement);
    }
}

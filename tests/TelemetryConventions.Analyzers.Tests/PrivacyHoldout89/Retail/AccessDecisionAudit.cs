namespace PrivacyHoldout89.Retail;

/// <summary>One access decision of the storefront API, as the audit store keeps it. A record: prints its members.</summary>
public sealed record AccessDecision(string DecisionId, string Policy, bool Allowed, string? CustomerNumber, string? StaffNumber, string Path, IReadOnlyList<string> Reasons);

/// <summary>Tags a span with the customer an access decision was about.</summary>
public static class DecisionTags
{
    public static void TagCustomer(Activity? activity, string customerNumber) =>
        activity?.SetTag("shop.decision.customer", customerNumber); // leak TC1001 direct

    public static void TagPolicy(Activity? activity, string policy, bool allowed)
    {
        activity?.SetTag("shop.decision.policy", policy);
        activity?.SetTag("shop.decision.allowed", allowed);
    }
}

/// <summary>
/// Writes the storefront's 403s as problem details and keeps an audit entry of every decision.
/// Handlers in the shop fail with codes (over_limit, session_expired, not_order_owner), except the
/// assisted-session handler, whose message names the scope and the customer.
/// </summary>
public sealed class StorefrontForbiddenHandler(IDecisionAuditStore audit, TelemetrySecrets secrets, ILogger<StorefrontForbiddenHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private AccessDecision? _lastDenied;

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var customerNumber = context.User.FindFirstValue("customer_number");
        var staffNumber = context.User.FindFirstValue("staff_number");
        var policyName = context.Items.TryGetValue("policy", out var p) ? p as string ?? "default" : "default";
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? new List<string>();
        var decision = new AccessDecision(Guid.NewGuid().ToString("N"), policyName, authorizeResult.Succeeded, customerNumber, staffNumber, context.Request.Path, reasons);
        await audit.AppendAsync(decision, context.RequestAborted);

        DecisionTags.TagPolicy(Activity.Current, policyName, authorizeResult.Succeeded); // clean precision-names
        if (customerNumber is not null)
        {
            DecisionTags.TagCustomer(Activity.Current, customerNumber); // leak TC1001 cross-member
            var emailHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.User.FindFirstValue(ClaimTypes.Email) ?? string.Empty)))[..16];
            Activity.Current?.SetTag("shop.decision.email_hash", emailHash); // leak TC1002 hashes
            var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] % 10;
            Activity.Current?.SetTag("shop.decision.cohort", cohort); // clean hashes
        }

        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        _lastDenied = decision;
        logger.LogWarning("Denied {Policy} with reasons {Reasons}", policyName, reasons); // leak TC1001 strings
        logger.LogWarning("Denied {Policy}: {ReasonCount} reasons, decision {DecisionId}", policyName, reasons.Count, decision.DecisionId); // clean precision-about
        var problem = new ProblemDetails { Status = 403, Title = "Not allowed", Type = "https://shop.example/problems/forbidden", Instance = context.Request.Path };
        problem.Extensions["decisionId"] = decision.DecisionId;
        problem.Extensions["policy"] = policyName;
        logger.LogDebug("403 problem {@Problem}", new { problem.Type, problem.Status, problem.Title, DecisionId = decision.DecisionId }); // clean logging-objects
        context.Response.StatusCode = 403;
        await context.Response.WriteAsJsonAsync(problem, context.RequestAborted);
    }

    public void LogLastDenied()
    {
        logger.LogInformation("Last denied decision: {Decision}", _lastDenied); // leak TC1001 cross-member
        logger.LogInformation("Last denied decision: {DecisionId} under {Policy}", _lastDenied?.DecisionId, _lastDenied?.Policy); // clean precision-names
    }
}

namespace PrivacyHoldout65.Gaming;

/// <summary>What the purchase filter learned about the caller, kept in the request's items for later log lines.</summary>
public sealed record PlayerLogContext(string PlayerRef, string Platform, string Region)
{
    public const string ItemKey = "arena.player.log_context";
}

/// <summary>Opens a logging scope around every store action and keeps the caller's context for the handlers.</summary>
public sealed class StoreScopeFilter(ILogger<StoreScopeFilter> logger, Pseudonymizer pseudonymizer) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var playerId = context.HttpContext.User.FindFirst("sub")?.Value ?? "anonymous";
        var platform = context.HttpContext.Request.Headers.TryGetValue("X-Platform", out var p) ? p : "unknown";
        context.HttpContext.Items[PlayerLogContext.ItemKey] = new PlayerLogContext(pseudonymizer.ComputeArenaPlayerId(playerId), platform, "eu-west");

        // Store actions take (playerId, sku) or (playerId, receipt).
        using var argumentsScope = logger.BeginScope(context.ActionArguments); // leak TC1001 direct
        using var actionScope = logger.BeginScope(new Dictionary<string, object> { ["action"] = context.ActionName, ["arguments"] = context.ActionArguments.Count }); // clean precision-names
        using var callerScope = logger.BeginScope("Store call from {Platform} by {Sub}", platform, playerId); // leak TC1001 direct

        var executed = await next();
        if (executed.Exception is StorePurchaseException failure)
        {
            logger.LogError(failure, "Store action {Action} failed", context.ActionName); // leak TC1001 exceptions
        }
    }
}

public sealed class StorePurchaseException(string message) : Exception(message);

public sealed record PurchaseRequest(string PlayerId, string Sku, string PlatformAccountId, int Quantity);

public interface IPlatformStore
{
    Task<string?> ChargeAsync(string platformAccountId, string sku, int quantity, CancellationToken ct);
}

/// <summary>Handles store purchases; logs with the context the filter left in the request.</summary>
public sealed class PurchaseHandler(ILogger<PurchaseHandler> logger, IHttpContextAccessor http, IPlatformStore store)
{
    public async Task<string> BuyAsync(PurchaseRequest request, CancellationToken ct)
    {
        var context = http.HttpContext?.Items[PlayerLogContext.ItemKey] as PlayerLogContext;
        logger.LogInformation("Purchase of {Sku} x{Quantity} by {@Caller}", request.Sku, request.Quantity, context); // clean precision-pseudonym
        var receipt = await store.ChargeAsync(request.PlatformAccountId, request.Sku, request.Quantity, ct)
            ?? throw new StorePurchaseException($"Platform refused charge for account {request.PlatformAccountId} ({request.Sku})");
        logger.LogInformation("Purchase receipt {Receipt} for {Sku}", receipt, request.Sku); // clean direct
        logger.LogInformation("Purchase settled for platform account {Account}", request.PlatformAccountId); // leak TC1001 direct
        return receipt;
    }
}

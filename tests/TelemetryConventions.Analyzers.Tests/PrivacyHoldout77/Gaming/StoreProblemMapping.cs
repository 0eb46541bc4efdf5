namespace PrivacyHoldout77.Gaming;

public sealed class InsufficientCurrencyException(Guid playerId, string sku, long priceCoins, long balanceCoins)
    : Exception($"Player {playerId} cannot afford {sku}: {priceCoins} coins, balance {balanceCoins}.")
{
    public Guid PlayerId { get; } = playerId;

    public string Sku { get; } = sku;
}

public sealed class ItemRetiredException(string sku, string season) : Exception($"Item {sku} was retired with season {season}.")
{
    public string Sku { get; } = sku;
}

public sealed record EntitlementGrant(string Sku, string Platform, int Quantity);

/// <summary>The console platforms' entitlement API.</summary>
public interface IPlatformEntitlementsApi
{
    [Post("/v3/users/{platformAccountId}/entitlements")]
    Task GrantAsync(string platformAccountId, [Body] EntitlementGrant grant, CancellationToken cancellationToken);
}

public sealed class StoreProblemHandler(ILogger<StoreProblemHandler> logger, IProblemDetailsWriter writer, Meter meter) : IExceptionHandler
{
    private readonly Counter<long> _problems = meter.CreateCounter<long>("arenaapi.store.problems", "{problem}");

    public async ValueTask<bool> TryHandleAsync(ApiCall call, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case InsufficientCurrencyException poor:
                problem = new ProblemDetails { Status = 402, Title = "Not enough coins", Detail = "Top up to buy this item." };
                problem.Extensions["sku"] = poor.Sku;
                problem.Extensions["playerId"] = poor.PlayerId;
                break;
            case ItemRetiredException retired:
                problem = new ProblemDetails { Status = 410, Title = "Item retired", Detail = retired.Message };
                problem.Extensions["sku"] = retired.Sku;
                break;
            case ApiException platform:
                problem = new ProblemDetails { Status = 502, Title = "Platform unavailable", Detail = platform.Message };
                Activity.Current?.SetTag("arenaapi.platform.uri", platform.Uri?.ToString()); // leak TC1001 strings
                logger.LogWarning("Platform answered {Status}: {Body}", (int)platform.StatusCode, platform.Content); // leak TC1001 exceptions
                break;
            default:
                return false;
        }

        problem.Extensions["errorCode"] = problem.Status switch { 402 => "INSUFFICIENT_COINS", 410 => "ITEM_RETIRED", _ => "PLATFORM_ERROR" };
        _problems.Add(1, new TagList { { "code", problem.Extensions["errorCode"] }, { "sku", problem.Extensions.GetValueOrDefault("sku") } }); // clean precision-about
        Activity.Current.EnrichArenaapiRequest(call.RouteTemplate).SetArenaapiErrorCode((string)problem.Extensions["errorCode"]!); // clean precision-about
        Activity.Current?.SetStatus(ActivityStatusCode.Error, problem.Detail); // clean exceptions
        logger.LogInformation("Store problem {Code} for player {Player}", problem.Extensions["errorCode"], problem.Extensions.GetValueOrDefault("playerId")); // leak TC1001 cross-member
        logger.LogInformation("Store problem extensions {Extensions}", string.Join(",", problem.Extensions.Keys)); // clean precision-names
        logger.LogError(exception, "Store request failed with {Code}", problem.Extensions["errorCode"]); // leak TC1001 exceptions
        await writer.WriteAsync(call, problem);
        return true;
    }
}

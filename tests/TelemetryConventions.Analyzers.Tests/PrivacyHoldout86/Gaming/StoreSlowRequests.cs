namespace PrivacyHoldout86.Gaming;

/// <summary>
/// Slow-request log of the in-game store API (<c>/v1/store/offers/{offerId}</c>,
/// <c>/v1/players/{playerId}/purchases</c>). Each route has a latency budget; a request over it is logged
/// with what the on-call engineer needs, and the worst ones are kept for the hourly report.
/// </summary>
public sealed partial class StoreSlowRequests(
    ILogger<StoreSlowRequests> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly Dictionary<string, double> BudgetsMs = new()
    {
        ["/v1/store/offers/{offerId}"] = 250,
        ["/v1/players/{playerId}/purchases"] = 600,
    };

    private static readonly Meter StoreMeter = new("Arena.Store.Slow");
    private static readonly Counter<long> OverBudget = StoreMeter.CreateCounter<long>("arena.store.over_budget");

    private readonly List<SlowStoreRequest> _worst = new();

    public void Observe(HttpContext context, TimeSpan elapsed)
    {
        var route = PathNormalizer.Template(context);
        var budget = BudgetsMs.GetValueOrDefault(route, 400);
        if (elapsed.TotalMilliseconds <= budget)
        {
            return;
        }

        var playerId = context.Request.RouteValues.GetValueOrDefault("playerId")?.ToString();
        var gamertag = context.User.Email is null ? context.Request.Headers.GetValueOrDefault("X-Gamertag") : null;
        var slow = new SlowStoreRequest(route, context.Request.Method, context.Response.StatusCode, elapsed.TotalMilliseconds, budget, playerId, gamertag);

        OverBudget.Add(1, new("route", route), new("method", context.Request.Method), new("budget_ms", budget)); // clean precision-about
        SlowStoreRequestLogged(logger, route, elapsed.TotalMilliseconds, budget); // clean precision-about
        logger.LogPlayaccessSlowRequestEvent(route, elapsed.TotalMilliseconds, playaccessStatus: context.Response.StatusCode); // clean generated-api
        logger.LogWarning("Slow store request {Slow}", slow); // leak TC1001 logging-objects

        if (playerId is not null)
        {
            logger.LogPlayaccessSlowRequestEvent(route, elapsed.TotalMilliseconds, playaccessNote: "player " + playerId); // leak TC1001 generated-api
            OverBudget.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizePlayaccessPlayerId(playerId).Value)); // leak TC1003 precision-pseudonym
        }

        if (gamertag is not null)
        {
            Activity.Current?.SetTag(PlayaccessAttributes.PlayerGamertag, gamertag); // leak TC1001 generated-api
            Activity.Current?.SetTag("arena.gamertag_header", "X-Gamertag"); // clean precision-names
        }

        lock (_worst)
        {
            _worst.Add(slow);
        }
    }

    public void HourlyReport()
    {
        lock (_worst)
        {
            var top = _worst.OrderByDescending(w => w.ElapsedMs).Take(5).ToList();
            logger.LogInformation("Slowest store routes {Routes}", string.Join(", ", top.Select(w => $"{w.Route} {w.ElapsedMs:0}ms"))); // clean cross-member
            logger.LogInformation("Slowest store requests {Requests}", top); // leak TC1001 cross-member
            logger.LogInformation("Slowest store requests by {Players}", string.Join(", ", top.Select(w => w.Gamertag ?? w.PlayerId))); // leak TC1001 cross-member
            _worst.Clear();
        }
    }

    [LoggerMessage(EventId = 9120, Level = LogLevel.Warning, Message = "Store route {Route} took {ElapsedMs} ms, budget {BudgetMs} ms")]
    private static partial void SlowStoreRequestLogged(ILogger logger, string route, double elapsedMs, double budgetMs);
}

public sealed record SlowStoreRequest(string Route, string Method, int Status, double ElapsedMs, double BudgetMs, string? PlayerId, string? Gamertag);

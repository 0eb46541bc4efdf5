namespace PrivacyHoldout86.Energy;

/// <summary>
/// HTTP logging of the account portal. Headers are logged through an allow list; the portal's cookies
/// are <c>.Grid.Session</c> (an opaque session id), <c>grid_acct</c> (the account number, kept for the
/// "welcome back" banner) and <c>consent</c> (the cookie banner's choices). Its paths carry no account number (the account
/// comes from the session), and it sets <c>grid_acct</c> on sign-in.
/// </summary>
public sealed partial class AccountPortalHeaderLogging(ILogger<AccountPortalHeaderLogging> logger) : IHttpLoggingInterceptor
{
    private static readonly HeaderRedactor Redactor = new(["Accept", "Accept-Language", "Content-Type", "User-Agent", "X-Correlation-Id", "X-App-Version"]);

    public static void Configure(HttpLoggingOptions options)
    {
        options.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration; // clean precision-names
        options.RequestHeaders.Add("X-App-Version"); // clean precision-names
        options.RequestHeaders.Add("Cookie"); // leak TC1001 direct
        options.RequestBodyLogLimit = 0;
    }

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var request = logContext.HttpContext.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value);

        logContext.AddParameter("headers", string.Join(", ", Redactor.Redact(headers).Select(h => $"{h.Key}={h.Value}"))); // clean precision-about
        logContext.AddParameter("header_names", string.Join(",", headers.Keys.Order())); // clean precision-names
        logger.LogTrace("Raw request headers {Headers}", headers); // leak TC1001 logging-objects

        logContext.AddParameter("cookie_names", string.Join(",", request.Cookies.Keys)); // clean precision-names
        logContext.AddParameter("has_session", request.Cookies.ContainsKey(".Grid.Session")); // clean precision-about

        if (request.Cookies.TryGetValue("grid_acct", out var remembered))
        {
            logContext.AddParameter("remembered_account", remembered); // leak TC1001 direct
            CookieSeen(logger, "grid_acct", remembered.Length); // clean precision-about
        }

        if (request.Cookies.TryGetValue("consent", out var consent))
        {
            logContext.AddParameter("consent", consent); // clean precision-about
        }

        logger.LogDebug("Cookies {Cookies}", string.Join("; ", request.Cookies.Select(c => c.Key + "=" + c.Value))); // leak TC1001 strings

        if (request.Headers.TryGetValue("Authorization", out var authorization))
        {
            logContext.AddParameter("auth_scheme", authorization.Split(' ')[0]); // clean precision-about
            logger.LogTrace("Authorization {Authorization}", authorization); // leak TC1001 direct
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        var response = logContext.HttpContext.Response;
        logContext.AddParameter("status_class", $"{response.StatusCode / 100}xx"); // clean precision-about
        if (response.Headers.ContainsKey("Set-Cookie"))
        {
            logContext.AddParameter("set_cookie", response.Headers["Set-Cookie"]); // leak TC1001 direct
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 5204, Level = LogLevel.Debug, Message = "Cookie {Name} present, {Length} characters")]
    private static partial void CookieSeen(ILogger logger, string name, int length);
}

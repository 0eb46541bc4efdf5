namespace PrivacyHoldout86.Retail;

/// <summary>
/// HTTP logging of the order API: <c>/customers/{customerNumber}/orders</c> (customer numbers look
/// like C-1002937, so the path normaliser, which replaces digits and Guids, leaves them in),
/// <c>/orders/{orderId}</c> (a Guid), <c>/orders/search?email=&amp;postcode=</c> (customer service)
/// and <c>/catalogue/{sku}</c>. Bodies are logged for the catalogue's JSON only.
/// </summary>
public sealed partial class OrderApiHttpLogging(
    ILogger<OrderApiHttpLogging> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : IHttpLoggingInterceptor
{
    public static void Configure(HttpLoggingOptions options)
    {
        options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration | HttpLoggingFields.RequestBody; // clean precision-names
        options.MediaTypeOptions.Clear();
        options.MediaTypeOptions.AddText("application/vnd.shop.catalogue+json"); // clean precision-names
        options.RequestBodyLogLimit = 2048; // clean precision-about
        options.ResponseBodyLogLimit = 0;
        options.RequestHeaders.Add("X-Basket-Id"); // clean precision-names
    }

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var request = logContext.HttpContext.Request;
        var normalized = PathNormalizer.Normalize(request.Path.Value);
        var template = PathNormalizer.Template(logContext.HttpContext);

        logContext.AddParameter("route", template); // clean precision-about
        logContext.AddParameter("path", normalized); // leak TC1001 strings
        logContext.AddParameter("query_length", request.QueryString.Value?.Length ?? 0); // clean precision-about

        if (request.Path.StartsWithSegments("/orders/search"))
        {
            logContext.TryDisable(HttpLoggingFields.RequestQuery);
            var email = request.Query.GetValueOrDefault("email");
            var postcode = request.Query.GetValueOrDefault("postcode");
            logContext.AddParameter("search_fields", string.Join(",", request.Query.Keys)); // clean precision-names
            logContext.AddParameter("postcode_district", postcode?.Split(' ')[0]); // clean precision-about
            logContext.AddParameter("search_email", email); // leak TC1001 direct
            SearchLogged(logger, email is null ? null : pseudonymizer.ComputeShopaccessCustomerId(email), postcode); // leak TC1001 direct
        }

        if (request.RouteValues.GetValueOrDefault("customerNumber") is string customerNumber)
        {
            logContext.AddParameter("customer", pseudonymizer.ComputeShopaccessCustomerId(customerNumber)); // clean precision-pseudonym
            logContext.AddParameter("customer_cohort", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber)))[..2]); // clean hashes
            logContext.AddParameter("customer_key", Convert.ToBase64String(Encoding.UTF8.GetBytes(customerNumber))); // leak TC1001 hashes
            logContext.AddParameter("customer_check", BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(customerNumber)), 0, 6)); // leak TC1002 hashes
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        var response = logContext.HttpContext.Response;
        logContext.AddParameter("status", response.StatusCode); // clean precision-about
        logContext.AddParameter("content_length", response.ContentLength); // clean precision-about
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 6120, Level = LogLevel.Information, Message = "Order search by {CustomerRef} in {Postcode}")]
    private static partial void SearchLogged(ILogger logger, string? customerRef, string? postcode);
}

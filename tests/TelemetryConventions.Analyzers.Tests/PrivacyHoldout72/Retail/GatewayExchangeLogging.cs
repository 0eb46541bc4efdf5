using System.IO;
using System.Text;

namespace PrivacyHoldout72.Retail;

/// <summary>
/// Request and response logging of the shop's gateway, written by the platform team before
/// <c>UseHttpLogging</c> was available to them. It logs every exchange at Information and, for the
/// routes in <see cref="BodyRoutes"/>, the bodies at Debug. The shop's routes are
/// <c>/api/customers/{customerNumber}/…</c>, <c>/api/orders/{orderId}</c>,
/// <c>/api/orders/search?email=…</c> and <c>/api/stores/{storeCode}/stock</c>.
/// </summary>
public sealed class ExchangeLoggingMiddleware(Pseudonymizer pseudonymizer, ILogger<ExchangeLoggingMiddleware> logger)
{
    private static readonly string[] BodyRoutes = ["/api/checkout", "/api/customers"];
    private static readonly HashSet<string> SafeHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "User-Agent", "X-Correlation-Id", "X-Store-Code" };

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var correlationId = Correlation.For(context);
        var customerNumber = context.User.FindFirst("customer_number")?.Value;

        var safe = request.Headers.Where(h => SafeHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value);
        logger.LogInformation("→ {Method} {RouteTemplate} {CorrelationId} headers {Headers}", request.Method, context.GetEndpoint()?.DisplayName, correlationId, safe); // clean precision-names
        logger.LogDebug("→ headers {Headers}", request.Headers); // leak TC1001 logging-objects
        logger.LogInformation("→ {Method} {PathAndQuery}", request.Method, request.Path + request.QueryString.ToString()); // leak TC1001 strings
        logger.LogDebug("→ query keys {Keys}", request.Query.Keys); // clean precision-names

        string? requestBody = null;
        if (BodyRoutes.Any(r => request.Path.StartsWithSegments(r)))
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            requestBody = await reader.ReadToEndAsync();
            request.Body.Position = 0;
            logger.LogDebug("→ body ({Length} bytes, {ContentType})", requestBody.Length, request.ContentType); // clean precision-about
            logger.LogDebug("→ body {Body}", requestBody); // leak TC1001 direct
        }

        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        buffer.Position = 0;
        var responseText = await new StreamReader(buffer).ReadToEndAsync();
        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody);
        context.Response.Body = originalBody;

        using (logger.BeginScope("customer:{CustomerRef}", customerNumber is null ? "anonymous" : pseudonymizer.PseudonymizeShopCustomerId(customerNumber).Value)) // clean precision-pseudonym
        {
            logger.LogInformation("← {StatusCode} {Length} bytes", context.Response.StatusCode, responseText.Length); // clean precision-about
            if (context.Response.StatusCode >= 400)
            {
                // The order service's problem details quote the search parameters that found nothing.
                logger.LogWarning("← error body {Body}", responseText); // leak TC1001 cross-member
            }
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["CustomerNumber"] = customerNumber, ["CorrelationId"] = correlationId })) // leak TC1001 direct
        {
            logger.LogDebug("Exchange done");
        }
    }
}

/// <summary>
/// Header forwarding rules for the order and loyalty clusters: the order service wants the customer
/// number in <c>X-Customer-Number</c>, loyalty wants the loyalty card; both must not see cookies.
/// </summary>
public sealed class ShopHeaderTransform(ILoyaltyLookup loyalty, ILogger<ShopHeaderTransform> logger) : RequestTransform
{
    public override async ValueTask ApplyAsync(RequestTransformContext context)
    {
        var user = context.HttpContext.User;
        var customerNumber = user.FindFirst("customer_number")?.Value;
        RemoveHeader(context, "Cookie");
        RemoveHeader(context, "X-Forwarded-For");

        if (customerNumber is null)
        {
            return;
        }

        AddHeader(context, "X-Customer-Number", customerNumber);
        var card = await loyalty.CardForAsync(customerNumber, context.CancellationToken);
        if (card is not null)
        {
            AddHeader(context, "X-Loyalty-Card", card);
            logger.LogDebug("Forwarding loyalty card ending {Last4}", card[^4..]); // clean precision-about
            logger.LogDebug("Forwarding loyalty card {Masked}", new string('*', card.Length - 4) + card[^4..]); // clean precision-about
        }

        var forwarded = context.ProxyRequest.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.Ordinal)).Select(h => $"{h.Key}={string.Join(",", h.Value)}");
        logger.LogDebug("Forwarded custom headers {Headers}", string.Join("; ", forwarded)); // leak TC1001 strings
        logger.LogDebug("Forwarded custom header names {Names}", context.ProxyRequest.Headers.Select(h => h.Key)); // clean precision-names
    }
}

public interface ILoyaltyLookup
{
    Task<string?> CardForAsync(string customerNumber, CancellationToken ct);
}

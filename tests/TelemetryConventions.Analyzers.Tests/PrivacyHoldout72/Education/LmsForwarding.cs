using System.Net.Http.Headers;

namespace PrivacyHoldout72.Education;

/// <summary>
/// The LMS routes (<c>/lms/{**catch-all}</c>) forward to the hosted learning platform, which wants a
/// token of its own and the learner's unique learner number (ULN) in <c>X-ULN</c>. The college's
/// internal headers must not reach the vendor.
/// </summary>
public sealed class LmsRequestTransform(ITokenExchangeClient exchange, Pseudonymizer pseudonymizer, ILogger<LmsRequestTransform> logger) : RequestTransform
{
    private static readonly string[] Internal = ["X-Student-Number", "X-Acting-For", "X-Campus-Session", "Cookie"];

    public override async ValueTask ApplyAsync(RequestTransformContext context)
    {
        var user = context.HttpContext.User;
        var uln = user.FindFirst("uln")?.Value;
        var subject = user.FindFirst("sub")?.Value ?? string.Empty;

        var removed = Internal.Where(h => context.ProxyRequest.Headers.Remove(h)).ToList();
        logger.LogDebug("Removed internal headers {Headers} before the LMS", removed); // clean precision-names

        var incoming = context.HttpContext.Request.Headers.Authorization;
        var token = await exchange.ExchangeAsync(incoming["Bearer ".Length..], "lms", context.CancellationToken);
        context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        logger.LogDebug("LMS token {TokenId} issued, {Length} characters", token.TokenId, token.AccessToken.Length); // clean precision-about
        logger.LogDebug("LMS token for {Subject}: {Token}", pseudonymizer.PseudonymizeCampusStudentId(subject), token.AccessToken); // leak TC1001 direct

        if (uln is not null)
        {
            AddHeader(context, "X-ULN", uln);
            context.Query.Collection["learner"] = uln;
        }

        var forwarded = context.Query.QueryString;
        Activity.Current?.SetTag("lms.forwarded.query", forwarded.Value); // leak TC1001 cross-member
        Activity.Current?.SetTag("lms.forwarded.query_keys", string.Join(",", context.Query.Collection.Keys)); // clean precision-names
        Activity.Current?.SetTag("lms.uln.present", uln is not null); // clean precision-about
        Activity.Current?.SetTag("lms.destination", context.DestinationPrefix); // clean precision-names
    }
}

/// <summary>
/// Logs the LMS exchanges for the vendor's SLA review. The vendor's error pages echo the request's
/// query string (which holds the learner's ULN) in a <c>X-Vendor-Error</c> header. The app's deep links
/// into the LMS carry <c>?learner={uln}</c> themselves.
/// </summary>
public sealed class LmsResponseTransform(ILogger<LmsResponseTransform> logger) : ResponseTransform
{
    private static readonly Histogram<double> ResponseSize = new Meter("Campus.Lms").CreateHistogram<double>("lms.response.size", "By");

    public override ValueTask ApplyAsync(ResponseTransformContext context)
    {
        var response = context.ProxyResponse;
        if (response is null)
        {
            logger.LogWarning("LMS returned no response for {RouteTemplate}", "/lms/{**catch-all}"); // clean precision-names
            return ValueTask.CompletedTask;
        }

        ResponseSize.Record(response.Content.Headers.ContentLength ?? 0, new KeyValuePair<string, object?>("status", (int)response.StatusCode)); // clean precision-about

        if (response.Headers.TryGetValues("X-Vendor-Error", out var vendorError))
        {
            var text = vendorError.First();
            response.Headers.Remove("X-Vendor-Error");
            logger.LogWarning("LMS error {Status}: {VendorError}", (int)response.StatusCode, text); // leak TC1001 cross-member
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "lms:" + (int)response.StatusCode); // clean precision-about
        }

        var learner = context.HttpContext.Request.Query["learner"];
        Activity.Current?.SetTag("lms.learner", learner); // leak TC1001 direct
        return ValueTask.CompletedTask;
    }
}
